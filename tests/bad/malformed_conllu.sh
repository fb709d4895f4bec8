#!/bin/bash
# CoNLL-U with malformed rows: FILE:LINE message, that sentence skipped, the rest kept, exit 1.
. "$(dirname "$0")/lib.bash"
f=$T/x.conllu
printf '%s\n' "# newdoc id = d1" "# sent_id = a" \
  $'1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_' $'2\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No' $'3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_' "" \
  "# sent_id = b" $'1\tWrong\tcolumns' "" \
  "# sent_id = c" $'1\tBad\t_\t_\t_\t_\t7\tdep\t_\t_' "" \
  "# sent_id = d" $'1\tGaps\t_\t_\t_\t_\t0\troot\t_\t_' $'3\there\t_\t_\t_\t_\t1\tdep\t_\t_' "" \
  "# newdoc id = d2" $'1\tBiden\tBiden\tPROPN\tNNP\t_\t0\troot\t_\t_' "" >"$f"
run p "${PARSE[@]}" "$f"
expect_rc p 1
expect_err p "$f:8: expected 10 tab-separated columns"
expect_err p "$f:11: bad HEAD"
expect_err p "$f:15: word id \"3\" out of sequence"
expect_out p "^# newdoc id = d1$"
expect_out p "^# newdoc id = d2$"
expect_out p "^1	Putin	"
expect_no_out p "Wrong|Gaps"
finish
