#!/usr/bin/env bash
# `tend lint`: one line per problem, "file: /json/path: message" ("file: message" for the
# whole document), exit 1 when there is any; the shipped exercises lint clean.
# Run by ctest as `bash lint.sh /path/to/tend` from the repository root.
set -u
tend=${1:?usage: lint.sh /path/to/tend}
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Every line names the file, then a JSON path (or nothing, for the whole document), then a message.
check_lines() {  # file output
    local file=$1 output=$2 line
    [ -n "$output" ] || { fail "$file: printed no problems"; return; }
    while IFS= read -r line; do
        case "$line" in
            "$file: /"*)
                [[ "${line#"$file: "}" =~ ^/[^[:space:]:]*:\ .+ ]] || fail "$file: not '/path: message': $line" ;;
            "$file: "?*) ;;
            *) fail "$file: line doesn't start with the file name: $line" ;;
        esac
    done <<< "$output"
}

shopt -s nullglob
invalid=(tests/data/invalid/*.json)
[ ${#invalid[@]} -gt 0 ] || fail "no fixtures in tests/data/invalid"
for f in "${invalid[@]}"; do
    output=$("$tend" lint "$f"); rc=$?
    [ $rc -eq 1 ] || fail "$f: exit $rc, expected 1"
    check_lines "$f" "$output"
done

# A key given twice: one problem at its JSON path, not the last one silently winning.
f=tests/data/invalid/duplicate-keys.json
output=$("$tend" lint "$f")
grep -qF "$f: /steps/0/id: the key \"id\" is given twice in this object (at line 15, column 7 and line 15, column 41)" <<< "$output" \
    || fail "$f: the key given twice isn't named at /steps/0/id: $output"

# Several files at once: every file's problems, each line under its own name.
output=$("$tend" lint "${invalid[@]:0:2}"); rc=$?
[ $rc -eq 1 ] || fail "two invalid files: exit $rc, expected 1"
for f in "${invalid[@]:0:2}"; do grep -q "^$f: " <<< "$output" || fail "two invalid files: nothing printed for $f"; done

# The care checks run too: each care fixture but passing.json fails them.
for f in tests/data/care/*.json; do
    output=$("$tend" lint "$f"); rc=$?
    if [ "$(basename "$f")" = passing.json ]; then
        [ $rc -eq 0 ] || fail "$f: exit $rc, expected 0: $output"
    else
        [ $rc -eq 1 ] || fail "$f: exit $rc, expected 1"
        check_lines "$f" "$output"
    fi
done

# The shipped exercises: no problems at all.
shipped=()
for f in exercises/*.json; do [ "$(basename "$f")" = schema.json ] || shipped+=("$f"); done
[ ${#shipped[@]} -gt 0 ] || fail "no exercises in exercises/"
output=$("$tend" lint "${shipped[@]}"); rc=$?
[ $rc -eq 0 ] || fail "shipped exercises: exit $rc, expected 0:
$output"
grep -q "no problems" <<< "$output" || fail "shipped exercises: no 'no problems' line: $output"

# The folder as an author lints it: exercises/*.json holds the JSON Schema too, which is
# named and skipped, not linted as an exercise that has every field wrong.
output=$("$tend" lint exercises/*.json); rc=$?
[ $rc -eq 0 ] || fail "exercises/*.json: exit $rc, expected 0:
$output"
grep -qF "exercises/schema.json: the JSON Schema editors check exercises with, not an exercise: skipped" <<< "$output" \
    || fail "exercises/*.json: schema.json not named as skipped: $output"
grep -qF "${#shipped[@]} exercises, no problems" <<< "$output" || fail "exercises/*.json: not '${#shipped[@]} exercises, no problems': $output"

if [ $failures -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "lint: ok (${#invalid[@]} invalid fixtures, ${#shipped[@]} shipped exercises)"
