#!/usr/bin/env bash
# Builds Tablewright's Linux packages into installer/target/:
#   image/Tablewright/          the app-image (bin/Tablewright, bin/tablewright-cli, its own runtime)
#   tablewright_<version>_amd64.deb
# Usage: installer/build.sh [--no-deb]
#
# Needs: a JDK 17+ with jmods (jlink, jpackage, jdeps; JAVA_HOME or the javac on the PATH), Maven, unzip,
# and for the .deb fakeroot and dpkg-deb (Debian: apt-get install fakeroot dpkg-dev).
# Optional: Xvfb (Debian: xvfb). With it, the app is started once to record the classes it loads
# at start-up, and the packages carry a class-data-sharing archive of them (a faster start).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
here="$root/installer"
out="$here/target"
deb=true
[[ "${1:-}" == "--no-deb" ]] && deb=false

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
for tool in jlink jpackage jdeps java; do
  [[ -x "$java_home/bin/$tool" ]] || { echo "build.sh: $java_home/bin/$tool is missing (need a full JDK 17+)" >&2; exit 2; }
done
[[ -d "$java_home/jmods" ]] || { echo "build.sh: $java_home/jmods is missing (jlink needs the JDK's jmods)" >&2; exit 2; }
if $deb; then
  for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing (apt-get install fakeroot dpkg-dev), or pass --no-deb" >&2; exit 2; }
  done
fi

version="$(sed -n 's:^  <version>\([0-9.]*\).*</version>:\1:p' "$root/pom.xml" | head -1)"
rm -rf "$out"
mkdir -p "$out/input" "$out/deps" "$out/javafx"

echo "== Maven: the app and the command line"
# One reactor, so the core jar copied is the one just built, not an older one from ~/.m2.
(cd "$root" && mvn -q -pl app,cli -am package dependency:copy-dependencies -DskipTests \
  -DincludeScope=runtime -DoutputDirectory="$out/deps")
cp "$root/app/target/tablewright-app-$version"*.jar "$out/input/tablewright-app.jar"
cp "$root/cli/target/tablewright-cli-$version"*.jar "$out/input/tablewright-cli.jar"
# JavaFX goes into the runtime as modules (below); every other library stays on the class path.
for jar in "$out/deps"/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) cp "$jar" "$out/javafx/" ;;
    javafx-*) ;;
    *) cp "$jar" "$out/input/" ;;
  esac
done

# SQLite's native library ships unpacked, so the driver loads it in place instead of copying it
# to /tmp at every start (org.sqlite.lib.path in the launchers).
mkdir -p "$out/input/native"
(cd "$out/input/native" && unzip -q -j "$out/input/sqlite-jdbc-"*.jar 'org/sqlite/native/Linux/x86_64/libsqlitejdbc.so')
cp "$here/make-cds-archive.sh" "$out/input/"

echo "== jlink: a runtime with only the modules needed"
# jdeps finds what the code names; the rest is what is loaded by name at run time: TLS with
# elliptic curves (jdk.crypto.ec), JDBC drivers' charsets (jdk.charsets), SCRAM/SASL and Kerberos
# (java.security.sasl, java.security.jgss, jdk.security.auth), JNDI (java.naming), locales
# (jdk.localedata), zip file systems (jdk.zipfs).
found="$("$java_home/bin/jdeps" -q --ignore-missing-deps --multi-release 17 --print-module-deps \
  --module-path "$out/javafx" --class-path "$out/input/*" "$out/input"/*.jar)"
modules="$found,javafx.controls,jdk.crypto.ec,jdk.charsets,java.naming,java.security.sasl,java.security.jgss,jdk.security.auth,jdk.localedata,jdk.zipfs,jdk.unsupported"
echo "modules: $modules"
"$java_home/bin/jlink" --module-path "$java_home/jmods:$out/javafx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$out/runtime"
# The archive for heaps over 32 GB (uncompressed oops) is of no use to a desktop app: 10 MB less.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"
# JavaFX's Maven jars carry their native libraries as resources; where a jlinked runtime keeps
# them (lib/), JavaFX loads them directly instead of extracting them to ~/.openjfx at start-up.
for jar in "$out/javafx"/*.jar; do
  unzip -q -o -j "$jar" '*.so' -d "$out/runtime/lib" 2>/dev/null || true
done

echo "== jpackage: the app-image"
common_options='-Dorg.sqlite.lib.path=$APPDIR/native -Dorg.sqlite.lib.name=libsqlitejdbc.so'
# The command line's no-op SLF4J provider shares the class path: name the app's, so SLF4J neither
# scans for providers nor warns about two.
app_options="$common_options -Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider -Dslf4j.internal.verbosity=WARN"
"$java_home/bin/jpackage" --type app-image --dest "$out/image" \
  --name Tablewright --app-version "$version" --vendor Tablewright \
  --description "Workbench for SQLite, PostgreSQL and MySQL/MariaDB data" \
  --icon "$here/linux/tablewright.png" \
  --input "$out/input" --main-jar tablewright-app.jar --main-class dev.tablewright.app.Launcher \
  --runtime-image "$out/runtime" \
  --java-options "$app_options -XX:SharedArchiveFile=\$APPDIR/tablewright.jsa -Xshare:auto" \
  --add-launcher tablewright-cli="$here/cli-launcher.properties"
image="$out/image/Tablewright"

if command -v Xvfb >/dev/null; then
  echo "== class-data-sharing archive (a training start under Xvfb)"
  "$here/train-cds.sh" "$image"
else
  echo "== no Xvfb: packaging without a start-up class archive"
fi
echo "app-image: $(du -sh "$image" | cut -f1) ($image)"

if $deb; then
  echo "== jpackage: the .deb"
  # The archive holds this build's paths; the package's postinst makes one for /opt/tablewright.
  [[ -f "$image/lib/app/tablewright.jsa" ]] && mv "$image/lib/app/tablewright.jsa" "$out/tablewright.jsa"
  "$java_home/bin/jpackage" --type deb --dest "$out" --app-image "$image" \
    --name Tablewright --app-version "$version" --vendor Tablewright \
    --description "Workbench for SQLite, PostgreSQL and MySQL/MariaDB data" \
    --linux-package-name tablewright --linux-deb-maintainer "tablewright@localhost" \
    --linux-menu-group "Development;Database" --linux-app-category database --linux-shortcut \
    --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libxxf86vm1, libfontconfig1, libfreetype6" \
    --icon "$here/linux/tablewright.png" \
    --file-associations "$here/sqlite.properties" --file-associations "$here/db.properties" \
    --resource-dir "$here/linux"
  [[ -f "$out/tablewright.jsa" ]] && mv "$out/tablewright.jsa" "$image/lib/app/tablewright.jsa"
  ls -la "$out"/*.deb
fi
