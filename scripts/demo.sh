#!/usr/bin/env bash
# Fresh machine → gesta built and run on the bundled example article.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
./build/gesta code --format table --date 2021-12-08 examples/putin-sochi-press-conference.txt
