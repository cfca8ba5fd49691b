#!/usr/bin/env bash
# Side by side: dlv4j's bulk memory read against C's pread(/proc/pid/mem), on the same 1 MiB of
# the same stopped Go process, in one run. Prints both throughputs and the ratio (goal >= 0.80).
# Usage (from anywhere): benchmarks/bulk-read-vs-c.sh [iterations]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p benchmarks/target
gcc -O2 -Wall -o benchmarks/target/bulk-read benchmarks/bulk_read.c
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q package -pl benchmarks -am -DskipTests
fi
exec java -Ddlv4j.testdata="$root/testdata" -Ddlv4j.fixtureCache="$root/target/go-fixtures" \
  -cp benchmarks/target/benchmarks.jar org.dlv4j.benchmarks.memory.BulkReadVsC \
  benchmarks/target/bulk-read "${1:-2000}"
