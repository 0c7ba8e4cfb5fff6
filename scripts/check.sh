#!/usr/bin/env bash
# Exactly what CI runs (see .ci/run): formatting, lints, the README's test command,
# then the W3C validation step.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo test
# W3C Web Annotation validation: the W3C test suite's MUST assertions on exports,
# with every PASS/FAIL line in the log. It needs ../shared and a Python named by
# PIZHU_W3C_PYTHON (set up by .ci/run); without them it prints "skipped: <why>".
cargo test --test w3c the_w3c_test_suite_passes_its_must_assertions -- --exact --nocapture
