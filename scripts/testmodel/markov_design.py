"""The designed grammar of Horizon's Markov test models: tokens, states and transition rows.

A model built from this design is a first-order Markov chain over a small vocabulary: the
next-token distribution depends only on the current (last) token.  Every output looks like

    <think> we add then check so ... </think> The answer is \\boxed{4}

with designed branching in the thinking (six filler words, a fixed chance to stop) and a
designed distribution over the boxed digit.  This module holds the design only (plain data and
closed-form maths); `make_markov_gguf.py` turns it into GGUF files and transition tables.

All logarithms are natural (nats).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Log-probability given to every token outside a state's support.  The impossible tokens'
# total mass is about vocabulary_size * e^-30 ~ 3e-11, far below float32 resolution, so the
# support's log-probabilities come out as designed.
IMPOSSIBLE_LOG_PROB = -30.0

# The sharpened twin raises every probability to this power and renormalises (logits * 3):
# same support, lower entropy wherever a row is not one-hot.
SHARPENING_EXPONENT = 3

THINK_START = "<think>"
THINK_END = "</think>"
FILLERS = (" we", " so", " then", " check", " add", " count")
ANSWER_PREAMBLE = (" The", " answer", " is", " \\boxed{")
DIGITS = tuple("0123456789")
ANSWER_CLOSE = "}"

UNKNOWN_TOKEN = "<unk>"
BOS_TOKEN = "<s>"
EOS_TOKEN = "</s>"

# State names.  A grammar token's state is named after its text, except that all ten digits
# share one state (each is followed by "}").  Every other token -- BOS, EOS, bytes, the prefix
# pieces the tokenizer needs -- is in the start state, whose row puts all mass on <think>:
# so a prompt that ends in a non-grammar token (a chat template's "\n", a "?") starts thinking.
START_STATE = "start"
DIGIT_STATE = "digit"

# Roles of the grammar tokens, for segmenting sampled outputs.
ROLE_MARKER = "marker"
ROLE_THINKING = "thinking"
ROLE_ANSWER = "answer"
ROLE_CONTROL = "control"

# The base model's rows: state -> {next token text: probability}.  The numbers were picked so
# that no cumulative sum of a sorted row (base or sharpened) lies within 0.01 of a common top_p
# (0.5, 0.7, 0.8, 0.9, 0.95, 0.99): nucleus truncation never hinges on float rounding.
# Every filler state stops thinking with probability 0.2, so in the base model the number of
# fillers is geometric: P(L = n) = 0.8^(n-1) * 0.2, mean 5.
BASE_ROWS: dict[str, dict[str, float]] = {
    START_STATE: {THINK_START: 1.0},
    THINK_START: {" we": 0.30, " so": 0.27, " then": 0.26, " check": 0.17},
    " we": {" add": 0.38, " check": 0.24, THINK_END: 0.20, " count": 0.18},
    " add": {" then": 0.38, " we": 0.24, THINK_END: 0.20, " so": 0.18},
    " then": {" we": 0.38, " check": 0.24, THINK_END: 0.20, " count": 0.18},
    " so": {" we": 0.38, " add": 0.24, THINK_END: 0.20, " count": 0.18},
    " count": {" then": 0.38, " so": 0.24, THINK_END: 0.20, " add": 0.18},
    " check": {" so": 0.61, THINK_END: 0.20, " then": 0.19},
    THINK_END: {" The": 1.0},
    " The": {" answer": 1.0},
    " answer": {" is": 1.0},
    " is": {" \\boxed{": 1.0},
    " \\boxed{": {"4": 0.44, "2": 0.30, "7": 0.26},
    DIGIT_STATE: {ANSWER_CLOSE: 1.0},
    ANSWER_CLOSE: {EOS_TOKEN: 1.0},
}


@dataclass(frozen=True)
class GrammarToken:
    """A token the grammar emits: its text, the state it leads to and its role."""

    text: str
    state: str
    role: str


def grammar_tokens() -> list[GrammarToken]:
    """The tokens the chain can emit, in vocabulary order (EOS is listed last)."""
    tokens = [GrammarToken(THINK_START, THINK_START, ROLE_MARKER)]
    tokens += [GrammarToken(text, text, ROLE_THINKING) for text in FILLERS]
    tokens.append(GrammarToken(THINK_END, THINK_END, ROLE_MARKER))
    tokens += [GrammarToken(text, text, ROLE_ANSWER) for text in ANSWER_PREAMBLE]
    tokens += [GrammarToken(digit, DIGIT_STATE, ROLE_ANSWER) for digit in DIGITS]
    tokens.append(GrammarToken(ANSWER_CLOSE, ANSWER_CLOSE, ROLE_ANSWER))
    tokens.append(GrammarToken(EOS_TOKEN, START_STATE, ROLE_CONTROL))
    return tokens


def state_names() -> list[str]:
    """All states, start first; the index of a state is its embedding dimension."""
    return list(BASE_ROWS)


def sharpened(row: dict[str, float], exponent: float) -> dict[str, float]:
    """A row with every probability raised to `exponent` and renormalised (logits * exponent)."""
    weights = {text: probability**exponent for text, probability in row.items()}
    total = math.fsum(weights.values())
    return {text: weight / total for text, weight in weights.items()}


def rows_for(exponent: float) -> dict[str, dict[str, float]]:
    """The model's rows: the base rows sharpened by `exponent` (1 gives the base rows as written)."""
    if exponent == 1:
        return {state: dict(row) for state, row in BASE_ROWS.items()}
    return {state: sharpened(row, exponent) for state, row in BASE_ROWS.items()}


def entropy_nats(row: dict[str, float]) -> float:
    """Shannon entropy -sum p ln p of a row, in nats (the impossible tokens' ~1e-11 is left out)."""
    return 0.0 - math.fsum(p * math.log(p) for p in row.values() if p > 0)  # 0.0, not -0.0, for one-hot rows


def check_design() -> None:
    """Raise ValueError when a row is not a distribution or names an unknown token or state."""
    emitted = {token.text for token in grammar_tokens()}
    states = set(BASE_ROWS)
    for state, row in BASE_ROWS.items():
        if abs(math.fsum(row.values()) - 1.0) > 1e-12:
            raise ValueError(f"row {state!r} sums to {math.fsum(row.values())}, not 1")
        unknown = set(row) - emitted
        if unknown:
            raise ValueError(f"row {state!r} names tokens outside the grammar: {sorted(unknown)}")
    for token in grammar_tokens():
        if token.state not in states:
            raise ValueError(f"token {token.text!r} leads to unknown state {token.state!r}")
