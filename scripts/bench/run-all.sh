#!/usr/bin/env bash
# Runs every benchmark (not tests) in turn and prints their tables:
#   - run-analyze.sh: `horizon analyze` throughput and peak memory against a json + numpy baseline;
#   - run-analyze-compressed.sh: the same analysis on plain, gzip and zstd input;
#   - grader_vs_mathverify.sh: the answer grader against Math-Verify;
#   - run-sample.sh: `horizon sample` against a loopback replay server, beside a minimal drain client.
# Arguments are not forwarded; each script reads its own environment variables (see their headers).
# Exits non-zero if any benchmark fails, after running them all.
#
# Usage: scripts/bench/run-all.sh
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
status=0
echo "### analyze"
"$here/run-analyze.sh" || status=1
echo
echo "### analyze, compressed input"
"$here/run-analyze-compressed.sh" || status=1
echo
echo "### grader"
"$here/grader_vs_mathverify.sh" || status=1
echo
echo "### sample"
"$here/run-sample.sh" || status=1
exit "$status"
