#!/usr/bin/env python3
"""Print the closed-form facts of Horizon's Markov test models as Markdown (for docs/test-model.md).

Everything is computed from the design in markov_design.py, exactly (no sampling): per-state
entropies, with and without top-p 0.9 truncation; the distribution of the thinking length; the
branching factor (BF) of the thinking and answer segments; the expected accuracy of the demo
problem set.  Natural logarithms (nats) throughout.

Conventions (see docs/test-model.md): H_t is the entropy of the distribution token t was drawn
from, i.e. of the state of token t-1.  A complete output is
    <think> f_1 ... f_L </think> The answer is \\boxed{ d }
(L fillers, N = L + 8 tokens); the thinking segment is <think> ... </think> (L + 2 tokens, markers
included), the answer segment the 6 tokens after </think>.

Usage: markov_facts.py [--problems Datasets/problems/demo.jsonl]
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from pathlib import Path

import markov_design as design

TOP_P = 0.9
MAX_TOKENS = 60
TAIL_MASS = 1e-15  # stop following thinking paths once this little probability is left


def nucleus(row: dict[str, float], top_p: float) -> dict[str, float]:
    """The reference's top-p set: most probable first until the cumulative mass reaches top_p, renormalised."""
    kept, mass = {}, 0.0
    for text, probability in sorted(row.items(), key=lambda item: -item[1]):
        kept[text] = probability
        mass += probability
        if mass >= top_p:
            break
    return {text: p / mass for text, p in kept.items()}


def thinking_outcomes(rows: dict[str, dict[str, float]]) -> dict[tuple[int, float], float]:
    """Exact distribution of (L, sum of H over the thinking steps) over complete thinkings.

    The thinking steps are: <think> drawn from start (H = 0), filler 1 drawn from <think>'s row,
    and one step drawn from each visited filler's row (the next filler or </think>).
    """
    entropy = {state: design.entropy_nats(row) for state, row in rows.items()}
    # Partial paths: (current filler, L so far, entropy sum rounded to merge equal sums) -> probability.
    paths: dict[tuple[str, int, float], float] = defaultdict(float)
    for filler, p in rows[design.THINK_START].items():
        paths[(filler, 1, round(entropy[design.THINK_START], 12))] += p
    finished: dict[tuple[int, float], float] = defaultdict(float)
    while sum(paths.values()) > TAIL_MASS:
        following: dict[tuple[str, int, float], float] = defaultdict(float)
        for (filler, length, total), p in paths.items():
            step_total = round(total + entropy[filler], 12)
            for text, q in rows[filler].items():
                if text == design.THINK_END:
                    finished[(length, step_total)] += p * q
                else:
                    following[(text, length + 1, step_total)] += p * q
        paths = following
    return finished


def model_facts(name: str, exponent: float) -> list[str]:
    """Markdown lines with one model's facts."""
    rows = design.rows_for(exponent)
    lines = [f"### {name} (probabilities ^{exponent:g}, renormalised)", ""]
    lines.append("| state | next tokens (probability) | H (nats) | top-p 0.9 set | H top-p 0.9 (nats) |")
    lines.append("|---|---|---|---|---|")
    for state, row in rows.items():
        ordered = sorted(row.items(), key=lambda item: -item[1])
        listed = ", ".join(f"`{t}` {p:.4f}" for t, p in ordered)
        kept = nucleus(row, TOP_P)
        lines.append(
            f"| `{state}` | {listed} | {design.entropy_nats(row):.6f} | {len(kept)} of {len(row)} "
            f"| {design.entropy_nats(kept):.6f} |"
        )

    outcomes = thinking_outcomes(rows)
    mass = math.fsum(outcomes.values())
    mean_length = math.fsum(p * length for (length, _), p in outcomes.items())
    mean_entropy_sum = math.fsum(p * total for (_, total), p in outcomes.items())
    mean_per_token = math.fsum(p * total / (length + 2) for (length, total), p in outcomes.items())
    mean_bf = math.fsum(p * math.exp(total / (length + 2)) for (length, total), p in outcomes.items())
    truncated = math.fsum(p for (length, _), p in outcomes.items() if length + 8 > MAX_TOKENS)
    h_answer = design.entropy_nats(rows[" \\boxed{"])
    whole = math.fsum(
        p * (total + h_answer) / (length + 8) for (length, total), p in outcomes.items()
    )
    lines += [
        "",
        f"- fillers per thinking L: mean {mean_length:.6f}; thinking segment {mean_length + 2:.6f} tokens, "
        f"whole output {mean_length + 8:.6f} tokens (path mass followed: {mass:.15f})",
        f"- P(output longer than {MAX_TOKENS} tokens, i.e. L > {MAX_TOKENS - 8}): {truncated:.3e}",
        f"- thinking, per-sample mean entropy E[mean_t H_t]: {mean_per_token:.6f} nats; "
        f"exp of it (entropy estimator, many samples): BF {math.exp(mean_per_token):.6f}",
        f"- thinking, E[exp(mean_t H_t)] (perplexity-style mean of per-sample BF): {mean_bf:.6f}",
        f"- thinking, ratio of expectations exp(E[sum H] / E[L + 2]): {math.exp(mean_entropy_sum / (mean_length + 2)):.6f}",
        f"- answer segment (6 tokens, only the digit branches): H = {h_answer:.6f} nats, "
        f"BF = exp(H / 6) = {math.exp(h_answer / 6):.6f} for every sample",
        f"- whole output, E[mean_t H_t] = {whole:.6f} nats, exp = {math.exp(whole):.6f}",
        "",
    ]
    return lines


def accuracy_facts(problems_path: Path) -> list[str]:
    """Markdown lines with the demo set's expected accuracy under each model."""
    problems = [json.loads(line) for line in problems_path.read_text().splitlines() if line.strip()]
    lines = ["### Expected accuracy on " + problems_path.name, ""]
    shown = sorted(design.BASE_ROWS[" \\boxed{"], key=lambda d: -design.BASE_ROWS[" \\boxed{"][d])
    golds = ", ".join(sorted({p["answer"] for p in problems}))
    lines.append(f"{len(problems)} problems, gold answers in {{{golds}}}; accuracy = mean over problems of P(d = gold).")
    lines.append("")
    lines.append("| model | " + " | ".join(f"P(d = {d})" for d in shown) + " | P(other digit) | expected accuracy |")
    lines.append("|---|" + "---|" * (len(shown) + 2))
    for name, exponent in (("markov-base", 1), ("markov-sharpened", design.SHARPENING_EXPONENT)):
        digits = design.rows_for(exponent)[" \\boxed{"]
        accuracy = math.fsum(digits.get(p["answer"], 0.0) for p in problems) / len(problems)
        cells = " | ".join(f"{digits[d]:.6f}" for d in shown)
        lines.append(f"| {name} | {cells} | 0 | {accuracy:.6f} |")
    return lines + [""]


def main() -> None:
    default_problems = Path(__file__).resolve().parents[2] / "Datasets" / "problems" / "demo.jsonl"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--problems", type=Path, default=default_problems)
    arguments = parser.parse_args()

    lines = model_facts("markov-base", 1) + model_facts("markov-sharpened", design.SHARPENING_EXPONENT)
    if arguments.problems.exists():
        lines += accuracy_facts(arguments.problems)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
