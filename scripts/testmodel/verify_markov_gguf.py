#!/usr/bin/env python3
"""Check Horizon's Markov test models against their transition tables with llama.cpp itself.

For every model in the directory (default: Datasets/models of this checkout) and every state of
its table, evaluate a prompt ending in a token of that state and compare llama.cpp's
log-probabilities over the *whole* vocabulary with the table (support as listed, every other
token at impossibleLogProb).  Also checks that grammar text tokenizes back into the grammar's
own tokens and that the chat template's prompt ends in the start state.  Prints the largest
deviation per model and exits with status 1 when one exceeds the tolerance.

Usage: verify_markov_gguf.py [--models-dir DIR] [--tolerance 1e-5]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import llama_cpp
from llama_cpp import llama_chat_format
import numpy as np

# A prompt prefix that ends in a byte token ("?"), i.e. in the start state.
NEUTRAL_PROMPT = "Question?"
SAMPLE_OUTPUT = "<think> we add then check so count then</think> The answer is \\boxed{7}"


def expected_log_probs(table: dict, state: dict) -> np.ndarray:
    """The designed log-probabilities of one state over the whole vocabulary."""
    expected = np.full(table["vocabularySize"], table["impossibleLogProb"], dtype=np.float64)
    for entry in state["next"]:
        expected[entry["id"]] = entry["logProb"]
    return expected


def prompt_for_state(table: dict, state_name: str) -> str:
    """Prompt text whose last token is in `state_name` (the neutral prompt for the start state)."""
    if state_name == table["startState"]:
        return NEUTRAL_PROMPT
    token = next(t for t in table["tokens"] if t["state"] == state_name)
    return NEUTRAL_PROMPT + token["text"]


def verify(model_path: Path, table: dict, tolerance: float) -> list[str]:
    """Problems found in one model (empty when it matches its table); prints the deviation."""
    llama = llama_cpp.Llama(str(model_path), n_ctx=256, logits_all=True, verbose=False)
    problems = []
    largest = 0.0
    ids = {t["text"]: t["id"] for t in table["tokens"]}
    for state in table["states"]:
        prompt = llama.tokenize(prompt_for_state(table, state["name"]).encode(), add_bos=True)
        llama.reset()
        llama.eval(prompt)
        actual = llama_cpp.Llama.logits_to_logprobs(llama.scores[len(prompt) - 1])
        deviation = float(np.max(np.abs(actual - expected_log_probs(table, state))))
        largest = max(largest, deviation)
        if deviation > tolerance:
            problems.append(f"state {state['name']!r}: log-probs off by {deviation:.3g}")

    tokens = llama.tokenize(SAMPLE_OUTPUT.encode(), add_bos=False, special=False)
    texts = [llama.detokenize([token]).decode() for token in tokens]
    if any(ids.get(text) != token for text, token in zip(texts, tokens)):
        problems.append(f"sample output tokenizes outside the grammar: {texts}")

    # Render the template the way llama-cpp-python's server does.
    formatter = llama_chat_format.Jinja2ChatFormatter(
        template=table["chatTemplate"], eos_token=table["eosToken"], bos_token=table["bosToken"]
    )
    chat_prompt = formatter(messages=[{"role": "user", "content": "What is 2 + 2 we"}]).prompt
    last = llama.tokenize(chat_prompt.encode(), add_bos=False, special=True)[-1]
    state_of_id = {t["id"]: t["state"] for t in table["tokens"]}
    if state_of_id.get(last, table["startState"]) != table["startState"]:
        problems.append(f"chat prompt ends in grammar token {llama.detokenize([last])!r}")

    print(f"{model_path.name}: {len(table['states'])} states, largest deviation {largest:.2e} nats")
    llama.close()
    return problems


def main() -> None:
    default_models = Path(__file__).resolve().parents[2] / "Datasets" / "models"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models-dir", type=Path, default=default_models)
    parser.add_argument("--tolerance", type=float, default=1e-5)
    arguments = parser.parse_args()

    problems = []
    for table_path in sorted(arguments.models_dir.glob("*.transitions.json")):
        table = json.loads(table_path.read_text())
        model_path = arguments.models_dir / table["model"]
        problems += [f"{model_path.name}: {p}" for p in verify(model_path, table, arguments.tolerance)]
    for problem in problems:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
