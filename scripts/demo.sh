#!/usr/bin/env bash
# The paper on real models, end to end: llama.cpp's llama-server (built by `make llama-server`)
# serves SmolLM2-135M-Instruct (aligned) and Gemma 3 270M base (`make models`) on 127.0.0.1, one
# server and one thread each; Horizon samples GSM8K-style problems under several decoding
# settings, with and without a stylistic opening for the base model, analyzes each run and writes
# Reports/demo/report.md with a "Findings at this scale" section computed from the analyses.
# The servers are stopped on exit, failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

HORIZON=${HORIZON:-.build/debug/horizon}
PYTHON=${PYTHON:-.venv/bin/python}
CACHE=${HORIZON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/horizon}
LLAMA_SERVER=${LLAMA_SERVER:-$CACHE/llama-server-0.3.36/llama-server}
OUT=Reports/demo
WORK=.build/demo
SAMPLES=${SAMPLES:-4}
MAX_TOKENS=${MAX_TOKENS:-40}
SEED=${SEED:-42}
DATASET=Datasets/problems/gsm-style.jsonl
NUDGE="Sure! Let's solve this step by step."

rm -rf "$WORK" "$OUT"
mkdir -p "$WORK" "$OUT"

SERVERS=()
stop_servers() {
    for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${SERVERS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

# start_server NAME GGUF: serves one model on a free loopback port; sets URL_<NAME>. One slot and
# one request at a time: requests decoded together in one batch get logits that differ in the last
# bits from those decoded alone, so a second slot would make the numbers depend on timing.
start_server() {
    local name=$1 model=$2 port
    port=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$LLAMA_SERVER" --host 127.0.0.1 --port "$port" --model "$CACHE/models/$model" --alias "$name" \
        --threads 1 --threads-batch 1 --parallel 1 --ctx-size 2048 --no-webui \
        > "$WORK/server-$name.log" 2>&1 &
    SERVERS+=($!)
    printf -v "URL_${name//-/_}" '%s' "http://127.0.0.1:$port"
}

wait_ready() {
    local url=$1 log=$2
    for _ in $(seq 600); do
        if "$PYTHON" -c "import urllib.request; urllib.request.urlopen('$url/health', timeout=1)" 2>/dev/null; then return 0; fi
        sleep 0.2
    done
    echo "demo: $url did not become ready:" >&2
    tail -20 "$log" >&2
    exit 1
}

start_server aligned SmolLM2-135M-Instruct.Q4_1.gguf
start_server base gemma-3-270m-q4_k_m.gguf
wait_ready "$URL_aligned" "$WORK/server-aligned.log"
wait_ready "$URL_base" "$WORK/server-base.log"
echo "demo: llama-server serving SmolLM2-135M-Instruct at $URL_aligned and Gemma 3 270M base at $URL_base"

# run LABEL URL ENDPOINT TEMPERATURE TOP_P [sample options...]: samples, then analyzes with the
# top-p sampling used (llama-server reports the raw distribution; the rebuild truncates it as
# the sampler did). No server-side top-k, min-p or repetition penalty. No prompt cache: a prompt
# partly reused from a slot's cache is evaluated in other batch sizes, which changes the last bits
# of the logits (llama-server documents this), so the same seeds would not give the same numbers.
run() {
    local label=$1 url=$2 endpoint=$3 temperature=$4 top_p=$5
    shift 5
    "$HORIZON" sample --base-url "$url" --model "$label" --endpoint "$endpoint" --dataset "$DATASET" \
        --samples "$SAMPLES" --max-tokens "$MAX_TOKENS" --temperature "$temperature" --top-p "$top_p" \
        --top-k 0 --min-p 0 --top-logprobs 20 --seed "$SEED" --concurrency 1 \
        --extra-body '{"cache_prompt": false}' --out "$WORK/traces-$label-t$temperature-p$top_p.jsonl" "$@"
}

analyze() {
    local name=$1 traces=$2 top_p=$3
    # Outputs are at most MAX_TOKENS long: DeepConf's confidence groups of 16 tokens, not 2048.
    "$HORIZON" analyze "$traces" --problems "$DATASET" --estimator entropy --confidence-window 16 \
        --top-p "$top_p" --seed "$SEED" --label "$name" --json "$OUT/$name.json"
}

ALIGNED_PROMPT='{question} Answer with "The answer is" and the number.'
BASE_PROMPT=$'Question: {question}\nAnswer:'
SETTINGS=("1.0 1.0" "1.0 0.9" "0.7 1.0")

# The aligned model's runs go in the background: each server has its own thread.
(
    for setting in "${SETTINGS[@]}"; do
        read -r temperature top_p <<< "$setting"
        run aligned "$URL_aligned" chat "$temperature" "$top_p" --prompt-template "$ALIGNED_PROMPT"
    done
) &
ALIGNED_RUNS=$!
for setting in "${SETTINGS[@]}"; do
    read -r temperature top_p <<< "$setting"
    run base "$URL_base" completions "$temperature" "$top_p" --prompt-template "$BASE_PROMPT"
done
run base-nudged "$URL_base" completions 1.0 1.0 --prompt-template "$BASE_PROMPT" --response-prefix " $NUDGE"
wait "$ALIGNED_RUNS"

for model in aligned base; do
    for setting in "${SETTINGS[@]}"; do
        read -r temperature top_p <<< "$setting"
        analyze "$model-t$temperature-p$top_p" "$WORK/traces-$model-t$temperature-p$top_p.jsonl" "$top_p"
    done
done
analyze base-nudged-t1.0-p1.0 "$WORK/traces-base-nudged-t1.0-p1.0.jsonl" 1.0

"$HORIZON" report "$OUT/aligned-t1.0-p1.0.json" "$OUT/base-t1.0-p1.0.json" "$OUT/base-nudged-t1.0-p1.0.json" \
    --out "$OUT" --title "Horizon demo: an aligned and a base model through llama-server"
"$PYTHON" scripts/demo_findings.py "$OUT" --nudge "$NUDGE" --samples "$SAMPLES" --max-tokens "$MAX_TOKENS" >> "$OUT/report.md"
echo "demo: wrote $OUT/report.md"
