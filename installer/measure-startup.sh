#!/usr/bin/env bash
# Start-up time under Xvfb, from the launch command to the main window shown and to the sample
# database's tables listed (read from the lines the app logs, see StartupTimes), over several starts
# on one data directory (the first start, which builds the sample database, is not counted).
#   installer/measure-startup.sh image [RUNS]    the app-image of installer/build.sh
#   installer/measure-startup.sh readme [RUNS]   the README's command, mvn -q -pl app -am javafx:run
#   installer/measure-startup.sh DIR [RUNS]      an installed app (DIR/bin/Tablewright), e.g. /opt/tablewright
# Prints one line per start and the medians, with the CPU time the app used until its tables were
# listed (the app-image only) and the machine's load. Needs Xvfb.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
what="${1:-image}"
runs="${2:-5}"
work="$(mktemp -d)"
display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1280x1024x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
log="$work/data/tablewright/logs/tablewright.log"
launcher="$root/installer/target/image/Tablewright/bin/Tablewright"
[[ -d "$what" ]] && launcher="$what/bin/Tablewright"

start_once() {
  rm -f "$log"
  local t0 pid
  t0=$(date +%s%3N)
  if [[ "$what" == readme ]]; then
    (cd "$root" && exec setsid mvn -q -pl app -am javafx:run) >"$work/out.txt" 2>&1 &
  else
    setsid "$launcher" >"$work/out.txt" 2>&1 &
  fi
  pid=$!
  for _ in $(seq 1 600); do
    grep -q "Start-up: tables listed" "$log" 2>/dev/null && break
    sleep 0.1
  done
  # CPU time the process used until then (user + system; clock ticks of 10 ms): what the start
  # costs whatever else the machine is doing. Only the app-image's launcher is the JVM itself.
  local cpu=-
  [[ "$what" != readme ]] && cpu=$(awk '{print ($14 + $15) * 10}' "/proc/$pid/stat" 2>/dev/null)
  local window tables
  window=$(( $(date -d "$(grep 'window shown' "$log" | cut -c1-23)" +%s%3N) - t0 ))
  tables=$(( $(date -d "$(grep 'tables listed' "$log" | cut -c1-23)" +%s%3N) - t0 ))
  sleep 1
  kill -- -"$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  echo "$window $tables $cpu"
}

export DISPLAY="$display" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
start_once >/dev/null
windows=()
tables=()
cpus=()
for i in $(seq 1 "$runs"); do
  read -r w t c < <(start_once)
  echo "start $i: window shown after $w ms, tables listed after $t ms (CPU $c ms)"
  windows+=("$w")
  tables+=("$t")
  cpus+=("$c")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $runs ($what): window $(median "${windows[@]}") ms, tables $(median "${tables[@]}") ms, CPU $(median "${cpus[@]}") ms; load average $(cut -d' ' -f1-3 /proc/loadavg)"
