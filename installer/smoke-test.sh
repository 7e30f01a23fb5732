#!/usr/bin/env bash
# Smoke test of the app-image built by installer/build.sh (about a minute, plus starting servers):
#   1. the app starts under Xvfb, shows its window and lists the sample database's tables
#      (read from its log), with a screenshot in installer/target/smoke/; started again with a
#      database file as its argument, it opens that file;
#   2. the packaged command line (bin/tablewright-cli, same trimmed runtime) opens a SQLite file,
#      and connects to PostgreSQL over TLS with SCRAM-SHA-256 and to MariaDB, servers started as
#      the test suite starts them (bench/run.sh --smoke-servers): proof that the runtime carries
#      what the drivers load by name.
# Usage: installer/smoke-test.sh [APP_IMAGE]    (default installer/target/image/Tablewright)
# Needs: Xvfb, openssl; Maven for the servers. Prints PASS/FAIL per check; exit status 1 on a failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
image="$(readlink -f "${1:-$root/installer/target/image/Tablewright}")"
work="$root/installer/target/smoke"
rm -rf "$work" && mkdir -p "$work/servers"
failures=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

pids=()
cleanup() {
  touch "$work/servers/stop"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  sleep 2
}
trap cleanup EXIT

# --- servers first: they take longest to start, and start while the app is tested
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -keyout "$work/servers/key.pem" -out "$work/servers/cert.pem" 2>/dev/null
(cd "$root" && bench/run.sh --smoke-servers "$work/servers" "$work/servers/cert.pem" "$work/servers/key.pem" \
  >"$work/servers.log" 2>&1) &
pids+=($!)

# --- 1. the app under Xvfb
display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1280x1024x24 >/dev/null 2>&1 &
pids+=($!)
sleep 1
DISPLAY="$display" JAVA_TOOL_OPTIONS="-Dtablewright.dataDir=$work/data" XDG_CONFIG_HOME="$work/config" \
  "$image/bin/Tablewright" >"$work/app.out" 2>&1 &
app=$!
pids+=($app)
log="$work/data/logs/tablewright.log"
for _ in $(seq 1 120); do
  grep -q "Start-up: tables listed" "$log" 2>/dev/null && break
  sleep 0.5
done
if grep -q "Start-up: window shown" "$log" 2>/dev/null; then pass "the window is shown ($(grep -o 'window shown after [0-9]* ms' "$log"))"; else fail "no window (see $work/app.out)"; fi
if grep -q "Start-up: tables listed" "$log" 2>/dev/null; then pass "the sample database's tables are listed ($(grep -o 'tables listed after [0-9]* ms' "$log"))"; else fail "the sample's tables were not listed (see $log)"; fi
sleep 1
DISPLAY="$display" python3 "$root/../shared/tools/xshot.py" "$work/app.png" 2>/dev/null \
  || DISPLAY="$display" import -window root "$work/app.png" 2>/dev/null || true
[[ -f "$work/app.png" ]] && echo "     screenshot: $work/app.png"
if grep -q "ERROR" "$log"; then fail "the app logged errors: $(grep ERROR "$log" | head -3)"; else pass "no error in the app's log"; fi
kill "$app" 2>/dev/null
wait "$app" 2>/dev/null

# --- 1b. a database file named on the command line (what the .deb's file association runs)
given="$work/given.sqlite"
cp "$work/data/sample.db" "$given"
DISPLAY="$display" JAVA_TOOL_OPTIONS="-Dtablewright.dataDir=$work/data" XDG_CONFIG_HOME="$work/config" \
  "$image/bin/Tablewright" "$given" >"$work/app-file.out" 2>&1 &
app=$!
pids+=($app)
for _ in $(seq 1 120); do
  grep -q "Opened .*($given)" "$log" 2>/dev/null && break
  sleep 0.5
done
if grep -q "Opened .*($given)" "$log"; then pass "a file given on the command line opens: $(grep -o "Opened .*($given).*" "$log" | head -1)"; else fail "$given given on the command line was not opened"; fi
kill "$app" 2>/dev/null

# --- 2. the packaged command line
cli="$image/bin/tablewright-cli"
sample="$work/data/sample.db"
out="$("$cli" sql "SELECT count(*) AS n FROM products" --db "$sample" 2>&1)"
if [[ "$out" == *'"n":'* ]]; then pass "the command line reads the sample SQLite file: $out"; else fail "the command line on SQLite: $out"; fi

for _ in $(seq 1 600); do
  [[ -f "$work/servers/ready" ]] && break
  sleep 0.5
done
if [[ ! -f "$work/servers/ready" ]]; then
  fail "the servers did not start (see $work/servers.log)"
else
  out="$("$cli" run "$work/servers/postgres.yaml" 2>&1)"
  if [[ "$out" == *'smoke_check'* && "$out" == *'"ssl":true'* ]]; then
    pass "PostgreSQL over TLS with SCRAM-SHA-256: $(echo "$out" | tail -1)"
  else
    fail "PostgreSQL over TLS with SCRAM-SHA-256: $out"
  fi
  out="$("$cli" run "$work/servers/mariadb.yaml" 2>&1)"
  if [[ "$out" == *'smoke_check'* && "$out" == *'"version"'* ]]; then
    pass "MariaDB: $(echo "$out" | tail -1)"
  else
    fail "MariaDB: $out"
  fi
fi

echo "runtime modules: $("$image/lib/runtime/bin/java" --list-modules | sed 's/@.*//' | paste -sd' ' -)"
[[ $failures -eq 0 ]] && echo "smoke test: all passed" || echo "smoke test: $failures failed"
exit $(( failures > 0 ))
