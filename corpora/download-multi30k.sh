#!/usr/bin/env bash
# Fetches Multi30k task 1 (raw, gzip) into corpora/multi30k/ from its public source,
# https://github.com/multi30k/dataset (data/task1/raw), or links a local copy with --link DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target="$here/multi30k"
files=()
for split in train val test_2016_flickr; do
  for lang in de en fr cs; do files+=("$split.$lang.gz"); done
done

if [ "${1:-}" = "--link" ]; then
  source_dir=$(cd "${2:?usage: $0 --link DIR}" && pwd)
  mkdir -p "$target"
  for f in "${files[@]}"; do
    [ -f "$source_dir/$f" ] || { echo "missing $source_dir/$f" >&2; exit 1; }
    ln -sf "$source_dir/$f" "$target/$f"
  done
  echo "linked ${#files[@]} files from $source_dir into $target"
  exit 0
fi

base=https://raw.githubusercontent.com/multi30k/dataset/master/data/task1/raw
mkdir -p "$target"
for f in "${files[@]}"; do
  if [ -s "$target/$f" ]; then continue; fi
  echo "downloading $f"
  if command -v curl >/dev/null; then curl -fsSL "$base/$f" -o "$target/$f.part"
  else wget -q "$base/$f" -O "$target/$f.part"; fi
  mv "$target/$f.part" "$target/$f"
done
echo "Multi30k task 1 is in $target"
