#!/usr/bin/env bash
# Builds llama.cpp's llama-server from the llama.cpp tree that llama-cpp-python's source
# distribution carries (PyPI is the only source this project may download from), and caches
# the binary outside the clone so that every clone on this machine reuses one build.
#
#   scripts/llama-server/build.sh            prints the binary's path, building it if missing
#
# (Only llama-cpp-python itself comes as source: its build backend, needed to read the
# metadata, installs from wheels.)
#
# Environment: PYTHON (a Python with pip; default .venv/bin/python), HORIZON_CACHE (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/horizon), BUILD_JOBS (default: number of cores).
set -euo pipefail

LLAMA_CPP_PYTHON_VERSION=0.3.36
PYTHON=${PYTHON:-.venv/bin/python}
CACHE=${HORIZON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/horizon}
PREFIX="$CACHE/llama-server-$LLAMA_CPP_PYTHON_VERSION"
BINARY="$PREFIX/llama-server"

if [ -x "$BINARY" ]; then
    echo "$BINARY"
    exit 0
fi

log() { echo "llama-server: $*" >&2; }

"$PYTHON" -m pip install -q cmake ninja >&2
BIN_DIR=$(cd "$(dirname "$PYTHON")" && pwd)
CMAKE="$BIN_DIR/cmake"
NINJA="$BIN_DIR/ninja"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/horizon-llama-server.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

log "fetching the llama-cpp-python $LLAMA_CPP_PYTHON_VERSION source distribution (PyPI)"
"$PYTHON" -m pip download -q --no-binary llama-cpp-python --no-deps -d "$WORK" \
    "llama-cpp-python==$LLAMA_CPP_PYTHON_VERSION" >&2
tar -xzf "$WORK"/llama_cpp_python-"$LLAMA_CPP_PYTHON_VERSION".tar.gz -C "$WORK"
SOURCE="$WORK/llama_cpp_python-$LLAMA_CPP_PYTHON_VERSION/vendor/llama.cpp"

# Static, CPU-only, no network client; GGML_NATIVE=OFF so that the cached binary runs on any
# x86-64 machine of the same kind, not only the one that built it.
log "building llama-server (Release, CPU, static); this takes several minutes"
started=$(date +%s)
"$CMAKE" -S "$SOURCE" -B "$WORK/build" -G Ninja -DCMAKE_MAKE_PROGRAM="$NINJA" \
    -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DGGML_NATIVE=OFF \
    -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
    -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_TOOLS=ON >&2
"$CMAKE" --build "$WORK/build" --target llama-server -j "${BUILD_JOBS:-$(nproc)}" >&2
log "built in $(( $(date +%s) - started )) s"

mkdir -p "$PREFIX"
install -m 755 "$WORK/build/bin/llama-server" "$BINARY.partial"
mv "$BINARY.partial" "$BINARY"
echo "$BINARY"
