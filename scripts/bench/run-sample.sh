#!/usr/bin/env bash
# Sampling-client throughput: a loopback replay server answering every chat request with one
# completion of $TOKENS tokens x top-20 log-probs (JSON body or server-sent events), drained by
# a minimal C client and sampled by the release `horizon sample`, side by side in one run.
#
#   drain json, drain sse  — the fastest this machine reads the bodies (sample/drain_client.c);
#   node json, node sse    — the drain client issue 11 set its goal against: Node's http module
#                            with a keep-alive agent (sample/drain_client.js; skipped without node);
#   horizon json, horizon sse — `horizon sample --concurrency $STREAMS [--stream]`, writing traces,
#                            with its rate as a share of each drain client's in the same mode.
#
# Each runs $REQUESTS requests over $STREAMS connections against the same server process
# (sample/replay_server.c, one thread, 127.0.0.1 only, stops by itself after 15 minutes), under
# /usr/bin/time -v. The server's own CPU time is printed at the end: far below the wall time of
# the runs means it was not the bottleneck. Then the written traces are analyzed (`horizon
# analyze`), so a run also checks that what was written reads back with every token.
#
# The traces go to $HORIZON_BENCH_OUT (default /dev/shm/horizon-bench when /dev/shm exists, else
# the data folder): the drain client writes nothing, and on this project's VM a disk takes
# buffered writes at only ~280 MB/s, which would measure the disk instead of the client. The
# script measures that ceiling too (`dd` of the same size to the data folder's filesystem) and
# prints it beside the table.
#
# Environment: HORIZON_BENCH_DATA (default /tmp/horizon-bench), HORIZON_BENCH_OUT, HORIZON_BIN
# (default: the release build in .build-release, built when missing), REQUESTS (640), STREAMS
# (64), TOKENS (1000), PORT (18431).
# Usage: scripts/bench/run-sample.sh
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo/scripts/bench"
# shellcheck source=common.sh
source "$here/common.sh"
data="${HORIZON_BENCH_DATA:-/tmp/horizon-bench}/sample"
requests="${REQUESTS:-640}"
streams="${STREAMS:-64}"
tokens="${TOKENS:-1000}"
port="${PORT:-18431}"
mkdir -p "$data"
if [ -n "${HORIZON_BENCH_OUT:-}" ]; then out_dir="$HORIZON_BENCH_OUT"
elif [ -d /dev/shm ]; then out_dir=/dev/shm/horizon-bench
else out_dir="$data"; fi
mkdir -p "$out_dir"

cc -O2 -o "$data/replay_server" "$here/sample/replay_server.c"
cc -O2 -o "$data/drain_client" "$here/sample/drain_client.c"
python3 "$here/sample/make_replay_responses.py" "$data" --tokens "$tokens" >&2
problems=$((requests / 64))
samples=$((requests / problems))
: > "$data/problems.jsonl"
for i in $(seq 1 "$problems"); do
    echo "{\"id\": \"replay-$i\", \"problem\": \"Replay problem $i\", \"answer\": \"$i\"}" >> "$data/problems.jsonl"
done

"$data/replay_server" "$port" "$data" 900 > "$data/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true' EXIT
sleep 0.5

printf '| client | mode | requests | wall s | tokens/s | MB/s (body) | CPU s | peak RSS MiB |\n|---|---|---|---|---|---|---|---|\n'
body_bytes() { head -c 1000 "$data/chat.$1.http" >/dev/null; stat -c %s "$data/chat.$1.http"; }
declare -A drain_rate node_rate
node_bin="$(command -v node || true)"
for mode in json sse; do
    for client in drain node; do
        if [ "$client" = drain ]; then command=("$data/drain_client")
        elif [ -n "$node_bin" ]; then command=("$node_bin" "$here/sample/drain_client.js")
        else continue; fi
        /usr/bin/time -v "${command[@]}" "$port" "$mode" "$streams" "$requests" "$tokens" \
            > "$data/$client-$mode.out" 2> "$data/$client-$mode.time"
        read -r wall cpu rss <<< "$(time_fields "$data/$client-$mode.time")"
        size=$(body_bytes "$mode")
        rate=$(awk -v r="$requests" -v t="$tokens" -v w="$wall" 'BEGIN { printf "%.0f", r * t / w }')
        if [ "$client" = drain ]; then drain_rate[$mode]=$rate; else node_rate[$mode]=$rate; fi
        awk -v n="$client" -v m="$mode" -v r="$requests" -v w="$wall" -v rate="$rate" -v s="$size" -v c="$cpu" -v k="$rss" \
            'BEGIN { printf "| %s | %s | %d | %.2f | %d | %.0f | %.2f | %.0f |\n", n, m, r, w, rate, r * s / 1e6 / w, c, k / 1024 }'
    done
done
for mode in json sse; do
    flag=""; [ "$mode" = sse ] && flag="--stream"
    out="$out_dir/horizon-$mode.jsonl"
    rm -f "$out" "$out.manifest.json"
    # shellcheck disable=SC2086
    /usr/bin/time -v "$horizon" sample --base-url "http://127.0.0.1:$port" --model replay \
        --dataset "$data/problems.jsonl" --samples "$samples" --max-tokens "$tokens" --top-logprobs 20 \
        --seed 1 --concurrency "$streams" --out "$out" $flag > "$data/horizon-$mode.out" 2> "$data/horizon-$mode.time"
    read -r wall cpu rss <<< "$(time_fields "$data/horizon-$mode.time")"
    size=$(body_bytes "$mode")
    rate=$(awk -v r="$requests" -v t="$tokens" -v w="$wall" 'BEGIN { printf "%.0f", r * t / w }')
    awk -v m="$mode" -v r="$requests" -v w="$wall" -v rate="$rate" -v s="$size" -v c="$cpu" -v k="$rss" \
        -v d="${drain_rate[$mode]}" -v n="${node_rate[$mode]:-0}" \
        'BEGIN {
            share = sprintf("%.0f%% of drain", 100 * rate / d)
            if (n > 0) share = share sprintf(", %.0f%% of node", 100 * rate / n)
            printf "| horizon | %s | %d | %.2f | %d (%s) | %.0f | %.2f | %.0f |\n", m, r, w, rate, share, r * s / 1e6 / w, c, k / 1024
        }'
done
kill -TERM $server
wait $server || true
trap - EXIT
cat "$data/server.log" >&2
# The disk ceiling: buffered writes of one run's trace bytes to the data folder's filesystem.
trace_bytes=$(stat -c %s "$out_dir/horizon-json.jsonl")
ceiling=$(dd if=/dev/zero of="$data/dd-ceiling.bin" bs=1M count=$((trace_bytes / 1048576)) conv=fsync 2>&1 | tail -1)
echo "disk write ceiling ($data, dd with fsync): $ceiling" >&2
rm -f "$data/dd-ceiling.bin"
for mode in json sse; do
    out="$out_dir/horizon-$mode.jsonl"
    "$horizon" analyze "$out" --json "$data/analysis-$mode.json" > /dev/null 2> "$data/analyze-$mode.log"
    python3 - "$data/analysis-$mode.json" "$requests" "$tokens" "$out" <<'PY'
import json, os, sys
counts = json.load(open(sys.argv[1]))["counts"]
expected_lines, tokens = int(sys.argv[2]), int(sys.argv[3])
print(f"{sys.argv[4]}: {os.path.getsize(sys.argv[4]) / 1e6:.1f} MB, {counts['traces_with_logprobs']} traces, "
      f"{counts['tokens']} tokens read back", file=sys.stderr)
assert counts["traces_with_logprobs"] == expected_lines and counts["invalid_lines"] == 0, counts
assert counts["tokens"] == expected_lines * tokens, counts
PY
    rm -f "$out" "$out.manifest.json"
done
