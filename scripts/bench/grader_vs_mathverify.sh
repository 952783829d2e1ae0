#!/usr/bin/env bash
# Benchmark (not a test): HorizonAnswers' grader against Math-Verify on the same answer pairs.
#
# Runs both graders on the labelled dev pairs (../shared/data/answer-equivalence-dev.jsonl), on
# MATH-500 (reference `answer` against the worked `solution`) and on a small stress set
# (huge exponents, deep nesting, big sets), then prints verdict agreement and time per pair
# (mean and worst) for each grader.
#
# Math-Verify is installed from PyPI into a virtual environment outside the repository
# ($HORIZON_BENCH_VENV, default /tmp/horizon-grader-venv). Our side is a throwaway Swift harness
# built in release mode in $HORIZON_BENCH_DIR (default /tmp/horizon-grader-harness): a package
# that links Sources/HorizonAnswers by symlink, so only that module is compiled.
#
# Usage: scripts/bench/grader_vs_mathverify.sh [repetitions-for-our-timings (default 20)]
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
data="${HORIZON_SHARED_DATA:-$repo/../shared/data}"
venv="${HORIZON_BENCH_VENV:-/tmp/horizon-grader-venv}"
work="${HORIZON_BENCH_DIR:-/tmp/horizon-grader-harness}"
repetitions="${1:-20}"

if [ ! -f "$data/answer-equivalence-dev.jsonl" ]; then
    echo "shared data not found at $data (set HORIZON_SHARED_DATA)" >&2
    exit 1
fi

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import math_verify" 2>/dev/null; then
    echo "installing math-verify into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet math-verify
fi

mkdir -p "$work/Sources/GraderHarness"
ln -sfn "$repo/Sources/HorizonAnswers" "$work/Sources/HorizonAnswers"
cat > "$work/Package.swift" <<'SWIFT'
// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "GraderHarness",
    targets: [
        .target(name: "HorizonAnswers"),
        .executableTarget(name: "GraderHarness", dependencies: ["HorizonAnswers"]),
    ]
)
SWIFT
cat > "$work/Sources/GraderHarness/main.swift" <<'SWIFT'
// Grades every pair of a JSON-lines file `repetitions` times and writes one JSON line per pair:
// {"index", "equivalent", "reason", "mean_seconds", "max_seconds"} (extraction + comparison),
// timed in CPU time of the grading thread, so that other processes on a busy machine do not
// inflate the worst case.
import Foundation
import HorizonAnswers

func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

let arguments = CommandLine.arguments
let pairs = try AnswerPair.readJSONLines(contentsOf: URL(fileURLWithPath: arguments[1]))
let repetitions = Int(arguments[2]) ?? 20
let grader = AnswerGrader()
var totals = [Double](repeating: 0, count: pairs.count)
var worst = [Double](repeating: 0, count: pairs.count)
var verdicts = [EquivalenceVerdict?](repeating: nil, count: pairs.count)
for _ in 0..<repetitions {
    for (index, pair) in pairs.enumerated() {
        let start = threadCPUSeconds()
        let graded = grader.grade(pair, index: index)
        let seconds = threadCPUSeconds() - start
        totals[index] += seconds
        worst[index] = max(worst[index], seconds)
        verdicts[index] = graded.verdict
    }
}
for index in pairs.indices {
    let line: [String: Any] = [
        "index": index, "equivalent": verdicts[index]!.equivalent, "reason": verdicts[index]!.reason.rawValue,
        "mean_seconds": totals[index] / Double(repetitions), "max_seconds": worst[index],
    ]
    let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
SWIFT

echo "building the Swift harness (release) in $work" >&2
swift build -c release --package-path "$work" >&2
harness="$work/.build/release/GraderHarness"

"$venv/bin/python" "$repo/scripts/bench/grader_mathverify.py" make-math500-pairs \
    "$data/math500.jsonl" "$work/math500-pairs.jsonl"
"$venv/bin/python" "$repo/scripts/bench/grader_mathverify.py" make-stress-pairs "$work/stress-pairs.jsonl"

for name in dev math500 stress; do
    case "$name" in
        dev) pairs="$data/answer-equivalence-dev.jsonl" ;;
        *) pairs="$work/$name-pairs.jsonl" ;;
    esac
    echo "== $name: $(wc -l < "$pairs") pairs" >&2
    "$harness" "$pairs" "$repetitions" > "$work/$name-horizon.jsonl"
    # Math-Verify logs every timeout with the whole input; keep that out of the summary.
    "$venv/bin/python" "$repo/scripts/bench/grader_mathverify.py" run "$pairs" "$work/$name-mathverify.jsonl" \
        2> "$work/$name-mathverify.log"
    "$venv/bin/python" "$repo/scripts/bench/grader_mathverify.py" compare "$name" "$pairs" \
        "$work/$name-horizon.jsonl" "$work/$name-mathverify.jsonl"
done
