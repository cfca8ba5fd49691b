#!/usr/bin/env bash
# Lists 100k parked goroutines (testdata/goroutines-many) with their locations, then fetches
# every goroutine's stack, once in-process with dlv4j (benchmarks' GoroutinesVsDlv, through the
# public API, one launch per round) and once with the reference Delve (dlv exec --headless, driven by Delve's own rpc2
# client: benchmarks/dlv-client), stopped at the same breakpoint (main.stopHere) of the same
# binary, and prints both times and the ratios. Only the listing is timed, not start-up.
#
# Usage: benchmarks/goroutines-vs-dlv.sh [GOROUTINES] [DEPTH]   (run from the repository root;
# needs Go, a JDK 17+, network access to the Go module proxy on first use, and a built
# benchmarks/target/benchmarks.jar: mvn -B -q verify -pl benchmarks -am -DskipTests)
set -euo pipefail

N=${1:-100000}
DEPTH=${2:-10}          # Delve's "goroutines -t" default
ROUNDS=${ROUNDS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; [[ -n "${DLV_PID:-}" ]] && kill "$DLV_PID" 2>/dev/null || true' EXIT

echo "building the fixture (-gcflags=all=-N -l, as for debugging) and the tools in $WORK"
(cd "$ROOT/testdata/goroutines-many" && go build -gcflags='all=-N -l' -o "$WORK/goroutines-many" .)
GOBIN="$WORK/bin" go install github.com/go-delve/delve/cmd/dlv@v1.27.2
(cd "$ROOT/benchmarks/dlv-client" && go build -o "$WORK/bin/dlv-client" .)
JAR="$ROOT/benchmarks/target/benchmarks.jar"
[[ -f "$JAR" ]] || { echo "missing $JAR: mvn -B -q verify -pl benchmarks -am -DskipTests" >&2; exit 1; }

echo "== dlv4j (in-process, $ROUNDS rounds of launch, stop, list; round 0 runs in a cold JVM)"
# Delve's Stacktrace depth D returns up to D+1 frames; ask dlv4j for the same number.
java -cp "$JAR" org.dlv4j.benchmarks.gort.GoroutinesVsDlv "$WORK/goroutines-many" main.stopHere \
  $((DEPTH + 1)) "$ROUNDS" "$N" | tee "$WORK/ours.txt"

echo "== dlv $("$WORK/bin/dlv" version | sed -n 's/^Version: //p') (headless, JSON-RPC)"
PORT=$((40000 + RANDOM % 20000))
"$WORK/bin/dlv" exec --headless --api-version=2 --listen="127.0.0.1:$PORT" "$WORK/goroutines-many" -- "$N" \
  > "$WORK/dlv.log" 2>&1 &
DLV_PID=$!
for _ in $(seq 100); do grep -q "listening" "$WORK/dlv.log" 2>/dev/null && break; sleep 0.1; done
"$WORK/bin/dlv-client" "127.0.0.1:$PORT" main.stopHere "$DEPTH" | tee "$WORK/dlv.txt"
wait "$DLV_PID" 2>/dev/null || true
DLV_PID=

python3 - "$WORK/ours.txt" "$WORK/dlv.txt" <<'PY'
import re, sys
def fields(line):
    return {k: float(v) for k, v in re.findall(r'(\w+)=([\d.]+)', line)}
ours = [fields(l) for l in open(sys.argv[1]) if l.startswith('dlv4j')]
dlv = fields(open(sys.argv[2]).read())
cold, warm = ours[0], min(ours[1:] or ours, key=lambda r: r['list_ms'])
warm_stacks = min(r['stacks_ms'] for r in (ours[1:] or ours))
print(f"goroutines: dlv4j {int(cold['goroutines'])}, dlv {int(dlv['goroutines'])}; "
      f"frames: dlv4j {int(cold['frames'])}, dlv {int(dlv['frames'])}")
print(f"list with locations:  dlv first {dlv['list_ms']:.0f} ms, again {dlv['list_again_ms']:.0f} ms | "
      f"dlv4j cold JVM {cold['list_ms']:.0f} ms, warm {warm['list_ms']:.0f} ms, "
      f"again {warm['list_again_ms']:.3f} ms | "
      f"ratio cold {dlv['list_ms'] / cold['list_ms']:.1f}x, warm {dlv['list_again_ms'] / warm['list_ms']:.1f}x")
print(f"stacks (goroutines -t): dlv {dlv['stacks_ms']:.0f} ms | "
      f"dlv4j cold {cold['stacks_ms']:.0f} ms, warm {warm_stacks:.0f} ms | "
      f"ratio cold {dlv['stacks_ms'] / cold['stacks_ms']:.1f}x, warm {dlv['stacks_ms'] / warm_stacks:.1f}x")
PY
