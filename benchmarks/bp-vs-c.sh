#!/usr/bin/env bash
# Side by side: breakpoint hits per second of a minimal C ptrace loop (int3, restore, step,
# re-insert, continue) against dlv4j's tracepoint fast path and its stop-the-world resume(),
# on the same Go program (testdata/engine-basic calling main.work N times), in one run.
# Prints each rate and the ratios (goal: fast path >= 0.9 x C).
# Usage (from anywhere): benchmarks/bp-vs-c.sh [hits]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p benchmarks/target
gcc -O2 -Wall -o benchmarks/target/bp-loop benchmarks/bp_loop.c
jar=benchmarks/target/benchmarks.jar
# (re)build the jar if it is missing or older than any main source or pom of the reactor
if [ ! -f "$jar" ] || [ -n "$(find . -path ./testdata -prune -o -path '*/target' -prune -o \
    \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$jar" -print -quit)" ]; then
  mvn -B -q package -pl benchmarks -am -DskipTests
fi
exec java -Ddlv4j.testdata="$root/testdata" -Ddlv4j.fixtureCache="$root/target/go-fixtures" \
  -cp "$jar" org.dlv4j.benchmarks.gort.BreakpointVsC \
  benchmarks/target/bp-loop "${1:-100000}"
