#!/bin/sh
# The auditors' figures in one run: search by case reference over 5,000,000 entries (p95), full offline
# verification of 1,000,000 entries, one inclusion proof in a 1,000,000-leaf tree (JMH), then the pipeline at its
# peak with the checkpoint signer's backlog ("Checkpointing during that run"). The search database is loaded once
# into target/search-benchmark-db (several minutes) and reused. Arguments (--name=value) go to the load driver.
# Exit status 0 only when every goal is met.
set -e
cd "$(dirname "$0")/.."
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  ./mvnw -q -pl benchmarks -am package -DskipTests
fi
mkdir -p target
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar benchmarks/target/benchmarks.jar \
  'RegisterSearchBenchmark.searchByCaseReference$|RegisterVerificationBenchmark|MerkleBenchmark.generateInclusionProof' \
  -rf text -rff target/auditing-benchmarks.txt
set +e
# Each goal against the JMH result: the score is the figure before "±", or the last before the unit.
awk '
  function ms(line,   i, n, f, score, unit) {
    n = split(line, f, /[ \t]+/); unit = f[n]; score = f[n - 1]
    for (i = 1; i <= n; i++) if (f[i] == "±") score = f[i - 1]
    if (unit ~ /^us/) return score / 1000
    if (unit ~ /^ns/) return score / 1000000
    if (unit ~ /^s\//) return score * 1000
    return score + 0
  }
  function goal(what, value, limit) {
    printf "%-55s %12.3f ms  goal <= %s ms  %s\n", what, value, limit, (value <= limit ? "met" : "MISSED")
    if (value > limit) missed = 1
    seen++
  }
  /searchByCaseReference:p0.95/                     { goal("search by case reference, 5,000,000 entries, p95", ms($0), 20) }
  /RegisterVerificationBenchmark.verifyMillionEntryExport / { goal("offline verification of 1,000,000 entries", ms($0), 10000) }
  /MerkleBenchmark.generateInclusionProof /         { goal("one inclusion proof, 1,000,000 leaves", ms($0), 5) }
  END { if (seen != 3) { print "expected 3 results, found " seen; exit 1 } exit missed }
' target/auditing-benchmarks.txt
jmh_status=$?
benchmarks/run-pipeline-load.sh --only=pipeline "$@"
load_status=$?
[ "$jmh_status" -eq 0 ] && [ "$load_status" -eq 0 ]
