#!/bin/bash
# PETRARCH's unit-test suite (284 records, PETRARCH-1/TABARI dictionaries, Penn parses)
# coded with --use-parse: the exact-record rate must stay at or above the floor, and
# every record outside the known misses (tests/golden/petrarch_unittest/known_misses.txt)
# must be coded exactly; any other failing record is listed as a regression.
set -u
suite=petrarch_unittest
file=petrarch/validate/PETR.UnitTest.records.xml
floor=${FLOOR:-89.5}
exec bash "$(dirname "$0")/petrarch_common.inc" "$1" "$suite" "$file" "$floor"
