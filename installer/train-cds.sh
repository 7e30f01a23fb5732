#!/usr/bin/env bash
# Starts the app-image once under Xvfb on a fresh data directory, records every class loaded
# until the sample's tables are listed (lib/app/classes.lst), and makes the archive from it.
# Usage: train-cds.sh APP_IMAGE   (needs Xvfb)
set -euo pipefail
image="$(readlink -f "$1")"
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
work="$(mktemp -d)"
display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1280x1024x24 >/dev/null 2>&1 &
xvfb=$!
cleanup() {
  kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
sleep 1

rm -f "$image/lib/app/tablewright.jsa"
DISPLAY="$display" JAVA_TOOL_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$image/lib/app/classes.lst -Dtablewright.dataDir=$work/data" \
  XDG_CONFIG_HOME="$work/config" "$image/bin/Tablewright" >"$work/out.txt" 2>&1 &
app=$!
log="$work/data/logs/tablewright.log"
for _ in $(seq 1 120); do
  grep -q "Start-up: tables listed" "$log" 2>/dev/null && break
  sleep 0.5
done
grep -q "Start-up: tables listed" "$log" 2>/dev/null || { echo "train-cds.sh: the app did not list its tables" >&2; cat "$work/out.txt" >&2; exit 1; }
# A moment more for what runs right after the list (row counts, the first repaint).
sleep 3
kill "$app"
wait "$app" 2>/dev/null || true
"$here/make-cds-archive.sh" "$image"
echo "classes archived: $(wc -l <"$image/lib/app/classes.lst"), $(du -h "$image/lib/app/tablewright.jsa" | cut -f1)"
