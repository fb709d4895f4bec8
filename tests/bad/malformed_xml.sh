#!/bin/bash
# Malformed PETRARCH XML records between good ones: FILE:LINE message, record skipped, the rest written, exit 1.
. "$(dirname "$0")/lib.bash"
f=$T/sents.xml
cat >"$f" <<'X'
<Sentences>
<Sentence date="20211208" id="good-1" source="x" sentence="True">
<Text>Putin met Mitsotakis in Sochi.</Text>
</Sentence>
<Sentence date="20211208" source="x"><Text>A record without an id.</Text></Sentence>
<Sentence date="20211208" id="no-text"></Sentence>
<Sentence date="20211208" id="never-closed"><Text>Broken.</Text>
<Sentence date="2021-31-31" id="bad-date"><Text>Bad date.</Text></Sentence>
<Sentence date="20211208" id="broken-tag <Text>x</Text></Sentence>
<Sentence date="20211209" id="self-closed"/>
<Text>Real users' files self-close the Sentence and then close it again.</Text>
</Sentence>
<Sentence date="20211209" id="good-2"><Text>Biden &amp; Putin spoke.</Text></Sentence>
</Sentences>
X
run p "${PARSE[@]}" "$f"
expect_rc p 1
expect_err p "$f:5: <Sentence> without an id"
expect_err p "$f:6: .*no <Text>"
expect_err p "$f:7: <Sentence> not closed"
expect_err p "$f:8: .*bad date"
expect_err p "$f:9: broken <Sentence> tag"
expect_out p "^# newdoc id = good-1$"
expect_out p "^# newdoc id = self-closed$"
expect_out p "^# newdoc id = good-2$"
expect_out p "^# text = Biden & Putin spoke"
[ "$(grep -c '^# newdoc' "$T/p.out")" -eq 3 ] && ok "three documents" || fail "expected three documents"
finish
