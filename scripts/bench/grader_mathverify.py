#!/usr/bin/env python3
"""Math-Verify side of the grader benchmark (see grader_vs_mathverify.sh).

Subcommands:
  make-math500-pairs MATH500_JSONL OUT      pairs (reference = answer, candidate = solution)
  make-stress-pairs OUT                     pathological pairs (deep nesting, huge exponents, big sets)
  run PAIRS OUT                             Math-Verify verdict and time for every pair
  compare NAME PAIRS HORIZON MATHVERIFY     agreement and timing summary
"""
import json
import statistics
import sys
import time


def read_lines(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def pair_texts(row):
    reference = row.get("reference", row.get("gold", row.get("answer")))
    candidate = row.get("candidate", row.get("pred", row.get("prediction", row.get("response"))))
    return reference, candidate


def make_math500_pairs(source, destination):
    with open(destination, "w", encoding="utf-8") as out:
        for row in read_lines(source):
            # Math-Verify reads LaTeX only between delimiters, so the bare answer is wrapped.
            out.write(json.dumps({"id": row["unique_id"], "reference": "$" + row["answer"] + "$",
                                  "candidate": row["solution"]}) + "\n")


def make_stress_pairs(destination):
    """Inputs that make SymPy-based graders slow or hang; each is a (reference, candidate) pair."""
    def wrap(text):
        return "$" + text + "$"

    big_set = ",".join(f"\\sqrt{{{i}}}x" for i in range(1, 33))
    big_set_reversed = ",".join(f"\\sqrt{{{i}}}x" for i in range(32, 0, -1))
    cases = [
        ("2^{2^{2^{100}}}", "2^{2^{2^{100}}}+1"),
        ("10^{10^{10}}", "10^{10^{10}}+1"),
        ("\\frac{1}{2004!}", "\\frac{1}{2006!}"),
        ("(2^{100})!", "1"),
        ("\\binom{10^{9}}{5 \\cdot 10^{8}}", "1"),
        ("\\frac{1}{" * 40 + "2" + "}" * 40, "1"),
        ("\\frac{1}{" * 300 + "2" + "}" * 300, "1"),
        ("(" * 2000 + "1" + ")" * 2000, "1"),
        ("\\sqrt{" * 30 + "x" + "}" * 30, "x^{1/1073741824}"),
        ("+".join(str(i) for i in range(1, 400)), "79800"),
        ("\\{" + big_set + "\\}", "\\{" + big_set_reversed + "\\}"),
        ("(x+1)^{50}", "(1+x)^{50}"),
        ("(x+y+z)^{12}", "(z+y+x)^{12}"),
        ("\\begin{pmatrix}" + "\\\\".join("&".join(f"x^{{{c}}}" for c in range(8)) for _ in range(8))
         + "\\end{pmatrix}^{16}", "0"),
    ]
    with open(destination, "w", encoding="utf-8") as out:
        for reference, candidate in cases:
            out.write(json.dumps({"reference": wrap(reference), "candidate": wrap(candidate)}) + "\n")


def run(pairs_path, destination):
    from math_verify import parse, verify

    pairs = read_lines(pairs_path)
    # Warm up: the first call imports and compiles the LaTeX grammar.
    verify(parse("$1$"), parse("$1$"))
    with open(destination, "w", encoding="utf-8") as out:
        for index, row in enumerate(pairs):
            reference, candidate = pair_texts(row)
            # Process CPU time, like the Swift side's thread CPU time (Math-Verify is single-threaded).
            start = time.process_time()
            try:
                equivalent = bool(verify(parse(reference), parse(candidate)))
            except Exception as error:  # a grader failure is a verdict here, as in practice
                equivalent = False
                print(f"pair {index}: Math-Verify raised {error!r}", file=sys.stderr)
            seconds = time.process_time() - start
            out.write(json.dumps({"index": index, "equivalent": equivalent, "seconds": seconds}) + "\n")


def describe(seconds):
    return f"mean {statistics.mean(seconds) * 1e3:.3f} ms, worst {max(seconds) * 1e3:.3f} ms"


def compare(name, pairs_path, horizon_path, mathverify_path):
    pairs = read_lines(pairs_path)
    ours = read_lines(horizon_path)
    theirs = read_lines(mathverify_path)
    assert len(ours) == len(theirs) == len(pairs)
    agree = sum(a["equivalent"] == b["equivalent"] for a, b in zip(ours, theirs))
    print(f"[{name}] {len(pairs)} pairs")
    print(f"  verdict agreement Horizon vs Math-Verify: {agree}/{len(pairs)} ({agree / len(pairs):.1%})")
    if "expected" in pairs[0]:
        for label, rows in (("Horizon", ours), ("Math-Verify", theirs)):
            right = sum(row["equivalent"] == pair["expected"] for row, pair in zip(rows, pairs))
            print(f"  {label} agreement with labels: {right}/{len(pairs)} ({right / len(pairs):.1%})")
    else:
        for label, rows in (("Horizon", ours), ("Math-Verify", theirs)):
            right = sum(row["equivalent"] for row in rows)
            print(f"  {label} judges equivalent: {right}/{len(pairs)} ({right / len(pairs):.1%})")
    our_times = [row["mean_seconds"] for row in ours]
    our_worst = max(row["max_seconds"] for row in ours)
    their_times = [row["seconds"] for row in theirs]
    print(f"  Horizon time per pair: {describe(our_times)} (worst single run {our_worst * 1e3:.3f} ms)")
    print(f"  Math-Verify time per pair: {describe(their_times)}")
    print(f"  speed-up (mean): {statistics.mean(their_times) / statistics.mean(our_times):.0f}x")
    disagreements = [(i, a, b) for i, (a, b) in enumerate(zip(ours, theirs)) if a["equivalent"] != b["equivalent"]]
    for index, a, b in disagreements:
        print(f"    differs at {index}: Horizon {a['equivalent']} ({a['reason']}), Math-Verify {b['equivalent']}")


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"make-math500-pairs": make_math500_pairs, "make-stress-pairs": make_stress_pairs, "run": run,
     "compare": compare}[command](*arguments)
