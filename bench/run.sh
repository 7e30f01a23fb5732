#!/usr/bin/env bash
# Runs the insert/paging benchmark (docs/benchmarks.md):
#   bench/run.sh --rows 1000000                 # every dialect, 3 loads per path
#   bench/run.sh --rows 100000 --dialects sqlite --repeat 1
#   bench/run.sh --help
#   bench/run.sh --history                      # record history: tracked vs untracked addRows, lookup among 1M versions
#   bench/run.sh --history --dialects mariadb   # one dialect at a time
#   bench/run.sh --history-raw                  # the same history cost in hand-written JDBC (MariaDB, PostgreSQL)
#   bench/run.sh --history-format               # candidate history formats (decision 51) in hand-written SQL, every dialect
#   bench/run.sh --unique-key                   # MariaDB: a text field's exact unique key against the plain one
#   bench/run.sh --smoke-servers DIR CERT KEY   # PostgreSQL (TLS + SCRAM) and MariaDB for installer/smoke-test.sh
#   DISPLAY=:42 bench/run.sh --diagram          # the relationship diagram on 3,000 tables and 4,000 relationships
# Compiles core (main and test classes: the test classes hold the embedded-server harness) in this
# checkout, compiles the bench against them with javac, and runs it in its own JVM. Nothing is
# installed into the local Maven repository, so other checkouts sharing it are not affected.
# Environment: MVN_FLAGS (default "-q"; add -o to build offline), JAVA_OPTS (default "-Xmx8g"),
# TW_TEST_POSTGRES_URL / TW_TEST_MARIADB_URL to use running servers instead of embedded ones.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn_flags=${MVN_FLAGS:--q}
if [ "${1:-}" = "--diagram" ]; then
  # bench/run.sh --diagram [--tables 3000] [--links 4000]: the relationship diagram on a generated
  # SQLite schema. Needs a display (DISPLAY=:N with Xvfb works); vsync is off so a frame takes what it costs.
  shift
  mvn $mvn_flags -pl app -am compile
  mvn $mvn_flags -pl app dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
  cp="core/target/classes:app/target/classes:$(cat app/target/bench-classpath.txt)"
  rm -rf bench/target/diagram-classes
  mkdir -p bench/target/diagram-classes
  javac --release 17 -nowarn -d bench/target/diagram-classes -cp "$cp" $(find bench/src/diagram/java -name '*.java')
  exec java ${JAVA_OPTS:--Xmx4g} -Dprism.vsync=false -Djavafx.animation.fullspeed=true \
    -cp "bench/target/diagram-classes:$cp" dev.tablewright.bench.DiagramBench "$@"
fi
# -f core/pom.xml finds the parent by its relative path; the other modules need not build.
mvn $mvn_flags -f core/pom.xml test-compile
mvn $mvn_flags -f core/pom.xml dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
cp="core/target/classes:core/target/test-classes:$(cat core/target/bench-classpath.txt)"
rm -rf bench/target/classes
mkdir -p bench/target/classes
javac --release 17 -nowarn -d bench/target/classes -cp "$cp" $(find bench/src/main/java -name '*.java')
main=dev.tablewright.bench.InsertBench
if [ "${1:-}" = "--history" ]; then
  # bench/run.sh --history [--rows 100000] [--history 1000000] [--dialects sqlite,postgres,mariadb]
  shift
  main=dev.tablewright.bench.HistoryBench
elif [ "${1:-}" = "--history-format" ]; then
  # bench/run.sh --history-format [--rows N] [--rounds N] [--lookup N] [--parts insert,update,updateById,lookup,upgrade] [--dialects …]
  shift
  main=dev.tablewright.bench.HistoryFormatBench
elif [ "${1:-}" = "--history-raw" ]; then
  shift
  main=dev.tablewright.bench.HistoryRawBench
elif [ "${1:-}" = "--unique-key" ]; then
  # bench/run.sh --unique-key [--rows 200000] [--repeat 3] [--lookups 20000]: MariaDB's exact unique key (decision 0050)
  shift
  main=dev.tablewright.bench.UniqueKeyBench
elif [ "${1:-}" = "--smoke-servers" ]; then
  # bench/run.sh --smoke-servers DIR CERT KEY: the servers installer/smoke-test.sh connects to.
  shift
  main=dev.tablewright.bench.SmokeServers
fi
exec java ${JAVA_OPTS:--Xmx8g} -cp "bench/target/classes:$cp" "$main" "$@"
