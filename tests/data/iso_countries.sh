#!/usr/bin/env bash
# Checks gesta's country dictionary against Debian's iso-codes data, read at
# test time (package iso-codes, installed by scripts/install-deps.sh; nothing
# of it is copied into the repository):
#   1. every ISO 3166-1 alpha-3 code has a record in part 1 of
#      data/dict/gesta.countries.actors.txt ("# == CODE" header followed by
#      "PRIMARY [CODE]"), and every header is an ISO code or a documented
#      exception (XKX, Kosovo);
#   2. the country piece of every code in gesta.countries.actors.txt and
#      gesta.international.actors.txt is an ISO 3166-1 code, a former state
#      of ISO 3166-3, XKX, a world region, or one of the non-state first
#      pieces;
#   3. no role, region or organisation piece of the lint's lists
#      (tests/unit/test_dict_actors_lint.c) is also an ISO 3166-1 code, so a
#      code such as IGOWSTNAT can never be read as naming a country.
# $1 (the gesta binary) is not needed.
set -u

iso_dir=${ISO_CODES_DIR:-/usr/share/iso-codes/json}
iso1=$iso_dir/iso_3166-1.json
iso3=$iso_dir/iso_3166-3.json
if [ ! -r "$iso1" ]; then
  echo "SKIP: $iso1 not found (install package iso-codes: scripts/install-deps.sh)"
  exit 77
fi
src=${GESTA_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
data=${GESTA_DATA:-$src/data}
dict=$data/dict/gesta.countries.actors.txt
intl=$data/dict/gesta.international.actors.txt
lint=$src/tests/unit/test_dict_actors_lint.c
for f in "$dict" "$intl" "$lint"; do
  [ -r "$f" ] || { echo "FAIL: cannot read $f"; echo "0 passed, 1 failed"; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

grep -o '"alpha_3": *"[A-Z]\{3\}"' "$iso1" | grep -o '[A-Z]\{3\}' | sort -u >"$tmp/iso1"
n_iso=$(wc -l <"$tmp/iso1")
if [ "$n_iso" -ge 249 ]; then ok; else bad "only $n_iso alpha-3 codes read from $iso1"; fi
if [ -r "$iso3" ]; then
  grep -o '"alpha_3": *"[A-Z]\{3\}"' "$iso3" | grep -o '[A-Z]\{3\}' | sort -u >"$tmp/iso3"
else
  : >"$tmp/iso3"
fi

# 1. part-1 records: header code, and the code on the next non-comment line
awk '
  /^# == [A-Z][A-Z][A-Z] / { code = substr($0, 6, 3); want = 1; next }
  want && /^[^#+\t ]/ {
    if (index($0, "[" code "]") == 0) print "BAD " code " " NR
    else print "OK " code
    want = 0
  }' "$dict" >"$tmp/records"
grep '^BAD ' "$tmp/records" | while read -r _ code line; do
  echo "FAIL: $dict:$line: the record after '# == $code' does not carry [$code]"
done
n_badrec=$(grep -c '^BAD ' "$tmp/records")
if [ "$n_badrec" -eq 0 ]; then ok; else fail=$((fail + n_badrec)); fi
awk '$1 == "OK" { print $2 }' "$tmp/records" | sort >"$tmp/headers"
dups=$(uniq -d "$tmp/headers")
if [ -z "$dups" ]; then ok; else bad "countries listed twice: $dups"; fi

missing=$(comm -23 "$tmp/iso1" <(sort -u "$tmp/headers"))
if [ -z "$missing" ]; then ok; else bad "ISO 3166-1 codes without a country record: $(echo $missing)"; fi
extra=$(comm -13 "$tmp/iso1" <(sort -u "$tmp/headers") | grep -v '^XKX$')
if [ -z "$extra" ]; then ok; else bad "country records whose code is not ISO 3166-1: $(echo $extra)"; fi

# 2. country piece of every code in the two files
{ cat "$tmp/iso1" "$tmp/iso3"; printf '%s\n' XKX WST IGO NGO IMG MNC LAM SAM NMR CRB EUR EEU BLK CAU AFR WAF EAF CFR NAF SAF MEA PGS ASA CAS SAS SEA; } | sort -u >"$tmp/first"
for f in "$dict" "$intl"; do
  sed 's/#.*//' "$f" | grep -o '\[[A-Z0-9]*[] ]' | grep -o '[A-Z0-9]\{3,\}' | cut -c1-3 | sort -u >"$tmp/used"
  unknown=$(comm -23 "$tmp/used" "$tmp/first")
  if [ -z "$unknown" ]; then ok; else bad "$(basename "$f"): codes start with unknown pieces: $(echo $unknown)"; fi
done

# 3. pieces of the lint's lists that would read as a country
sed -n '/^static const char \*const \(ROLES\|REGIONS\|ORGS\)\[\]/,/};/p' "$lint" |
  grep -o '"[A-Z]\{3\}"' | tr -d '"' | sort -u >"$tmp/pieces"
n_pieces=$(wc -l <"$tmp/pieces")
if [ "$n_pieces" -ge 50 ]; then ok; else bad "read only $n_pieces pieces from $lint"; fi
clash=$(comm -12 "$tmp/pieces" "$tmp/iso1")
if [ -z "$clash" ]; then ok; else bad "pieces that are also ISO 3166-1 codes: $(echo $clash)"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
