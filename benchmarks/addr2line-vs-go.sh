#!/usr/bin/env bash
# Side by side: examples/bin/addr2line (dlv4j) against go tool addr2line, whole processes on the
# same input in one run: N random pcs (default 2,000,000, fixed seed) from the .text of cmd/go
# built with -gcflags='all=-N -l'. Checks that the outputs are identical, then prints both wall
# times and the ratio (goal: dlv4j faster). Each tool runs ROUNDS times (default 3); the best
# and all times are printed.
# Usage (from anywhere): benchmarks/addr2line-vs-go.sh [N] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
n="${1:-2000000}"
rounds="${2:-3}"
work="$root/benchmarks/target/addr2line-vs-go"
mkdir -p "$work"
bin="$work/go"
CGO_ENABLED=0 go build -gcflags='all=-N -l' -o "$bin" cmd/go
go run benchmarks/randpcs.go "$bin" "$n" 42 > "$work/pcs.txt"
# Build the example jar (once) and the Go tool (cached) outside the timed runs.
examples/bin/addr2line "$bin" < /dev/null
go tool addr2line "$bin" < /dev/null

now() { date +%s%N; }
dlv4j_times=()
go_times=()
for ((r = 0; r < rounds; r++)); do
  t0=$(now); examples/bin/addr2line "$bin" < "$work/pcs.txt" > "$work/dlv4j.out"; t1=$(now)
  go tool addr2line "$bin" < "$work/pcs.txt" > "$work/go.out"; t2=$(now)
  dlv4j_times+=($(( (t1 - t0) / 1000000 )))
  go_times+=($(( (t2 - t1) / 1000000 )))
  if ! cmp -s "$work/dlv4j.out" "$work/go.out"; then
    echo "outputs differ (round $((r + 1))):" >&2
    cmp "$work/dlv4j.out" "$work/go.out" >&2 || true
    exit 1
  fi
done
best() { printf '%s\n' "$@" | sort -n | head -1; }
bd=$(best "${dlv4j_times[@]}")
bg=$(best "${go_times[@]}")
echo "input: $n random pcs of $(basename "$bin") (.text of cmd/go, -N -l, $(du -m "$bin" | cut -f1) MB); outputs identical ($(wc -c < "$work/go.out") bytes)"
echo "examples/bin/addr2line: best ${bd} ms (all: ${dlv4j_times[*]} ms)"
echo "go tool addr2line:      best ${bg} ms (all: ${go_times[*]} ms)"
awk -v d="$bd" -v g="$bg" 'BEGIN { printf "ratio go / dlv4j: %.2f (goal > 1)\n", g / d }'
