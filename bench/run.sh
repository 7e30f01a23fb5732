#!/usr/bin/env bash
# Runs the insert/paging benchmark (docs/benchmarks.md):
#   bench/run.sh --rows 1000000                 # every dialect, 3 loads per path
#   bench/run.sh --rows 100000 --dialects sqlite --repeat 1
#   bench/run.sh --help
#   bench/run.sh --history                      # record history: tracked vs untracked addRows, lookup among 1M versions
# Builds the parent pom and core (installed to the local Maven repository, with core's test-jar,
# which holds the embedded-server harness), compiles the bench, then runs it in its own JVM.
# Environment: MVN_FLAGS (default "-q"; add -o to build offline), JAVA_OPTS (default "-Xmx8g"),
# TW_TEST_POSTGRES_URL / TW_TEST_MARIADB_URL to use running servers instead of embedded ones.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn_flags=${MVN_FLAGS:--q}
# -N / -f: works whether or not the other modules of the reactor are present and build.
mvn $mvn_flags -N install
mvn $mvn_flags -f core/pom.xml install -DskipTests
mvn $mvn_flags -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
main=dev.tablewright.bench.InsertBench
if [ "${1:-}" = "--history" ]; then
  # bench/run.sh --history [--rows 100000] [--history 1000000] [--dialects sqlite,postgres,mariadb]
  shift
  main=dev.tablewright.bench.HistoryBench
fi
exec java ${JAVA_OPTS:--Xmx8g} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main" "$@"
