#!/usr/bin/env bash
# Benchmark (not a test): `horizon analyze` on the same traces plain, gzip- and zstd-compressed.
#
# For each file size (default 256 MiB) the script
#   1. generates the chat-shape trace file with top-20 log-probs if it is missing (as
#      run-analyze.sh does, same name, so both scripts share it), and its .gz (`gzip -6`) and
#      .zst (`zstd -3`) copies; reads all three once to warm the page cache;
#   2. runs `horizon analyze FILE --estimator entropy --top-p 0.9 --profile deepseek-r1
#      --bootstrap-resamples 200 --json OUT` on each under `/usr/bin/time -v`, REPEAT times,
#      keeping the fastest run;
#   3. checks that the three analyses are the same JSON once what names the input (`inputs`,
#      `label`, `command_line`) is taken out (exits non-zero otherwise);
#   4. prints a table: file MB, wall seconds, MB/s of the file's bytes and of the text's
#      (uncompressed) bytes, CPU seconds, peak RSS.
# MB are 10^6 bytes.
#
# Usage: scripts/bench/run-analyze-compressed.sh [SIZE_MIB ...]     (default: 256)
# Environment: HORIZON_BENCH_DATA, HORIZON_BENCH_REPEAT, HORIZON_BIN, PYTHON as run-analyze.sh.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="${HORIZON_BENCH_DATA:-/tmp/horizon-bench}"
repeat="${HORIZON_BENCH_REPEAT:-3}"
python="${PYTHON:-python3}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(256)

for tool in gzip zstd; do
    command -v "$tool" > /dev/null || { echo "$tool is missing (make system-deps installs it)" >&2; exit 1; }
done
. "$repo/scripts/bench/common.sh"
mkdir -p "$data"

# The analysis JSON $1 without what names the input (inputs, label, command line), to $2.
strip_input() {
    "$python" - "$1" "$2" <<'PY'
import json, sys
analysis = json.load(open(sys.argv[1]))
for key in ("inputs", "label", "command_line"):
    analysis.pop(key, None)
json.dump(analysis, open(sys.argv[2], "w"), sort_keys=True)
PY
}

# Runs `horizon analyze` on $1 $repeat times; prints "wall cpu rss" of the fastest run and
# leaves its analysis, stripped, in $2.
run_horizon() {
    local file="$1" stripped="$2" best="" run
    for run in $(seq "$repeat"); do
        /usr/bin/time -v -o "$data/horizon.time" "$horizon" analyze "$file" --estimator entropy --top-p 0.9 \
            --profile deepseek-r1 --bootstrap-resamples 200 --json "$data/analysis.json" 2> "$data/horizon.log"
        read -r wall cpu rss < <(time_fields "$data/horizon.time")
        echo "  $(basename "$file") run $run: ${wall} s wall, ${cpu} s CPU, $((rss / 1024)) MiB peak RSS" >&2
        if [ -z "$best" ] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
            best="$wall $cpu $rss"
            strip_input "$data/analysis.json" "$stripped"
        fi
    done
    echo "$best"
}

rows=()
status=0
for size in "${sizes[@]}"; do
    plain="$data/chat-${size}mb.jsonl"
    if [ ! -f "$plain" ]; then
        echo "generating $plain" >&2
        "$python" "$repo/scripts/bench/make_chat_traces.py" "$plain.part" --mb "$size" >&2
        mv "$plain.part" "$plain"
    fi
    [ -f "$plain.gz" ] || { echo "gzip -6 $plain" >&2; gzip -6 -c "$plain" > "$plain.gz.part" && mv "$plain.gz.part" "$plain.gz"; }
    [ -f "$plain.zst" ] || { echo "zstd -3 $plain" >&2; zstd -q -3 -T0 -c "$plain" > "$plain.zst.part" && mv "$plain.zst.part" "$plain.zst"; }
    text_bytes=$(stat -c %s "$plain")
    for file in "$plain" "$plain.gz" "$plain.zst"; do
        cat "$file" > /dev/null  # warm the page cache
        echo "== $file ($(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }') MB)" >&2
        read -r wall cpu rss < <(run_horizon "$file" "$file.analysis.json")
        if ! cmp -s "$plain.analysis.json" "$file.analysis.json"; then
            echo "  MISMATCH: the analysis of $file differs from the plain file's" >&2
            status=1
        fi
        rows+=("$(basename "$file") $(stat -c %s "$file") $text_bytes $wall $cpu $rss")
    done
done

echo
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo);" \
    "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-26s | %-8s | %-8s | %-8s | %-12s | %-12s | %-6s | %-12s |\n' \
    "input" "file MB" "text MB" "wall s" "file MB/s" "text MB/s" "CPU s" "peak RSS MiB"
echo "|----------------------------|----------|----------|----------|--------------|--------------|--------|--------------|"
for row in "${rows[@]}"; do
    read -r name bytes text wall cpu rss <<< "$row"
    awk -v name="$name" -v bytes="$bytes" -v text="$text" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" 'BEGIN {
        printf "| %-26s | %-8.1f | %-8.1f | %-8s | %-12.0f | %-12.0f | %-6s | %-12.0f |\n",
            name, bytes / 1e6, text / 1e6, wall, bytes / 1e6 / wall, text / 1e6 / wall, cpu, rss / 1024 }'
done
exit "$status"
