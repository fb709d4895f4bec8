#!/bin/bash
# Builds the libFuzzer target with clang (optional; CTest replays fuzz/corpus with any compiler).
#   fuzz/build.sh [OUT]      then: OUT -max_total_time=300 -max_len=65536 WORKDIR fuzz/corpus/reader
# Only the sources the readers and the given-parse conversion need are compiled in.
#   fuzz/build.sh dict|text [OUT]   the dictionary / raw-text targets (default OUT build-fuzz/fuzz_KIND)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
# fuzz/build.sh dict|text [OUT]: the dictionary and raw-text targets (fuzz_dict.c, fuzz_text.c).
# They need the whole library (coder, syntax, document layer), so every source but the CLI goes in.
build_lib_target() {
    local name=$1 out=$2
    clang -std=c11 -g -O1 -D_POSIX_C_SOURCE=200809L -DFUZZ_LIBFUZZER -DGESTA_ARENA_DEBUG=1 \
        -DGESTA_DATA_DIR="\"$root/data\"" \
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -I"$root/include" -I"$root/src" "$root/fuzz/fuzz_$name.c" \
        "$root"/src/util/*.c "$root"/src/core/*.c "$root"/src/text/*.c "$root"/src/io/*.c "$root"/src/syntax/*.c \
        "$root"/src/coder/*.c "$root"/src/doc/*.c "$root"/src/out/*.c "$root"/src/eval/*.c "$root"/src/corpus/*.c \
        $(pkg-config --cflags --libs libutf8proc libxml-2.0 jansson zlib sqlite3) -lpthread -lm -o "$out"
    echo "built $out"
}
case ${1:-} in
    dict|text)
        out=${2:-$root/build-fuzz/fuzz_$1}
        mkdir -p "$(dirname "$out")"
        build_lib_target "$1" "$out"
        exit 0 ;;
esac
out=${1:-$root/build-fuzz/fuzz_reader}
mkdir -p "$(dirname "$out")"
clang -std=c11 -g -O1 -D_POSIX_C_SOURCE=200809L -DFUZZ_LIBFUZZER -DGESTA_ARENA_DEBUG=1 \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$root/include" -I"$root/src" \
    "$root/fuzz/fuzz_reader.c" "$root"/src/io/*.c "$root/src/syntax/given.c" "$root"/src/syntax/penn*.c \
    "$root/src/core/doc.c" "$root/src/core/error.c" "$root"/src/text/*.c "$root"/src/util/*.c \
    $(pkg-config --cflags --libs libutf8proc jansson zlib) -lm -o "$out"
echo "built $out"

