#!/usr/bin/env bash
# Installs gesta's build and test dependencies from Debian's repositories.
# Idempotent: packages already present are skipped. Runs as root without sudo,
# otherwise through sudo. Never prompts. With --bench, also the benchmark tools.
set -euo pipefail

pkgs=(
  build-essential cmake pkg-config
  libutf8proc-dev      # Unicode: NFC, case folding, categories
  libxml2-dev          # PETRARCH / UniversalPetrarch XML
  libjansson-dev       # JSON (JSONL articles and records)
  zlib1g-dev           # .gz inputs
  libsqlite3-dev       # the --db store
  sqlite3              # tests read the --db store with the sqlite3 shell
  iso-codes            # ISO 3166 lists that the dictionary lints check against
  libgeonames0         # gazetteer (cities, CC BY 4.0)
  python3              # the independent scorers in ../shared/tools (cross-checks only)
)
# `install-deps.sh --bench` also installs what bench/run.sh uses (CI runs no benchmarks,
# and run.sh skips or falls back when one is missing).
if [ "${1:-}" = "--bench" ]; then
  pkgs+=(hyperfine time valgrind)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: installed ${missing[*]}"
