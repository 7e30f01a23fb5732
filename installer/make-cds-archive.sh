#!/bin/sh
# Makes lib/app/tablewright.jsa, the class-data-sharing archive the app starts from, out of the
# class list recorded by train-cds.sh. The archive holds the class path's absolute paths, so it is
# made where the app lives: by build.sh for the app-image, by the .deb's postinst under /opt.
# Usage: make-cds-archive.sh APP_ROOT   (the folder holding bin/ and lib/)
set -e
root="$1"
app="$root/lib/app"
[ -f "$app/classes.lst" ] || exit 0
# The class path exactly as the launcher builds it from its .cfg file.
classpath="$(sed -n 's/^app\.\(mainjar\|classpath\)=//p' "$app/Tablewright.cfg" | sed "s#\\\$APPDIR#$app#g" | paste -sd: -)"
"$root/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/classes.lst" \
  -XX:SharedArchiveFile="$app/tablewright.jsa" -cp "$classpath" >/dev/null
