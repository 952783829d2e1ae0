# Horizon: every target installs what it needs when it is missing.
SWIFT   ?= swift
PYTHON  ?= python3
VENV    := .venv
VPY     := $(VENV)/bin/python
HORIZON := .build/debug/horizon

.PHONY: demo test build system-deps venv bench clean-demo

## demo: sample the built-in test models, probe, analyze, and write Reports/demo/report.md
demo: system-deps venv
	$(SWIFT) build --product horizon
	HORIZON=$(HORIZON) bash scripts/demo.sh

## test: run the whole test suite (unit, real PCRE2, real llama.cpp server)
test: system-deps venv
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## build: the release binary at .build/release/horizon
build: system-deps
	$(SWIFT) build -c release --product horizon

## system-deps: PCRE2 (and pkg-config) from Debian's packages when missing
system-deps:
	@if ! pkg-config --exists libpcre2-8 2>/dev/null; then \
		echo "installing libpcre2-dev and pkg-config (apt-get)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libpcre2-dev pkg-config; \
	fi

## venv: Python environment with llama-cpp-python's server and gguf (first build takes minutes)
venv: $(VENV)/.installed

$(VENV)/.installed: scripts/testmodel/requirements.txt
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -r scripts/testmodel/requirements.txt
	@touch $@

## bench: the benchmarks of docs/benchmarks.md
bench: system-deps venv
	bash scripts/bench/run-all.sh
