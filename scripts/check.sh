#!/usr/bin/env bash
# Runs exactly what CI runs: .ci/run (Python for the W3C suite, fmt, clippy,
# the README's test command, the W3C validation step).
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash .ci/run
