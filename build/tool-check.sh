#!/usr/bin/env bash
# Packs seq2seq as a dotnet tool, installs it into a temporary tool path and runs it from a folder
# outside the repository: --version, then a short demo (corpus generated there, 30 updates, test
# translation and report). Proves that the package alone works, with the libLibTorchSharp patch
# inside (without it, loading libtorch fails on Debian 12). Then packs the library (src/Seq2Seq)
# into the same local feed and builds tests/PackageSample against that package, which translates
# a sentence with the demo's model. Prints both package sizes.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet pack "$repo/src/Seq2Seq.Cli" -c Release -o "$work/feed" --nologo -v quiet
package=$(ls "$work"/feed/Seq2Seq.Cli.*.nupkg)
echo "tool package: $(basename "$package"), $(( $(stat -c %s "$package") / 1024 / 1024 )) MiB"
dotnet tool install Seq2Seq.Cli --tool-path "$work/tools" --add-source "$work/feed" >/dev/null
mkdir "$work/elsewhere"
cd "$work/elsewhere"
"$work/tools/seq2seq" --version
"$work/tools/seq2seq" demo --out project --max-steps 30 > demo.out 2> demo.err || { cat demo.err; exit 1; }
grep -q '^BLEU|' demo.out || { echo "the demo printed no BLEU"; cat demo.out; exit 1; }
test -s project/runs/demo/best.ckpt && test -s project/runs/demo/test.hyp.de && test -s project/corpora/demo/train.en

# The library as a package, consumed by an app from the local feed. A version of its own each time,
# so that NuGet's cache never hands back an older build.
version="1.0.0-check.$(date +%s)"
dotnet pack "$repo/src/Seq2Seq" -c Release -o "$work/feed" -p:PackageVersion="$version" --nologo -v quiet
echo "library package: Seq2Seq.$version.nupkg, $(( $(stat -c %s "$work/feed/Seq2Seq.$version.nupkg") / 1024 )) KiB"
# The listing is read whole first: `unzip | grep -q` fails under pipefail when grep stops reading early.
entries=$(unzip -Z1 "$work/feed/Seq2Seq.$version.nupkg")
grep -qx 'lib/net10.0/Seq2Seq.xml' <<< "$entries" || { echo "the library package has no XML documentation"; exit 1; }
dotnet run --project "$repo/tests/PackageSample" -c Release -p:Seq2SeqVersion="$version" -p:RestoreAdditionalProjectSources="$work/feed" \
    -- project/runs/demo/best.ckpt "The old woman sleeps." > sample.out
grep -q '^log-probability ' sample.out || { echo "the sample app did not translate"; cat sample.out; exit 1; }
echo "library check: tests/PackageSample translated with the packed library: $(head -1 sample.out)"
echo "tool check: installed seq2seq ran the demo outside the repository ($(grep -m1 '^BLEU|' demo.out | cut -c1-60)...)"
