#!/usr/bin/env bash
# The text layer against UD: `gesta eval --raw` rebuilds the raw text of EWT dev
# and PUD from the gold files, segments it, and scores tokens and sentences.
# Floors: EWT dev token F1 >= 99.0 (sentences >= 84), PUD tokens >= 99.5 and
# sentences >= 98. With python3, the independent scorer must give the same
# figures for the written system file, and all of tokens, words, sentences,
# UPOS, XPOS, UAS and LAS for a perturbed copy of EWT dev. Skips without ../shared.
set -u
gesta="$1"
shared="${GESTA_SHARED:-}"
[ -n "$shared" ] || shared="${GESTA_SHARED_DEFAULT:-../shared}"
if [ ! -f "$shared/ud/en_ewt-ud-dev.conllu" ]; then echo "SKIP: ../shared/ud not found (set GESTA_SHARED)"; exit 77; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data"   # no model: only the text layer runs, in well under a second
fail=0
f1() { sed -n "s/.*\"$1\": {\"precision\": [0-9.]*, \"recall\": [0-9.]*, \"f1\": \([0-9.]*\).*/\1/p" "$2"; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a + 0 >= b + 0)}'; }
check() { # name file tokmin sentmin
    local tok sent
    tok=$(f1 tokens "$2"); sent=$(f1 sentences "$2")
    echo "$1: tokens F1 $tok, sentences F1 $sent"
    ge "$tok" "$3" || { echo "FAIL: $1 token F1 $tok < $3"; fail=1; }
    ge "$sent" "$4" || { echo "FAIL: $1 sentence F1 $sent < $4"; fail=1; }
}
for set in ewt-ud-dev pud-ud-test; do
    gold="$shared/ud/en_$set.conllu"
    "$gesta" eval --raw --json --data "$tmp/data" --write-system "$tmp/$set.sys.conllu" "$gold" \
        > "$tmp/$set.json" 2> "$tmp/$set.err"
    rc=$?
    if [ $rc -ne 0 ]; then echo "FAIL: gesta eval --raw $set exited $rc: $(head -c 400 "$tmp/$set.err")"; fail=1; continue; fi
    case $set in
        ewt-ud-dev) check "EWT dev" "$tmp/$set.json" 99.0 84.0 ;;
        pud-ud-test) check "PUD" "$tmp/$set.json" 99.5 98.0 ;;
    esac
    # the same figures from the two-file mode and from the independent scorer
    "$gesta" eval --json "$gold" "$tmp/$set.sys.conllu" > "$tmp/$set.files.json" 2>/dev/null
    [ "$(f1 tokens "$tmp/$set.json")" = "$(f1 tokens "$tmp/$set.files.json")" ] ||
        { echo "FAIL: $set: --raw and the written system file score differently"; fail=1; }
    if command -v python3 >/dev/null && [ -f "$shared/tools/score_conllu.py" ]; then
        python3 "$shared/tools/score_conllu.py" "$gold" "$tmp/$set.sys.conllu" > "$tmp/$set.py" 2>&1
        pt=$(sed -n 's/^Tokens F1 //p' "$tmp/$set.py"); ps=$(sed -n 's/^Sentences F1 //p' "$tmp/$set.py")
        pw=$(sed -n 's/^Words F1 //p' "$tmp/$set.py")
        if [ "$pt" = "$(f1 tokens "$tmp/$set.json")" ] && [ "$ps" = "$(f1 sentences "$tmp/$set.json")" ] &&
           [ "$pw" = "$(f1 words "$tmp/$set.json")" ]; then
            echo "$set: score_conllu.py agrees (tokens $pt, words $pw, sentences $ps)"
        else
            echo "FAIL: $set: score_conllu.py gives tokens $pt words $pw sentences $ps"; fail=1
        fi
    fi
done
# All eight figures against the independent scorer on a perturbed copy of EWT dev: some UPOS,
# XPOS, heads and relations changed, some multiword-token lines dropped, some sentences joined.
if command -v python3 >/dev/null && [ -f "$shared/tools/score_conllu.py" ]; then
    gold="$shared/ud/en_ewt-ud-dev.conllu"
    awk -F'\t' 'BEGIN {OFS="\t"}
        /^$/ {ns++; if (ns % 40 == 0) next; print; next}
        /^#/ {print; next}
        $1 ~ /-/ {nm++; if (nm % 3 == 0) next; print; next}
        {nw++; if (nw % 7 == 0) $4 = "X"; if (nw % 9 == 0) $5 = "NN"; if (nw % 11 == 0) $7 = 0;
         if (nw % 13 == 0) $8 = "dep"; if (nw % 17 == 0) $3 = "_"; print}' "$gold" > "$tmp/perturbed.conllu"
    "$gesta" eval "$gold" "$tmp/perturbed.conllu" > "$tmp/p.table" 2>/dev/null
    python3 "$shared/tools/score_conllu.py" "$gold" "$tmp/perturbed.conllu" > "$tmp/p.py" 2>&1
    for m in Tokens:Tokens Words:Words Sentences:Sentences UPOS:UPOS XPOS:XPOS UAS:UAS LAS:LAS; do
        ours=$(awk -F'|' -v k="${m%%:*}" '$1 ~ "^"k" " {gsub(/ /, "", $4); print $4}' "$tmp/p.table")
        theirs=$(sed -n "s/^${m#*:}\( F1\)\? //p" "$tmp/p.py")
        if [ -n "$ours" ] && [ "$ours" = "$theirs" ]; then echo "perturbed: ${m%%:*} $ours agrees"
        else echo "FAIL: perturbed: ${m%%:*} gesta '$ours' vs score_conllu.py '$theirs'"; fail=1; fi
    done
fi
exit $fail
