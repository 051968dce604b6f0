#!/usr/bin/env bash
# `tend transcripts`: the flagship's transcripts are the same bytes every time, with the same hash.
# Run by ctest as `bash transcripts.sh /path/to/tend` from the repository root.
set -u
tend=${1:?usage: transcripts.sh /path/to/tend}
exercise=exercises/self-compassion-impossible.json
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

out1=$("$tend" transcripts "$exercise" "$work/one"); rc1=$?
out2=$("$tend" transcripts "$exercise" "$work/two"); rc2=$?
[ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] || fail "exit codes $rc1 and $rc2, expected 0"

hash1=$(sed -n 's/^content hash: //p' <<< "$out1")
hash2=$(sed -n 's/^content hash: //p' <<< "$out2")
[[ "$hash1" =~ ^[0-9a-f]{64}$ ]] || fail "no content hash printed: $out1"
[ "$hash1" = "$hash2" ] || fail "hashes differ: $hash1 vs $hash2"

diff -r "$work/one" "$work/two" > "$work/diff" || fail "the two runs differ:
$(head -20 "$work/diff")"

count=$(sed -n 's/^\([0-9]*\) paths\{0,1\} written.*/\1/p' <<< "$out1")
files=$(find "$work/one" -name 'path-*.txt' | wc -l)
[ -n "$count" ] && [ "$count" -gt 0 ] || fail "no path count printed: $out1"
[ "$files" = "$count" ] || fail "$files path files for $count paths"
[ -f "$work/one/README.txt" ] || fail "no README.txt"
grep -qF "$hash1" "$work/one/README.txt" || fail "README.txt doesn't give the hash"
grep -qF "$hash1" "$work/one/path-001.txt" || fail "path-001.txt doesn't give the hash"

# The same content, formatted differently, has the same hash.
python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1])), open(sys.argv[2], "w"), indent=4, ensure_ascii=False)' \
    "$exercise" "$work/reformatted.json" 2>/dev/null && {
    out3=$("$tend" transcripts "$work/reformatted.json" "$work/three")
    hash3=$(sed -n 's/^content hash: //p' <<< "$out3")
    [ "$hash3" = "$hash1" ] || fail "a re-indented copy has a different hash: $hash3"
}

if [ $failures -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "transcripts: ok ($count paths, hash $hash1)"
