#!/usr/bin/env bash
# Runs the reference benchmark side by side: PyTorch (shared/bench/reference_seq2seq.py, Debian's
# python3-torch) and this toolkit's `bench` verb, alternately, for the same modes and thread counts,
# then prints the ratio of the rates (ours / PyTorch's) per figure. Each run with N threads is
# pinned to the first N cores (taskset) and its BLAS and OpenMP pools are limited to N threads:
# Debian's OpenBLAS otherwise starts its own thread per core whatever torch.set_num_threads says.
#   bench/compare.sh [--threads "1 2"] [--modes "train greedy beam"] [--steps 10] [--warmup 2]
# Needs: apt-get install -y python3-torch libopenblas0-pthread (for /usr/bin/python3).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
threads="1 2"; modes="train greedy beam"; steps=10; warmup=2
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
reference="$here/../shared/bench/reference_seq2seq.py"
[ -f "$reference" ] || { echo "missing $reference (the shared folder beside the repository)" >&2; exit 1; }
/usr/bin/python3 -c "import torch" 2>/dev/null || { echo "PyTorch missing: apt-get install -y python3-torch libopenblas0-pthread" >&2; exit 1; }

dotnet build "$here/src/Seq2Seq.Cli" -c Release -v quiet -nologo >/dev/null
cli="$here/src/Seq2Seq.Cli/bin/Release/net10.0/Seq2Seq.Cli.dll"
results=$(mktemp)
pin() { local n=$1; shift; OPENBLAS_NUM_THREADS=$n OMP_NUM_THREADS=$n MKL_NUM_THREADS=$n taskset -c "0-$((n - 1))" "$@"; }
for mode in $modes; do
  for n in $threads; do
    py=$(pin "$n" /usr/bin/python3 "$reference" --mode "$mode" --threads "$n" --steps "$steps" --warmup "$warmup")
    ours=$(pin "$n" dotnet "$cli" bench --mode "$mode" --threads "$n" --steps "$steps" --warmup "$warmup")
    echo "$py"; echo "$ours"
    printf '%s\n%s\n' "$py" "$ours" >> "$results"
  done
done
echo
echo "ratios (ours / pytorch, rates):"
/usr/bin/python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = {}
for r in rows:
    key = (r["mode"], r["threads"])
    rate = r.get("target_tokens_per_s") or r.get("sentences_per_s")
    by.setdefault(key, {})["pytorch" if r["impl"] == "pytorch" else "ours"] = (rate, r["median_ms"])
for (mode, threads), v in sorted(by.items()):
    if "pytorch" in v and "ours" in v:
        unit = "target tok/s" if mode == "train" else "sent/s"
        print(f"{mode:6} threads={threads}: pytorch {v['pytorch'][0]:>8} {unit}, ours {v['ours'][0]:>8} {unit}, ratio {v['ours'][0] / v['pytorch'][0]:.2f}x")
PY
rm -f "$results"
