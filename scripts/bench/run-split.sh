#!/usr/bin/env bash
# Benchmark (not a test): analysis as a job array on split input, the N shards run here one
# after another (docs/scale.md).
#
#   1. `horizon split FILE --shards N --out DIR`, plain and `--compress zstd`: wall time and MB/s;
#   2. `horizon analyze DIR/shard-I --shard I/N --split-input --estimator entropy --top-p 0.9
#      --profile deepseek-r1 --bootstrap-resamples 200 --out part-I.json` for every I: the sum of
#      the shards' wall times, the slowest shard, MB/s over the sum, the parts' total size;
#   3. `horizon merge` of the N parts under `/usr/bin/time -v`: wall time and peak RSS;
#   4. `horizon analyze --split-input` once over every shard's file with the same flags, and a check that the
#      merged analysis is that one byte for byte but for `command_line` (exits non-zero if not).
# MB are 10^6 bytes of FILE (default: a 256 MiB file of make_chat_traces.py, generated if missing).
#
# Usage: scripts/bench/run-split.sh [FILE [N]]      (default N: 64)
# Environment: HORIZON_BENCH_DATA (default /tmp/horizon-bench-split), HORIZON_BIN, PYTHON.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="${HORIZON_BENCH_DATA:-/tmp/horizon-bench-split}"
PYTHON="${PYTHON:-python3}"
. "$repo/scripts/bench/common.sh"
mkdir -p "$data"
file="${1:-$data/chat-256mb.jsonl}"
shards="${2:-64}"
[ -f "$file" ] || "$PYTHON" "$repo/scripts/bench/make_chat_traces.py" "$file" --mb 256 >&2
cat "$file" > /dev/null  # warm the page cache
mb=$(awk -v bytes="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", bytes / 1e6 }')
flags=(--estimator entropy --top-p 0.9 --profile deepseek-r1 --bootstrap-resamples 200)

rm -rf "$data/split" "$data/split-zst" "$data/parts"
mkdir -p "$data/parts"
/usr/bin/time -v -o "$data/time.log" "$horizon" split "$file" --shards "$shards" --out "$data/split" 2> "$data/split.log"
read -r split_wall split_cpu split_rss < <(time_fields "$data/time.log")
/usr/bin/time -v -o "$data/time.log" "$horizon" split "$file" --shards "$shards" --out "$data/split-zst" --compress zstd 2> "$data/split.log"
read -r zst_wall zst_cpu zst_rss < <(time_fields "$data/time.log")
zst_bytes=$(cat "$data"/split-zst/* | wc -c)

total=0; slowest=0
for index in $(seq 0 $((shards - 1))); do
    shard_file=$(printf "%s/split/shard-%05d-of-%05d.jsonl" "$data" "$index" "$shards")
    /usr/bin/time -v -o "$data/time.log" "$horizon" analyze "$shard_file" --shard "$index/$shards" --split-input "${flags[@]}" \
        --out "$data/parts/part-$index.json" 2> "$data/analyze.log"
    read -r wall _ _ < <(time_fields "$data/time.log")
    total=$(awk -v a="$total" -v b="$wall" 'BEGIN { print a + b }')
    slowest=$(awk -v a="$slowest" -v b="$wall" 'BEGIN { print (b > a ? b : a) }')
done
parts_bytes=$(cat "$data"/parts/*.json | wc -c)
/usr/bin/time -v -o "$data/time.log" "$horizon" merge "$data"/parts/*.json --out "$data/merged.json" 2> "$data/merge.log"
read -r merge_wall merge_cpu merge_rss < <(time_fields "$data/time.log")
/usr/bin/time -v -o "$data/time.log" "$horizon" analyze "$data"/split/shard-*.jsonl --split-input "${flags[@]}" --out "$data/single.json" 2> "$data/single.log"
read -r single_wall _ single_rss < <(time_fields "$data/time.log")

"$PYTHON" - "$data/merged.json" "$data/single.json" <<'PY'
import json, sys
merged, single = (json.load(open(path)) for path in sys.argv[1:])
merged.pop("command_line"); single.pop("command_line")
if merged != single:
    sys.exit("the merged analysis differs from the single run over the shards' files")
PY

printf "file: %s (%s MB), %s shards\n" "$file" "$mb" "$shards"
printf "| step | wall s | MB/s | peak RSS MiB |\n|---|---|---|---|\n"
printf "| split, plain | %s | %.0f | %d |\n" "$split_wall" "$(awk -v m="$mb" -v w="$split_wall" 'BEGIN { print m / w }')" $((split_rss / 1024))
printf "| split, zstd (%.1f MB out) | %s | %.0f | %d |\n" "$(awk -v b="$zst_bytes" 'BEGIN { print b / 1e6 }')" "$zst_wall" \
    "$(awk -v m="$mb" -v w="$zst_wall" 'BEGIN { print m / w }')" $((zst_rss / 1024))
printf "| analyze --split-input, %s shards one after another (slowest %s s) | %s | %.0f | |\n" "$shards" "$slowest" "$total" \
    "$(awk -v m="$mb" -v w="$total" 'BEGIN { print m / w }')"
printf "| merge of %s parts (%.2f MB) | %s | | %d |\n" "$shards" "$(awk -v b="$parts_bytes" 'BEGIN { print b / 1e6 }')" "$merge_wall" $((merge_rss / 1024))
printf "| analyze of every shard's file at once | %s | %.0f | %d |\n" "$single_wall" "$(awk -v m="$mb" -v w="$single_wall" 'BEGIN { print m / w }')" $((single_rss / 1024))
echo "merged analysis = single run over the shards' files (command_line aside)"
