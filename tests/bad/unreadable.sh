#!/bin/bash
# Unreadable inputs among good files (a folder, a missing file, chmod 000 when not root):
# each reported, the good files still processed, exit 1.
. "$(dirname "$0")/lib.bash"
echo "Putin met Mitsotakis in Sochi." >"$T/one.txt"
echo "Biden spoke with Putin." >"$T/two.txt"
mkdir "$T/folder"
run d "${PARSE[@]}" "$T/one.txt" "$T/folder" "$T/missing.txt" "$T/two.txt"
expect_rc d 1
expect_err d "$T/folder: cannot (open|read)"
expect_err d "$T/missing.txt: cannot open: No such file"
expect_out d "^# newdoc id = one.txt$"
expect_out d "^# newdoc id = two.txt$"
if [ "$(id -u)" -ne 0 ]; then
    echo "secret" >"$T/locked.txt"
    chmod 000 "$T/locked.txt"
    run l "${PARSE[@]}" "$T/locked.txt" "$T/two.txt"
    expect_rc l 1
    expect_err l "$T/locked.txt: cannot open: Permission denied"
    expect_out l "^# newdoc id = two.txt$"
else
    echo "running as root: chmod 000 does not stop reads, checked the folder and missing cases only"
fi
finish
