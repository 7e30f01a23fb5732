#!/usr/bin/env bash
# Refreshes docs/screenshots/:
#  1. main-window.png: runs the app (`mvn -pl app -am javafx:run`) on a virtual X display, waits for
#     its window and the sample database, captures the window and quits the app with File → Quit's
#     shortcut;
#  2. every other screen: runs the tests tagged "screenshot" (headless, Monocle) with
#     -Dtablewright.screenshots set, which drive each screen as a person would and render it with
#     the app's theme. Ordinary test runs skip them.
#
# Installs nothing. Needs Maven and Java 17, plus on Debian/Ubuntu:
#   apt-get install -y xvfb libgtk-3-0 xdotool imagemagick
# (xvfb-run, JavaFX's GTK glass, xdotool to find and drive the window, ImageMagick's `import`).
#
# The app gets a fresh data directory, so the shot shows the sample database as first created.
# Extra arguments go to Maven, e.g. `scripts/screenshots.sh -o` to stay offline.
set -euo pipefail

cd "$(dirname "$0")/.."
for tool in xvfb-run xdotool import mvn; do
    command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing (see the header of this script)" >&2; exit 1; }
done

out="$PWD/docs/screenshots"
mkdir -p "$out"
data="$(mktemp -d "${TMPDIR:-/tmp}/tablewright-screenshots.XXXXXX")"
trap 'rm -rf "$data"' EXIT
# On Linux the app keeps its files in $XDG_DATA_HOME/tablewright.
export XDG_DATA_HOME="$data" OUT="$out" MAVEN_ARGS_EXTRA="$*"

xvfb-run -a -s "-screen 0 1280x900x24" bash -euo pipefail -c '
    mvn -q $MAVEN_ARGS_EXTRA -pl app -am javafx:run &
    mvn_pid=$!

    window=""
    for _ in $(seq 1 180); do
        window="$(xdotool search --name "^Tablewright$" 2>/dev/null | head -1 || true)"
        [ -n "$window" ] && break
        kill -0 "$mvn_pid" 2>/dev/null || { echo "screenshots.sh: the app exited before showing its window" >&2; exit 1; }
        sleep 1
    done
    [ -n "$window" ] || { echo "screenshots.sh: no Tablewright window after 180 s" >&2; kill "$mvn_pid"; exit 1; }

    for _ in $(seq 1 60); do
        [ -f "$XDG_DATA_HOME/tablewright/sample.db" ] && break
        sleep 1
    done
    sleep 3  # the table list and row counts follow the file within moments

    import -window "$window" "$OUT/main-window.png"
    echo "wrote $OUT/main-window.png"

    xdotool windowfocus --sync "$window" key ctrl+q
    for _ in $(seq 1 30); do
        kill -0 "$mvn_pid" 2>/dev/null || exit 0
        sleep 1
    done
    echo "screenshots.sh: Ctrl+Q did not quit the app; stopping it" >&2
    for child in $(pgrep -P "$mvn_pid" || true); do kill "$child" || true; done
    kill "$mvn_pid" 2>/dev/null || true
    exit 1
'

# Step 2: the screens, rendered by the tests tagged "screenshot".
TW_TEST_DIALECTS=sqlite mvn -q $MAVEN_ARGS_EXTRA -pl app -am test -Dgroups=screenshot \
    -Dsurefire.failIfNoSpecifiedTests=false -Dtablewright.screenshots="$out"
echo "wrote the screens to $out"
