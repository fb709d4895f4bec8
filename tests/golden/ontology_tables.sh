#!/bin/bash
# src/coder/ontology_tables.inc is what tools/gen_ontology.sh makes from the CAMEO
# tables in ../shared/cameo (so the committed table can be regenerated). Skips
# without ../shared.
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=${GESTA_SRC:-$here/../..}
shared=${GESTA_SHARED:-}
[ -n "$shared" ] || shared=${GESTA_SHARED_DEFAULT:-$src/../shared}
[ -r "$shared/cameo/eventcodes.tsv" ] || { echo "SKIP: $shared/cameo not found"; exit 77; }
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
sh "$src/tools/gen_ontology.sh" "$shared" > "$tmp" || { echo "FAIL: gen_ontology.sh failed"; exit 1; }
if ! diff -u "$src/src/coder/ontology_tables.inc" "$tmp" > /dev/null; then
    echo "FAIL: src/coder/ontology_tables.inc differs from tools/gen_ontology.sh output:"
    diff -u "$src/src/coder/ontology_tables.inc" "$tmp" | head -20
    exit 1
fi
echo ok
