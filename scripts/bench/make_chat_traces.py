#!/usr/bin/env python3
"""Write a deterministic benchmark file of chat-shape traces (JSONL), about N MB.

Each line is a flat trace as `horizon sample` writes it: problem_id, sample_index, model,
prompt, gold, text, finish_reason, logprobs_kind, endpoint, sampling, usage, and `logprobs`
in the chat shape ({"content": [{token, logprob, bytes, top_logprobs: [...]}]}) with K
candidates per token (default 20), log-probabilities rounded to float32 and printed with
Python's repr (17 significant digits, as vLLM's responses have).

The text is `<think> ... </think> ... \\boxed{N}`; tokens include escapes (quotes,
backslashes, newlines), non-ASCII characters (written as \\uXXXX, surrogate pairs included)
and byte tokens that split a UTF-8 character (token "\\ufffd" with partial `bytes`).
Several samples per problem. The same arguments always give the same file.

Usage: make_chat_traces.py OUTPUT.jsonl [--mb 1024] [--samples 8] [--top 20] [--seed 1]
                           [--min-tokens 150] [--max-tokens 1500]
"""

import argparse
import json
import math
import random
import struct

WORDS = [
    " the", " of", " and", " to", " a", " in", " is", " we", " so", " then", " check", " add",
    " number", " sum", " equation", " solve", " let", " x", " y", " =", " +", " -", " 2", " 3",
    " 4", " 10", " answer", " therefore", " Wait", ",", ".", ":", "\n", "\n\n", " (", ")",
    " \\frac", "{", "}", " \\cdot", " \\sqrt", " $", "$", " \"", "\"", " caf\u00e9", " \u2192",
    " \u03c0", " \u2264", " \U0001F600", "\t", " \\\\", " na\u00efve",
]
PARTIAL = [
    # A character split across two byte tokens: "\u2192" is E2 86 92.
    ("\ufffd", [0xE2, 0x86]),
    ("\ufffd", [0x92]),
    ("\ufffd", [0xF0, 0x9F]),
]


def float32(value):
    """`value` rounded to binary32, as servers compute log-probs."""
    return struct.unpack("f", struct.pack("f", value))[0]


def token_bytes(token):
    return list(token.encode("utf-8"))


def step(rng, forced, top):
    """One generated token: a random distribution, the sampled token, its top-`top` list."""
    vocabulary = rng.sample(WORDS, min(len(WORDS), top + 5))
    if rng.random() < 0.03:
        vocabulary[rng.randrange(top)] = "PARTIAL"
    logits = [rng.gauss(0, 2.5) for _ in vocabulary]
    peak = max(logits)
    norm = math.log(sum(math.exp(l - peak) for l in logits)) + peak
    logprobs = sorted((float32(l - norm) for l in logits), reverse=True)
    candidates = []
    for index, logprob in enumerate(logprobs[:top]):
        word = vocabulary[index]
        if word == "PARTIAL":
            text, raw = rng.choice(PARTIAL)
        else:
            text, raw = word, token_bytes(word)
        candidates.append({"token": text, "logprob": logprob, "bytes": raw})
    if forced is not None:
        token, raw = forced, token_bytes(forced)
        match = [c for c in candidates if c["bytes"] == raw]
        logprob = match[0]["logprob"] if match else float32(rng.uniform(-12, -3))
    elif rng.random() < 0.02:
        # Sampled outside the top list (vLLM then lists it as an extra candidate; here not).
        token, raw, logprob = " zebra", token_bytes(" zebra"), float32(rng.uniform(-14, -6))
    else:
        weights = [math.exp(c["logprob"]) for c in candidates]
        chosen = rng.choices(candidates, weights)[0]
        token, raw, logprob = chosen["token"], chosen["bytes"], chosen["logprob"]
    return {"token": token, "logprob": logprob, "bytes": raw, "top_logprobs": candidates}


def sample(rng, problem, index, top, lengths=(150, 1500)):
    length = rng.randint(*lengths)
    answer = str(problem % 97)
    forced = {0: "<think>", length - 6: "</think>", length - 5: " The answer is",
              length - 4: " \\boxed{", length - 3: answer, length - 2: "}", length - 1: "."}
    content = [step(rng, forced.get(position), top) for position in range(length)]
    raw = b"".join(bytes(entry["bytes"]) for entry in content)
    text = raw.decode("utf-8", errors="replace")
    return {
        "problem_id": f"bench-{problem}",
        "sample_index": index,
        "model": "bench/markov-8b",
        "prompt": f"Problem {problem}: what is {problem} mod 97? Put the answer in \\boxed{{}}.",
        "gold": answer,
        "text": text,
        "finish_reason": "stop",
        "logprobs_kind": "raw",
        "endpoint": "chat",
        "sampling": {"temperature": 1.0, "top_p": 0.9, "top_k": 0, "min_p": 0.0,
                     "max_tokens": 4096, "top_logprobs": top, "seed": 1000 * problem + index},
        "usage": {"prompt_tokens": 40, "completion_tokens": length},
        "logprobs": {"content": content},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--mb", type=float, default=1024)
    parser.add_argument("--samples", type=int, default=8, help="samples per problem")
    parser.add_argument("--top", type=int, default=20, help="candidates per token")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min-tokens", type=int, default=150, help="shortest output, tokens (at least 8)")
    parser.add_argument("--max-tokens", type=int, default=1500, help="longest output, tokens")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    target = int(args.mb * 1024 * 1024)
    written = 0
    problem = 0
    with open(args.output, "wb") as out:
        while written < target:
            for index in range(args.samples):
                line = (json.dumps(sample(rng, problem, index, args.top, (max(8, args.min_tokens), max(8, args.min_tokens, args.max_tokens)))) + "\n").encode("ascii")
                out.write(line)
                written += len(line)
            problem += 1
    print(f"wrote {written / 1e6:.1f} MB, {problem} problems x {args.samples} samples to {args.output}")


if __name__ == "__main__":
    main()
