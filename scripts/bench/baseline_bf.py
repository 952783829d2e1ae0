#!/usr/bin/env python3
"""Set-level Branching Factor of a chat-shape trace file with Python's json and numpy.

The baseline `horizon analyze` is compared with. For every token: the candidates' log-probs
(the top list) are sorted, those with p < 1e-12 dropped, kept from the most probable down
until their cumulative probability reaches top_p (within 1e-6, as Horizon; the one that
crosses it kept), the sampled token added if it is not among them, the kept probabilities
renormalised, and the entropy taken in nats. A sample's value is the mean entropy over its
tokens; a problem's BF is exp(mean over its samples); the set's BF is the mean over problems.

The sampled token is found in its top list as the trace reader does: equal token strings
and, when both carry `bytes`, equal bytes. An empty top list makes the sampled token the
only candidate (entropy 0).

Usage: baseline_bf.py TRACES.jsonl [--top-p 0.9]
Prints the set BF, the counts, and the throughput in MB/s.
"""

import argparse
import json
import math
import os
import sys
import time
from collections import defaultdict

import numpy as np


def sampled_rank(entry):
    token, raw = entry.get("token"), entry.get("bytes")
    for index, candidate in enumerate(entry.get("top_logprobs") or []):
        if candidate.get("token") != token:
            continue
        if raw is not None and candidate.get("bytes") is not None and candidate["bytes"] != raw:
            continue
        return index
    return -1


def mean_truncated_entropy(content, top_p):
    """Mean over tokens of the entropy (nats) of the truncated, renormalised distribution."""
    steps = len(content)
    if steps == 0:
        return None
    width = max(len(entry.get("top_logprobs") or []) for entry in content) + 1
    # Column `width - 1` holds the sampled token when its top list lacks it.
    logprobs = np.full((steps, width), -np.inf)
    ranks = np.empty(steps, dtype=np.int64)
    for step, entry in enumerate(content):
        top = entry.get("top_logprobs") or []
        logprobs[step, : len(top)] = [candidate["logprob"] for candidate in top]
        rank = sampled_rank(entry) if top else -1
        if rank < 0:
            logprobs[step, width - 1] = entry["logprob"]
            rank = width - 1
        ranks[step] = rank
    order = np.argsort(-logprobs, axis=1, kind="stable")
    sorted_logprobs = np.take_along_axis(logprobs, order, axis=1)
    probabilities = np.exp(sorted_logprobs)
    present = probabilities >= 1e-12
    before = np.cumsum(probabilities * present, axis=1) - probabilities * present
    # A running sum within 1e-6 of top_p counts as reaching it, as in Horizon
    # (docs/branching-factor.md, step 3: 32-bit log-probs make 0.9 arrive as 0.8999999).
    keep = present & (before < top_p - 1e-6)
    # Always keep the sampled token.
    sampled_position = np.argmax(order == ranks[:, None], axis=1)
    keep[np.arange(steps), sampled_position] = True
    kept = np.where(keep, probabilities, 0.0)
    normalised = kept / kept.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(normalised > 0, normalised * np.log(normalised), 0.0)
    entropies = -terms.sum(axis=1)
    return float(entropies.mean())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("traces")
    parser.add_argument("--top-p", type=float, default=0.9)
    args = parser.parse_args()

    started = time.perf_counter()
    per_problem = defaultdict(list)
    samples = tokens = 0
    with open(args.traces, "rb") as lines:
        for line in lines:
            if not line.strip():
                continue
            trace = json.loads(line)
            content = ((trace.get("logprobs") or {}).get("content")) or []
            value = mean_truncated_entropy(content, args.top_p)
            if value is None:
                continue
            per_problem[str(trace["problem_id"])].append(value)
            samples += 1
            tokens += len(content)
    problem_bfs = [math.exp(sum(values) / len(values)) for values in per_problem.values()]
    set_bf = sum(problem_bfs) / len(problem_bfs) if problem_bfs else float("nan")
    elapsed = time.perf_counter() - started
    megabytes = os.path.getsize(args.traces) / 1e6
    print(f"set BF {set_bf!r} over {len(problem_bfs)} problems, {samples} samples, {tokens} tokens")
    print(f"{megabytes:.1f} MB in {elapsed:.2f} s = {megabytes / elapsed:.1f} MB/s", file=sys.stderr)


if __name__ == "__main__":
    main()
