#!/usr/bin/env bash
# `tend play`: a whole playthrough of tests/data/valid/branching.json scripted on stdin.
# Run by ctest as `bash play.sh /path/to/tend` from the repository root.
set -u
tend=${1:?usage: play.sh /path/to/tend}
exercise=tests/data/valid/branching.json
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect() {  # name output text
    grep -qF -- "$3" <<< "$2" || fail "$1: expected to see: $3"
}
expect_not() {
    ! grep -qF -- "$3" <<< "$2" || fail "$1: expected not to see: $3"
}

# A protector pushed back; it felt lighter afterwards (4 → 2), so the close comes straight after.
# Questions, in order: intensity_before, situation, kind_phrase, which_part, intensity_after.
output=$(printf '%s\n' 4 "I snapped at my sister" "It's okay, you were tired" 2 2 | "$tend" play "$exercise"); rc=$?
[ $rc -eq 0 ] || fail "protector playthrough: exit $rc"
expect "protector" "$output" "[finished]"
expect "protector" "$output" "The hard moment: I snapped at my sister"
expect "protector" "$output" "The kind words you offered: It's okay, you were tired"
expect "protector" "$output" "What pushed back: a protector"
expect "protector" "$output" "You noticed a protector pushing back."
expect "protector" "$output" "Thank you for staying with “I snapped at my sister” for a little while."
expect_not "protector" "$output" "If it feels heavier now"
expect_not "protector" "$output" "[that didn't fit this step"

# The critic, a skipped kind phrase, and a rise (3 → 6): the gentle note before the close.
output=$(printf '%s\n' 3 "A hard meeting" :skip 1 "That I'd stop trying" 6 | "$tend" play "$exercise"); rc=$?
[ $rc -eq 0 ] || fail "critic playthrough: exit $rc"
expect "critic" "$output" "[finished]"
expect "critic" "$output" "What might a critic be afraid would happen"
expect "critic" "$output" "What the critic fears: That I'd stop trying"
expect "critic" "$output" "If it feels heavier now, that is okay."
expect_not "critic" "$output" "See if you can offer yourself those same words"
expect_not "critic" "$output" "The kind words you offered:"

# A required question refuses :skip and asks again; a pause, then "stop for today", ends kindly.
output=$(printf '%s\n' 5 :skip "Too much at once" :pause 2 | "$tend" play "$exercise"); rc=$?
[ $rc -eq 0 ] || fail "pause playthrough: exit $rc"
expect "pause" "$output" "[that didn't fit this step; try again]"
expect "pause" "$output" "(taking a pause)"
expect "pause" "$output" "Stopping is a kind choice too."
expect "pause" "$output" "[finished]"

# Input that runs out before the end stops without pretending to finish.
output=$(printf '%s\n' 5 | "$tend" play "$exercise"); rc=$?
[ $rc -ne 0 ] || fail "short input: exit 0, expected non-zero"
expect_not "short input" "$output" "[finished]"

if [ $failures -gt 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "play: ok"
