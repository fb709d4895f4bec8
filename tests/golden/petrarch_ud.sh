#!/bin/bash
# UniversalPetrarch's validation suite (275 records, PETRARCH-2 dictionaries, CoNLL-U
# parses) coded with --use-parse; same rules as petrarch_unittest.sh.
set -u
suite=petrarch_ud
file=universal-petrarch/PETR_Validate_records_2_02.xml
floor=${FLOOR:-84.0}
exec bash "$(dirname "$0")/petrarch_common.inc" "$1" "$suite" "$file" "$floor"
