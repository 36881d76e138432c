package fedwire

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problemText is a problem as a test expects it: its line, whether it is
// a warning, and words its message holds.
type problemText struct {
	line    int
	warning bool
	words   string
}

func (p problemText) String() string {
	kind := "error"
	if p.warning {
		kind = "warning"
	}
	return fmt.Sprintf("%s at line %d with %q", kind, p.line, p.words)
}

// assertProblems checks res's problems, in order, against want.
func assertProblems(t *testing.T, res readResult, want []problemText) {
	t.Helper()
	got := messages(res.problems)
	require.Len(t, res.problems, len(want), "problems: %q", got)
	for i, w := range want {
		p := res.problems[i]
		assert.Equal(t, w.line, p.Source.Line, "%v: %s", w, p.Error())
		assert.Equal(t, w.warning, p.Warning, "%v: %s", w, p.Error())
		assert.Contains(t, p.Message, w.words, "%v", w)
	}
}

// TestBadFixtures reads fixtures/wires/fedwire/bad: each problem named,
// and reading goes on (the events are checked against the README by
// TestFixturesAgainstREADME).
func TestBadFixtures(t *testing.T) {
	tests := []struct {
		file   string
		events int
		want   []problemText
	}{
		{"bad/bad-amount.txt", 1, []problemText{
			{4, false, `message 1: tag {2000} amount: "0000012345A7" is not a number of cents`},
		}},
		{"bad/unknown-tag.txt", 2, []problemText{
			{21, false, `message 2: unknown tag {9999} (not a FAIM tag): ignored with its text "SPECIAL HANDLING*"`},
		}},
		{"bad/truncated.txt", 2, []problemText{
			{18, false, `message 2: the file ends inside a tag ("{36"): it may be truncated`},
			{11, false, "message 2 lacks mandatory tags: {3600} business function code (the file may be truncated)"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := readFixture(t, tt.file)
			assertProblems(t, res, tt.want)
			assert.Len(t, res.events, tt.events)
		})
	}
}

// A sound message, one tag per line, to break in the tests below.
const goodMessage = `{1500}30LKTB0910P 
{1510}1000
{1520}20250620LKTBQR01000910
{2000}000000123456
{3100}074012503LAKESHORE TRUST*
{3320}WIR-2506200910*
{3400}021040078FIRST CITY BANK*
{3600}CTR*
{4200}D4410098765*KEVIN BROOKS*
{5000}D4470012345*NORTHWIND INVESTMENTS*
`

// withTag returns goodMessage with tag (like "{2000}") holding text; an
// empty text removes the tag.
func withTag(tag, text string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(goodMessage, "\n") {
		if strings.HasPrefix(line, tag) {
			if text != "" {
				b.WriteString(tag + text + "\n")
			}
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// TestBadInput reads broken inputs: each gives the problems named, and as
// many events as the messages that can be read.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		events int
		want   []problemText
	}{
		{"empty", "", 0, []problemText{{0, false, "empty file: no Fedwire messages"}}},
		{"blank", "\ufeff \r\n\n", 0, []problemText{{0, false, "empty file"}}},
		{"not FAIM", "id,amount\n1,2\n", 0, []problemText{{1, false, `not a Fedwire FAIM file: no {NNNN} tags (a FAIM message starts with {1500} or {1100}); found "id,amount1,2"`}}},
		{"binary", "\x1f\x8b\x08\x00\x00\x00", 0, []problemText{{1, false, "not a Fedwire FAIM file"}}},
		{"text before the first tag", "FEDWIRE EXPORT 2025-06-20\n" + goodMessage, 1, []problemText{{1, false, `text before the first tag ignored: "FEDWIRE EXPORT 2025-06-20"`}}},
		{"bad IMAD", withTag("{1520}", "20250620LKTB-R01000910"), 1, []problemText{
			{3, false, `message 1: tag {1520}: IMAD "20250620LKTB-R01000910": input source "LKTB-R01" is not 8 letters or digits; the message has no IMAD`},
		}},
		{"short IMAD", withTag("{1520}", "2025062"), 1, []problemText{
			{3, false, `message 1: tag {1520}: IMAD "2025062": want 22 characters`},
		}},
		{"no IMAD", withTag("{1520}", ""), 1, []problemText{{1, false, "message 1 lacks mandatory tags: {1520} IMAD"}}},
		{"no amount", withTag("{2000}", ""), 0, []problemText{
			{1, false, "message 1 lacks mandatory tags: {2000} amount"},
			{1, false, "message 1: no event: without its amount {2000} the message cannot be read"},
		}},
		{"amount with a point", withTag("{2000}", "1234.56"), 0, []problemText{{4, false, `"1234.56" is not a number of cents`}}},
		{"amount too long", withTag("{2000}", "0000001234567"), 0, []problemText{{4, false, `"0000001234567" has 13 digits`}}},
		{"short amount", withTag("{2000}", "123456"), 1, []problemText{
			{4, true, `tag {2000} amount "123456" has 6 digits instead of 12; read as cents`},
		}},
		{"no type", withTag("{1510}", ""), 0, []problemText{
			{1, false, "lacks mandatory tags: {1510} type/subtype"},
			{1, false, "message 1: no event: without its type/subtype {1510} the message cannot be read"},
		}},
		{"unknown type", withTag("{1510}", "1700"), 1, []problemText{{2, true, `type "17" is not one FAIM defines`}}},
		{"bad type", withTag("{1510}", "1O00"), 0, []problemText{{2, false, `type/subtype "1O00" is not four digits (like 1000): no event`}}},
		{"unknown subtype", withTag("{1510}", "1099"), 1, []problemText{
			{2, true, `subtype "99" is not one FAIM defines; read as a transfer`},
		}},
		{"repeated tag", goodMessage + "{3320}ANOTHER REF*\n", 1, []problemText{{11, false, "message 1: tag {3320} (sender reference) appears a second time: the second was ignored"}}},
		{"reversal without {3500}", withTag("{1510}", "1008"), 1, []problemText{
			{1, true, `moov-io/wire's validation of the message says "{3500} previous message identifier is a required field"`},
			{1, false, "a reversal (subtype 08) without tag {3500}"},
		}},
		{"reversal of no IMAD", withTag("{1510}", "1002") + "{3500}SEE OUR LETTER        \n", 1, []problemText{
			{11, true, `tag {3500} "SEE OUR LETTER" is not an IMAD`},
		}},
		{"unknown disposition", "{1100}30P Q\n" + goodMessage, 1, []problemText{
			{1, true, `message status "Q" is not one FAIM defines`},
		}},
		{"bad OMAD", "{1100}30P N\n{1120}20250620LKTBFT01000023062X1105FT01\n" + goodMessage, 1, []problemText{
			{2, true, "OMAD"},
		}},
		{"bad receipt time", "{1100}30P N\n{1110}06311104FT01\n" + goodMessage, 1, []problemText{
			{2, true, `tag {1110} receipt time: output date and time "06311104" are not a valid MMDDHHMM`},
		}},
		{"text after the last element", withTag("{3320}", "WIR-2506200910*EXTRA*"), 1, []problemText{
			{6, true, `tag {3320} (sender reference): moov-io/wire cannot read it`},
			{6, true, `text after its last element ignored: "EXTRA"`},
		}},
		{"over-long name", withTag("{4200}", "D4410098765*KEVIN ALEXANDER BROOKS-WORTHINGTON THE THIRD*"), 1, []problemText{
			{9, true, "tag {4200} (beneficiary): an element is longer than FAIM allows; kept whole"},
		}},
		{"over-long tag", goodMessage + "{6000}" + strings.Repeat("A", maxTagText+10) + "\n", 1, []problemText{
			{11, false, "tag {6000} (originator to beneficiary information) is over 16384 characters long: the last 10 were skipped"},
			{11, true, `text after its last element ignored`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readText(t, tt.in, "bad.txt")
			assertProblems(t, res, tt.want)
			assert.Len(t, res.events, tt.events)
		})
	}
}

// TestTooManyTags: a message of more tags than FAIM has is read up to
// maxTags, the rest reported.
func TestTooManyTags(t *testing.T) {
	in := goodMessage + strings.Repeat("{9999}X\n", maxTags)
	res := readText(t, in, "many.txt")
	require.Len(t, res.events, 1)
	last := res.problems[len(res.problems)-1]
	assert.Contains(t, last.Message, fmt.Sprintf("message 1 has more than %d tags; the 10 from line %d on were ignored", maxTags, maxTags+1))
}

// TestOneLineFile: messages all on one line are told apart by their
// number, and every event and problem is on line 1.
func TestOneLineFile(t *testing.T) {
	one := strings.ReplaceAll(goodMessage, "\n", "")
	in := one + strings.Replace(one, "{2000}000000123456", "{2000}00000012345X", 1) + strings.Replace(one, "LKTBQR01000910", "LKTBQR01000911", 1)
	res := readText(t, in, "oneline.txt")
	assertProblems(t, res, []problemText{{1, false, "message 2: tag {2000} amount"}})
	require.Len(t, res.events, 2)
	for _, ev := range res.events {
		assert.Equal(t, 1, ev.Source.Line)
	}
	assert.Equal(t, "20250620LKTBQR01000911", res.events[1].Refs.IMAD)
}

// TestPaddedAmountAndIMAD: blanks and a delimiter around the amount and
// the IMAD (which moov-io/wire refuses) are no problem.
func TestPaddedAmountAndIMAD(t *testing.T) {
	in := strings.Replace(goodMessage, "{2000}000000123456", "{2000}000000123456   ", 1)
	in = strings.Replace(in, "{1520}20250620LKTBQR01000910", "{1520} 20250620LKTBQR01000910 *", 1)
	res := readText(t, in, "padded.txt")
	require.Empty(t, res.problems, "problems: %q", messages(res.problems))
	require.Len(t, res.events, 1)
	assert.Equal(t, "1234.56", res.events[0].Amount.StringFixed(2))
	assert.Equal(t, "20250620LKTBQR01000910", res.events[0].Refs.IMAD)
}

// TestFuzzFindings reads the inputs fuzzing found crashes with.
func TestFuzzFindings(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []problemText
	}{
		// outputTime sliced a receipt time shorter than MMDDHHMM.
		{"short receipt time", "{1110}0{1510}0000{1520}0000010100000000000000{2000}0", []problemText{
			{1, true, "tag {1110} (receipt time stamp): moov-io/wire cannot read it (ReceiptDate is an invalid length); read by its FAIM layout"},
			{1, false, "message 1 lacks mandatory tags: {1500} sender supplied information, {3100}"},
			{1, true, `tag {2000} amount "0" has 1 digits instead of 12`},
			{1, true, `tag {1510}: type "00" is not one FAIM defines`},
			{1, true, `tag {1110} receipt time "0" is not MMDD and HHMM`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readText(t, tt.in, "fuzz.txt")
			assertProblems(t, res, tt.want)
		})
	}
}
