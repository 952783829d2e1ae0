#!/usr/bin/env bash
# Benchmark (not a test): `horizon analyze` against a Python baseline (json + numpy) that
# computes the same set-level Branching Factor (scripts/bench/baseline_bf.py).
#
# For each file size (default 1024 MiB and 256 MiB; the smaller one shows whether peak memory
# grows with the input) the script
#   1. generates a chat-shape trace file with top-20 log-probs if it is missing
#      (scripts/bench/make_chat_traces.py, deterministic), and reads it once to warm the page cache;
#   2. runs the release `horizon analyze FILE --estimator entropy --top-p 0.9 --profile deepseek-r1
#      --bootstrap-resamples 200 --json OUT` under `/usr/bin/time -v`, REPEAT times, keeping the
#      fastest run (the machine is shared; the fastest run is the least disturbed one);
#   3. runs the Python baseline once on the same file under `/usr/bin/time -v`;
#   4. checks that the two set-level BFs agree to 1e-6 relative and that both counted the same
#      tokens. Both use one definition: per sample the mean token entropy over all tokens (for
#      these traces analyze's `overall` span is every token, docs/segmentation.md), per problem
#      exp(mean over samples), set = mean over problems; analyze reports it as `bf.overall`;
#   5. prints a table: MB, wall seconds, MB/s, CPU seconds, peak RSS, speed ratio.
# MB are 10^6 bytes of the input file. Exits non-zero when the BFs disagree.
#
# Usage: scripts/bench/run-analyze.sh [SIZE_MIB ...]     (default: 1024 256)
# Environment:
#   HORIZON_BENCH_DATA    where the generated files go (default /tmp/horizon-bench)
#   HORIZON_BENCH_REPEAT  runs of `horizon analyze` per file, fastest kept (default 3)
#   HORIZON_BENCH_PYTHON_MAX_MIB  files larger than this are given to the Python baseline as a
#                         prefix of whole lines of this size (default: no limit); its MB/s is then
#                         over what it read, and the BF check runs analyze on that prefix too
#   HORIZON_BIN           the horizon binary (default: the release build in .build-release,
#                         built when missing)
#   PYTHON                interpreter with numpy (default: .venv/bin/python, else python3)
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="${HORIZON_BENCH_DATA:-/tmp/horizon-bench}"
repeat="${HORIZON_BENCH_REPEAT:-3}"
python_max_mib="${HORIZON_BENCH_PYTHON_MAX_MIB:-}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1024 256)

if [ -z "${PYTHON:-}" ]; then
    if [ -x "$repo/.venv/bin/python" ]; then PYTHON="$repo/.venv/bin/python"; else PYTHON=python3; fi
fi
if ! "$PYTHON" -c "import numpy" 2>/dev/null; then
    echo "$PYTHON has no numpy (set PYTHON, or link a venv with numpy at $repo/.venv)" >&2
    exit 1
fi
. "$repo/scripts/bench/common.sh"
mkdir -p "$data"

# The first whole lines of $1 adding up to at most $2 MiB, written to $3.
write_prefix() {
    "$PYTHON" - "$1" "$2" "$3" <<'PY'
import sys
source, limit, target = sys.argv[1], int(float(sys.argv[2]) * 1024 * 1024), sys.argv[3]
written = 0
with open(source, "rb") as lines, open(target, "wb") as out:
    for line in lines:
        if written + len(line) > limit:
            break
        out.write(line)
        written += len(line)
PY
}

# Fields of an analysis JSON: "bf.overall counts.tokens counts.problems counts.traces".
analysis_fields() {
    "$PYTHON" - "$1" <<'PY'
import json, sys
analysis = json.load(open(sys.argv[1]))
counts = analysis["counts"]
print(repr(analysis["bf"]["overall"]), counts["tokens"], counts["problems"], counts["traces"])
PY
}

# Runs `horizon analyze` on $1 $repeat times; prints "wall cpu rss bf tokens problems traces" of
# the fastest run.
run_horizon() {
    local file="$1" best="" run
    for run in $(seq "$repeat"); do
        /usr/bin/time -v -o "$data/horizon.time" "$horizon" analyze "$file" --estimator entropy --top-p 0.9 \
            --profile deepseek-r1 --bootstrap-resamples 200 --json "$data/analysis.json" 2> "$data/horizon.log"
        read -r wall cpu rss < <(time_fields "$data/horizon.time")
        echo "  horizon run $run: ${wall} s wall, ${cpu} s CPU, $((rss / 1024)) MiB peak RSS" >&2
        if [ -z "$best" ] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
            best="$wall $cpu $rss $(analysis_fields "$data/analysis.json")"
        fi
    done
    echo "$best"
}

rows=()
status=0
for size in "${sizes[@]}"; do
    file="$data/chat-${size}mb.jsonl"
    if [ ! -f "$file" ]; then
        echo "generating $file" >&2
        "$PYTHON" "$repo/scripts/bench/make_chat_traces.py" "$file.part" --mb "$size" >&2
        mv "$file.part" "$file"
    fi
    cat "$file" > /dev/null  # warm the page cache: both tools then read from memory
    megabytes=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
    echo "== $file ($megabytes MB)" >&2

    read -r h_wall h_cpu h_rss h_bf h_tokens h_problems h_traces < <(run_horizon "$file")

    python_file="$file"
    if [ -n "$python_max_mib" ] && [ "$size" -gt "$python_max_mib" ]; then
        python_file="$data/chat-${size}mb.prefix-${python_max_mib}mb.jsonl"
        [ -f "$python_file" ] || write_prefix "$file" "$python_max_mib" "$python_file"
        cat "$python_file" > /dev/null
        echo "  the Python baseline reads a ${python_max_mib} MiB prefix: $python_file" >&2
    fi
    /usr/bin/time -v -o "$data/python.time" "$PYTHON" "$repo/scripts/bench/baseline_bf.py" "$python_file" \
        --top-p 0.9 > "$data/python.out" 2> "$data/python.log"
    read -r p_wall p_cpu p_rss < <(time_fields "$data/python.time")
    # "set BF 2.3456789012345 over P problems, S samples, T tokens"
    read -r p_bf p_problems p_traces p_tokens < <(awk '{ print $3, $5, $7, $9 }' "$data/python.out")
    p_megabytes=$(awk -v b="$(stat -c %s "$python_file")" 'BEGIN { printf "%.1f", b / 1e6 }')
    echo "  python: ${p_wall} s wall, ${p_cpu} s CPU, $((p_rss / 1024)) MiB peak RSS" >&2

    # The BF to compare with is analyze's on the same bytes the baseline read.
    c_bf="$h_bf" c_tokens="$h_tokens" c_problems="$h_problems" c_traces="$h_traces"
    if [ "$python_file" != "$file" ]; then
        "$horizon" analyze "$python_file" --estimator entropy --top-p 0.9 --profile deepseek-r1 \
            --bootstrap-resamples 200 --json "$data/analysis-prefix.json" 2> /dev/null
        read -r c_bf c_tokens c_problems c_traces < <(analysis_fields "$data/analysis-prefix.json")
    fi
    verdict=$(awk -v a="$c_bf" -v b="$p_bf" 'BEGIN {
        d = a - b; if (d < 0) d = -d
        printf "%s %.2e", (d <= 1e-6 * b) ? "agree" : "DISAGREE", d / b }')
    echo "  set BF: horizon $c_bf, python $p_bf ($verdict relative)" >&2
    if [ "${verdict%% *}" != agree ] || [ "$c_tokens" != "$p_tokens" ] || [ "$c_problems" != "$p_problems" ] \
        || [ "$c_traces" != "$p_traces" ]; then
        echo "  MISMATCH: horizon $c_problems problems / $c_traces traces / $c_tokens tokens," \
            "python $p_problems / $p_traces / $p_tokens" >&2
        status=1
    fi
    rows+=("$megabytes $h_wall $h_cpu $h_rss $p_megabytes $p_wall $p_cpu $p_rss $h_bf $p_bf $h_tokens $h_problems $h_traces")
done

echo
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo);" \
    "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-6s | %-9s | %-12s | %-8s | %-9s | %-13s | %-10s | %-8s | %-9s | %-13s | %-14s | %-12s |\n' \
    "MB" "tokens" "horizon s" "MB/s" "CPU s" "peak RSS MiB" "python MB" "python s" "MB/s" "peak RSS MiB" \
    "ratio (MB/s)" "set BF"
echo "|--------|-----------|--------------|----------|-----------|---------------|------------|----------|-----------|---------------|----------------|--------------|"
for row in "${rows[@]}"; do
    read -r mb wall cpu rss pmb pwall pcpu prss bf pbf tokens problems traces <<< "$row"
    awk -v mb="$mb" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" -v pmb="$pmb" -v pwall="$pwall" \
        -v prss="$prss" -v bf="$bf" -v tokens="$tokens" 'BEGIN {
        rate = mb / wall; prate = pmb / pwall
        printf "| %-6s | %-9s | %-12s | %-8.0f | %-9s | %-13.0f | %-10s | %-8s | %-9.1f | %-13.0f | %-14s | %-12.6f |\n",
            mb, tokens, wall, rate, cpu, rss / 1024, pmb, pwall, prate, prss / 1024,
            sprintf("%.1fx", rate / prate), bf }'
done
exit "$status"
