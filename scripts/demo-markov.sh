#!/usr/bin/env bash
# The exact-check demo, end to end: serve the project's two Markov test models (a "base" and a
# "sharpened" twin whose distributions are known exactly) with llama-cpp-python on 127.0.0.1,
# sample the demo problem set, probe truncated thinking, analyze, and write a side-by-side report
# to Reports/demo-markov/. The server is stopped on exit, failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

HORIZON=${HORIZON:-.build/debug/horizon}
PYTHON=${PYTHON:-.venv/bin/python}
OUT=Reports/demo-markov
WORK=.build/demo-markov
SAMPLES=${SAMPLES:-16}
SEED=${SEED:-42}

rm -rf "$WORK"
mkdir -p "$WORK" "$OUT"

PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$WORK/server.json" <<JSON
{"host": "127.0.0.1", "port": $PORT, "interrupt_requests": false,
 "models": [
  {"model": "Datasets/models/markov-base.gguf", "model_alias": "markov-base", "n_threads": 1, "n_threads_batch": 1},
  {"model": "Datasets/models/markov-sharpened.gguf", "model_alias": "markov-sharpened", "n_threads": 1, "n_threads_batch": 1}
 ]}
JSON

"$PYTHON" -m llama_cpp.server --config_file "$WORK/server.json" > "$WORK/server.log" 2>&1 &
SERVER=$!
stop_server() {
    kill "$SERVER" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$SERVER" 2>/dev/null || true
}
trap stop_server EXIT
trap 'exit 130' INT TERM

URL="http://127.0.0.1:$PORT"
for _ in $(seq 120); do
    if "$PYTHON" -c "import urllib.request; urllib.request.urlopen('$URL/v1/models', timeout=1)" 2>/dev/null; then break; fi
    kill -0 "$SERVER" 2>/dev/null || { echo "demo-markov: the server exited:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done
echo "demo-markov: llama-cpp-python serving markov-base and markov-sharpened at $URL"

# Sampling must follow the reported log-probs: temperature 1 and no server-side truncation or
# repetition penalty (llama-cpp-python reports log-probs of the raw logits).
SERVER_ARGS=(--base-url "$URL" --temperature 1 --top-p 1 --top-k 0 --min-p 0 --top-logprobs 20
             --seed "$SEED" --concurrency 2 --extra-body '{"repeat_penalty": 1.0}')

for MODEL in base sharpened; do
    "$HORIZON" sample "${SERVER_ARGS[@]}" --model "markov-$MODEL" \
        --dataset Datasets/problems/demo.jsonl --samples "$SAMPLES" --max-tokens 60 \
        --out "$WORK/traces-$MODEL.jsonl"
    # The test grammar closes thinking with a bare </think> (a newline would restart it).
    "$HORIZON" probe "$WORK/traces-$MODEL.jsonl" "${SERVER_ARGS[@]}" --model "markov-$MODEL" \
        --profile deepseek-r1 --lengths 0,0.25,0.5,0.75,1 --resample-at 1,3,6 --samples 8 \
        --forcing-text '</think>' --traces-per-problem 2 --answer-max-tokens 12 --max-tokens 60 --out "$WORK/probes-$MODEL.jsonl"
    # Decoding used the whole distribution (top-p 1), so BF is rebuilt with top-p 1 too. Outputs
    # are at most 60 tokens: DeepConf's 2048-token groups would be whole traces, so groups of 16.
    "$HORIZON" analyze "$WORK/traces-$MODEL.jsonl" --probes "$WORK/probes-$MODEL.jsonl" \
        --profile deepseek-r1 --top-p 1 --confidence-window 16 --seed "$SEED" --label "$MODEL" --json "$OUT/$MODEL.json"
done

"$HORIZON" report "$OUT/base.json" "$OUT/sharpened.json" --out "$OUT" \
    --title "Horizon demo: a base Markov model and its sharpened twin"
echo "demo-markov: wrote $OUT/report.md"
