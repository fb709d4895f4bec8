#!/bin/bash
# Builds the libFuzzer target with clang (optional; CTest replays fuzz/corpus with any compiler).
#   fuzz/build.sh [OUT]      then: OUT -max_total_time=300 -max_len=65536 fuzz/corpus-work fuzz/corpus
# Only the sources the readers and the given-parse conversion need are compiled in.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build-fuzz/fuzz_reader}
mkdir -p "$(dirname "$out")"
clang -std=c11 -g -O1 -D_POSIX_C_SOURCE=200809L -DFUZZ_LIBFUZZER -DGESTA_ARENA_DEBUG=1 \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$root/include" -I"$root/src" \
    "$root/fuzz/fuzz_reader.c" "$root"/src/io/*.c "$root/src/syntax/given.c" "$root"/src/syntax/penn*.c \
    "$root/src/core/doc.c" "$root/src/core/error.c" "$root"/src/text/*.c "$root"/src/util/*.c \
    $(pkg-config --cflags --libs libutf8proc jansson zlib) -lm -o "$out"
echo "built $out"
