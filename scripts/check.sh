#!/usr/bin/env bash
# Exactly what CI runs (see .ci/run): formatting, lints, then the README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo test
