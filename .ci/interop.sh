#!/usr/bin/env bash
# Interoperability: export the bundled samples in every format and have each
# real consumer read the export its own way — spaCy (doc.ents, span groups, a
# DocBin that `spacy train` trains on, `spacy convert` on the CoNLL file),
# Hugging Face `datasets` (the dataset folder and its file), doccano 1.8's own
# import code, brat's annotation loader and Label Studio's validators.
#
# The samples: `byline suggest` pre-annotates the articles nobody reviewed
# (their suggestions pending) and keeps the hand-checked gold of
# samples/annotated (reviewed, marked done) as it is; every export then
# writes that gold, and the formats that can mark suggestions carry them too.
#
# Each consumer runs in a virtualenv with every version pinned
# (.ci/interop/requirements-*.txt), cached under ~/.cache/byline-interop-venv
# and keyed by its requirements file's hash. brat is not on PyPI: its code is
# taken from a snapshot of nlplab/brat when this machine has one
# (BYLINE_BRAT_GIT, default /work/.mirror/nlplab+brat/repo), else the brat
# check says it is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cache=${BYLINE_INTEROP_VENV:-$HOME/.cache/byline-interop-venv}

cargo build -q --bin byline
byline=target/debug/byline

# A virtualenv for one requirements file, made once per version of the file.
venv() {
  local req=.ci/interop/requirements-$1.txt
  local dir="$cache/$1-$(sha256sum "$req" | cut -c1-16)"
  if [ ! -e "$dir/.complete" ]; then
    rm -rf "$cache/$1-"*
    python3 -m venv "$dir" >&2
    "$dir/bin/python" -m pip install -q --disable-pip-version-check -r "$req" >&2
    touch "$dir/.complete"
  fi
  echo "$dir/bin/python"
}

"$byline" suggest samples -o "$out/suggested.jsonl" 2>"$out/suggest.log"
# Two reviewed articles read from brat, so what they hold goes through every
# export and consumer that carries quotes: an interrupted quote written one
# record per segment (a Segment relation links the segments), and a belief
# (a Class attribute), which brat, Label Studio and doccano must show as one.
mkdir "$out/reviewed"
printf '%s' '“Ça suffit,” dit Zoë Ødegård. “Nous partons.”' >"$out/reviewed/zoe.txt"
{
  printf 'T1\tQUOTE 0 12\t“Ça suffit,”\nT2\tAttribution 13 16\tdit\nT3\tCUE 13 16\tdit\n'
  printf 'T4\tSPEAKER 17 28\tZoë Ødegård\nT5\tQUOTE 30 45\t“Nous partons.”\n'
  printf 'E1\tAttribution:T2 Content:T1 Cue:T3 Source:T4\nE2\tAttribution:T2 Content:T5 Cue:T3 Source:T4\n'
  printf 'R1\tSegment Arg1:T1 Arg2:T5\n'
} >"$out/reviewed/zoe.ann"
belief=(belief 'the levee will hold')
printf '%s' "Ana Núñez believes ${belief[1]}." >"$out/reviewed/nunez.txt"
{
  printf 'T1\tSPEAKER 0 9\tAna Núñez\nT2\tAttribution 10 18\tbelieves\nT3\tCUE 10 18\tbelieves\n'
  printf 'T4\tQUOTE 19 38\t%s\n' "${belief[1]}"
  printf 'E1\tAttribution:T2 Content:T4 Cue:T3 Source:T1\nA1\tClass E1 %s\n' "${belief[0]}"
} >"$out/reviewed/nunez.ann"
"$byline" convert "$out/reviewed" --to byline -o "$out/reviewed.jsonl" 2>>"$out/suggest.log"
grep -q '"group":1' "$out/reviewed.jsonl" ||
  { echo "interop: brat's Segment relation was not read as a group" >&2; exit 1; }
grep -q "\"class\":\"${belief[0]}\"" "$out/reviewed.jsonl" ||
  { echo "interop: brat's Class attribute was not read as the quote's class" >&2; exit 1; }
cat "$out/reviewed.jsonl" >>"$out/suggested.jsonl"
convert() {
  "$byline" convert "$out/suggested.jsonl" "$@" 2>>"$out/convert.log"
}
convert --to byline -o "$out/samples.byline.jsonl"
convert --to prodigy --with-suggestions -o "$out/samples.prodigy.jsonl"
convert --to doccano -o "$out/samples.doccano.jsonl"
convert --to doccano-rel -o "$out/samples.doccano-rel.jsonl"
convert --to conll -o "$out/samples.conll"
convert --to conll-doccano -o "$out/samples.conll-doccano.conll"
convert --to hf -o "$out/hf"
convert --to brat -o "$out/brat"
convert --to labelstudio --with-suggestions -o "$out/labelstudio"
echo "interop: samples exported ($(wc -l <"$out/samples.byline.jsonl") documents)"

python=$(venv spacy-datasets)
"$python" .ci/interop/spacy_check.py "$out"
"$python" .ci/interop/hf_check.py "$out/hf"

python=$(venv doccano)
"$python" .ci/interop/doccano_check.py "$out" "${belief[@]}" 2> >(grep -v '^\[' >&2)

python=$(venv labelstudio)
"$python" .ci/interop/labelstudio_check.py "$out/labelstudio" "${belief[@]}" 2>"$out/labelstudio.log" ||
  { cat "$out/labelstudio.log" >&2; exit 1; }

# brat's server code opens files in mode "rU", which Python 3.11 removed: it
# runs on a Python up to 3.10 (BYLINE_BRAT_PYTHON, else one found here).
brat_python() {
  local candidate
  for candidate in "${BYLINE_BRAT_PYTHON:-}" python3.10 python3.9 \
    "$HOME"/.pyenv/versions/3.10*/bin/python "$HOME"/.pyenv/versions/3.9*/bin/python; do
    [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(not (3, 6) <= sys.version_info < (3, 11))' 2>/dev/null &&
      { command -v "$candidate"; return; }
  done
  return 1
}
brat_git=${BYLINE_BRAT_GIT:-/work/.mirror/nlplab+brat/repo}
if ! git --git-dir="$brat_git" rev-parse -q --verify HEAD >/dev/null 2>&1; then
  echo "brat: SKIPPED — no snapshot of nlplab/brat at $brat_git (brat is not on PyPI; set BYLINE_BRAT_GIT)"
elif ! python=$(brat_python); then
  echo "brat: SKIPPED — brat needs a Python 3.6 to 3.10 (set BYLINE_BRAT_PYTHON)"
else
  mkdir "$out/brat-src"
  git --git-dir="$brat_git" archive HEAD server/src server/lib config_template.py 2>"$out/brat-archive.log" |
    tar -x -C "$out/brat-src"
  "$python" .ci/interop/brat_check.py "$out/brat-src" "$out/brat" "${belief[@]}"
fi

echo "interop: ok ($((SECONDS - started)) s)"
