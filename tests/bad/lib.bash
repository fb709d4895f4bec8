# Shared helpers for tests/bad/*.sh (sourced; not a test itself).
# Each test gets the gesta binary as $1 and works in a fresh temporary folder.
set -u
GESTA=${1:?usage: $0 path/to/gesta}
T=$(mktemp -d "${TMPDIR:-/tmp}/gesta-bad.XXXXXX")
trap 'rm -rf "$T"' EXIT
FAILS=0
# The readers are under test here, not the model: parse with an empty data folder
# (text is then segmented, not tagged), so a model being retrained cannot break these tests.
mkdir -p "$T/nodata"
PARSE=(env "GESTA_DATA=$T/nodata" "$GESTA" parse)

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
ok() { echo "ok: $*"; }

# run NAME CMD... : runs CMD with a time limit, stdout → $T/NAME.out, stderr → $T/NAME.err, status → $RC
run() {
    local name=$1; shift
    timeout 120 "$@" >"$T/$name.out" 2>"$T/$name.err"
    RC=$?
    if [ "$RC" -ge 124 ]; then fail "$name: status $RC (timeout or crash)"; sed -n 1,5p "$T/$name.err" >&2; fi
}

expect_rc() { # NAME WANT
    if [ "$RC" -eq "$2" ]; then ok "$1: exit $RC"; else fail "$1: exit $RC, expected $2"; sed -n 1,5p "$T/$1.err" >&2; fi
}
expect_err() { # NAME REGEX : stderr must match
    if grep -Eq -- "$2" "$T/$1.err"; then ok "$1: stderr has /$2/"; else fail "$1: stderr lacks /$2/"; sed -n 1,5p "$T/$1.err" >&2; fi
}
expect_out() { # NAME REGEX : stdout must match
    if grep -Eq -- "$2" "$T/$1.out"; then ok "$1: output has /$2/"; else fail "$1: output lacks /$2/"; fi
}
expect_no_out() { # NAME REGEX
    if grep -Eq -- "$2" "$T/$1.out"; then fail "$1: output has /$2/"; else ok "$1: output has no /$2/"; fi
}
finish() {
    if [ "$FAILS" -gt 0 ]; then echo "$FAILS check(s) failed" >&2; exit 1; fi
    echo "all checks passed"
    exit 0
}
