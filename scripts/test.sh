#!/usr/bin/env bash
# Fresh machine → gesta built and the whole test suite run under CTest.
# --sanitize: the same suite in an AddressSanitizer + UndefinedBehaviorSanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh "$@"
dir=build; [ "${1:-}" = "--sanitize" ] && dir=build-asan
export GESTA_SHARED="${GESTA_SHARED:-$(cd .. && pwd)/shared}"
# detect_leaks stays on: the library must free what it allocates.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
