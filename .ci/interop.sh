#!/usr/bin/env bash
# Interoperability: export the bundled samples and load them the way our users
# do — spaCy `Doc.char_span` (strict alignment) and Hugging Face `datasets`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo run -q -- convert samples --to byline -o "$out/samples.jsonl"
cargo run -q -- convert samples --to hf -o "$out/hf.jsonl"
venv=${BYLINE_INTEROP_VENV:-$HOME/.cache/byline-interop-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check "spacy>=3.7,<4" "datasets>=2.14"
"$venv/bin/python" .ci/interop.py "$out"
