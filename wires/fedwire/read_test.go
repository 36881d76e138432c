package fedwire

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

// message builds a FAIM message of the given tags, one per line, around
// goodMessage's mandatory ones: tags replace those with the same number
// and are added otherwise; a tag with empty text is removed. Fed-appended
// tags come first.
func build(tagTexts ...string) string {
	lines := strings.Split(strings.TrimSuffix(goodMessage, "\n"), "\n")
	var fed []string
	for _, tt := range tagTexts {
		tag, text := tt[:6], tt[6:]
		found := false
		for i, l := range lines {
			if strings.HasPrefix(l, tag) {
				lines[i], found = tt, true
				if text == "" {
					lines[i] = ""
				}
			}
		}
		switch {
		case found:
		case tag >= "{1100}" && tag <= "{1130}":
			fed = append(fed, tt)
		default:
			lines = append(lines, tt)
		}
	}
	var b strings.Builder
	for _, l := range append(fed, lines...) {
		if l != "" {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// readOne reads a one-message input and returns its event, failing on
// errors (warnings are allowed).
func readOne(t *testing.T, in string) *payment.Event {
	t.Helper()
	res := readText(t, in, "one.txt")
	require.Empty(t, res.errs(), "problems: %q", messages(res.problems))
	require.Len(t, res.events, 1)
	return res.events[0]
}

// TestKinds: the kind, direction, status and Inbound of a message follow
// from its subtype, business function, narrative and the Fed's
// disposition.
func TestKinds(t *testing.T) {
	const prev = "{3500}20250619LKTBQR01000001"
	tests := []struct {
		name      string
		tags      []string
		kind      payment.Kind
		direction payment.Direction
		status    string
		inbound   bool
	}{
		{"sent, as prepared", nil, payment.KindPayment, payment.Debit, "", false},
		{"sent and accepted", []string{"{1100}30P 2"}, payment.KindPayment, payment.Debit, "accepted", false},
		{"sent, non-value accepted", []string{"{1100}30P 7", "{1510}1090", "{3600}SVC*"}, payment.KindStatus, payment.Credit, "accepted", false},
		{"sent and rejected", []string{"{1100}30P 3", "{1130}E433ROUTING NUMBER NOT ELIGIBLE*"}, payment.KindRejection, payment.Debit, "rejected", false},
		{"sent and intercepted", []string{"{1100}30P 0"}, payment.KindStatus, payment.Debit, "intercepted", false},
		{"received (value)", []string{"{1100}30P N"}, payment.KindPayment, payment.Credit, "received", true},
		{"received (non-value)", []string{"{1100}30P S", "{1510}1031", "{3600}DRC*"}, payment.KindStatus, payment.Debit, "received", true},
		{"delivered, OMAD only", []string{"{1120}20250620LKTBFT0100002306201105FT01"}, payment.KindPayment, payment.Credit, "", true},
		{"drawdown payment", []string{"{1510}1032", "{3600}DRW*"}, payment.KindPayment, payment.Debit, "", false},
		{"reversal same day", []string{"{1100}30P N", "{1510}1002", prev}, payment.KindReversal, payment.Credit, "received", true},
		{"reversal prior day, sent", []string{"{1510}1608", "{3600}BTR*", prev}, payment.KindReversal, payment.Debit, "", false},
		{"request for reversal received", []string{"{1100}30P S", "{1510}1001", prev}, payment.KindRecall, payment.Credit, "received", true},
		{"request for reversal prior day", []string{"{1510}1007", prev}, payment.KindRecall, payment.Debit, "", false},
		{"drawdown request", []string{"{1510}1031", "{3600}DRC*"}, payment.KindStatus, payment.Credit, "", false},
		{"drawdown refusal received", []string{"{1100}30P S", "{1510}1033", "{3600}DRW*"}, payment.KindStatus, payment.Debit, "received", true},
		{"service message", []string{"{1510}1090", "{3600}SVC*", "{2000}000000000000"}, payment.KindStatus, payment.Credit, "", false},
		{"return as a new transfer", []string{"{1100}30P N", "{6000}RETURN OF FUNDS*"}, payment.KindReturn, payment.Credit, "received", true},
		{"RTN in bank info", []string{"{1100}30P N", "{6500}RTN ACCT CLOSED*"}, payment.KindReturn, payment.Credit, "received", true},
		{"unable to apply", []string{"{1100}30P N", "{9000}FUNDS UNABLE TO APPLY*"}, payment.KindReturn, payment.Credit, "received", true},
		{"UTA", []string{"{1100}30P N", "{6500}UTA*"}, payment.KindReturn, payment.Credit, "received", true},
		{"return sent by the company", []string{"{6000}RETURN OF WIRE 20250619MSAVQR01000001*"}, payment.KindReturn, payment.Debit, "", false},
		{"Fed funds returned is no return", []string{"{1100}30P N", "{1510}1600", "{3600}FFR*", "{6500}FED FUNDS RETURNED*"}, payment.KindPayment, payment.Credit, "received", true},
		{"Fed funds sold", []string{"{1510}1600", "{3600}FFS*", "{6000}RETURN*"}, payment.KindPayment, payment.Debit, "", false},
		{"tax return is no return", []string{"{1100}30P N", "{6000}2024 TAX RETURN PAYMENT*"}, payment.KindPayment, payment.Credit, "received", true},
		{"return of capital is no return", []string{"{1100}30P N", "{6000}RETURN OF CAPITAL Q2*"}, payment.KindPayment, payment.Credit, "received", true},
		{"returned and rejected", []string{"{1100}30P 3", "{6000}RETURN OF FUNDS*"}, payment.KindRejection, payment.Debit, "rejected", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := readOne(t, build(tt.tags...))
			assert.Equal(t, tt.kind, ev.Kind)
			assert.Equal(t, tt.direction, ev.Direction)
			assert.Equal(t, tt.status, ev.Wire.Status)
			assert.Equal(t, tt.inbound, ev.Wire.Inbound)
			if valueKind(ev.Kind) {
				assert.Equal(t, ev.Wire.CycleDate, ev.SettlementDate)
			} else {
				assert.True(t, ev.SettlementDate.IsZero())
			}
			assert.Equal(t, ev.Wire.CycleDate, ev.EffectiveDate)
		})
	}
}

// TestReasons: a rejection carries the Fed's error; a return or reversal
// the reason its narrative states, marked inferred; the original IMAD
// comes from {3500} or, without it, from the narrative.
func TestReasons(t *testing.T) {
	tests := []struct {
		name       string
		tags       []string
		scheme     string
		code       string
		inferred   bool
		text       string
		original   string
		originalID string
	}{
		{"rejection", []string{"{1100}30P 3", "{1130}E433ROUTING NUMBER NOT ELIGIBLE*"},
			reason.SchemeFedwire, "E433", false, "ROUTING NUMBER NOT ELIGIBLE", "", ""},
		{"return with IMAD in the text", []string{"{1100}30P N", "{6000}RETURN IMAD 20250619LKTBQR01000001*", "{6500}ACCOUNT CLOSED*"},
			reason.SchemeReturn, "AC04", true, "RETURN IMAD 20250619LKTBQR01000001 / ACCOUNT CLOSED", "20250619LKTBQR01000001", ""},
		{"return, {3500} first", []string{"{1100}30P N", "{3500}20250618LKTBQR01000009", "{6000}RETURN IMAD 20250619LKTBQR01000001*"},
			"", "", false, "RETURN IMAD 20250619LKTBQR01000001", "20250618LKTBQR01000009", "20250618LKTBQR01000009"},
		{"return without a reason", []string{"{1100}30P N", "{6000}RTN*"},
			"", "", false, "RTN", "", ""},
		{"reversal", []string{"{1100}30P N", "{1510}1008", "{3500}20250619LKTBQR01000001", "{6500}DUPLICATE*"},
			reason.SchemeReturn, "DUPL", true, "DUPLICATE", "20250619LKTBQR01000001", "20250619LKTBQR01000001"},
		{"request for reversal", []string{"{1100}30P S", "{1510}1001", "{3500}20250619LKTBQR01000001", "{6500}DUPLICATE*"},
			"", "", false, "DUPLICATE", "20250619LKTBQR01000001", "20250619LKTBQR01000001"},
		{"payment: no reason", []string{"{1100}30P N", "{6000}ACCOUNT CLOSED*"},
			"", "", false, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := readOne(t, build(tt.tags...))
			if tt.code == "" {
				assert.Nil(t, ev.Reason)
			} else {
				require.NotNil(t, ev.Reason)
				assert.Equal(t, tt.scheme, ev.Reason.Scheme)
				assert.Equal(t, tt.code, ev.Reason.Code)
			}
			assert.Equal(t, tt.inferred, ev.Wire.ReasonInferred)
			assert.Equal(t, tt.text, ev.Wire.ReasonText)
			assert.Equal(t, tt.original, ev.Refs.OriginalIMAD)
			assert.Equal(t, tt.originalID, ev.Wire.OriginalMessageID)
		})
	}
}

// TestFieldsOfAMessage checks the fields read from the tags of one rich
// message: references, charges, rate, parties, the banks between.
func TestFieldsOfAMessage(t *testing.T) {
	in := build(
		"{1100}30T N",
		"{1110}01021904FT01",
		"{1120}20260102LKTBFT0100000101021905FT01",
		"{1520}20260102MSAVQR01000233",
		"{3600}CTP*",
		"{3610}COVS*",
		"{3620}1*JANE*5551234567***E2E-778899*",
		"{3700}SUSD12,50*USD3,00*",
		"{3710}EUR1000,00*",
		"{3720}1,0825*",
		"{4000}B CHASUS33XXX*JPMORGAN CHASE BANK*",
		"{4100}F021040078*FIRST CITY BANK*",
		"{5010}/998877*1/ANNA SCHMIDT*2/HAUPTSTRASSE 1*3/DE/BERLIN*",
		"{5000}",
		"{5100}BBARCGB22*BARCLAYS BANK UK*",
		"{5200}F026009593*INSTRUCTING BANK*",
		"{6000}INVOICE 42*PART 2*",
		"{6100}RECEIVER INFO*",
		"{6210}LTRADVISE BY LETTER*",
		"{6500}/ACC/CREDIT ON RECEIPT*",
		"{9000}PLEASE CONFIRM*",
	)
	ev := readOne(t, in)
	w := ev.Wire
	assert.True(t, w.Test)
	assert.True(t, w.Inbound)
	assert.Equal(t, "fedwire 1000 CTP", w.MessageType)
	assert.Equal(t, "COVS", w.LocalInstrument)
	assert.Equal(t, "E2E-778899", ev.Refs.EndToEndID)
	assert.Equal(t, "20260102LKTBFT0100000101021905FT01", ev.Refs.OMAD)
	assert.Equal(t, "2026-01-02", w.CycleDate.String())
	assert.Equal(t, "2026-01-02T19:04:00-05:00", w.AcceptedAt)
	assert.Equal(t, "SHA", w.ChargeBearer)
	assert.Equal(t, []payment.Money{money("12.50"), money("3.00")}, w.Charges)
	assert.Equal(t, "1000", w.InstructedAmount.Amount.String())
	assert.Equal(t, "EUR", w.InstructedAmount.Currency)
	assert.Equal(t, "1.0825", w.FXRate)
	assert.Equal(t, payment.WireParty{Name: "ANNA SCHMIDT", Account: "998877", Agent: payment.WireAgent{ID: "BARCGB22", Name: "BARCLAYS BANK UK"}}, w.Debtor)
	assert.Equal(t, payment.WireParty{Name: "KEVIN BROOKS", Account: "4410098765", Agent: payment.WireAgent{ID: "021040078", Name: "FIRST CITY BANK"}}, w.Creditor)
	assert.Equal(t, []payment.WireAgent{
		{ID: "026009593", Name: "INSTRUCTING BANK"},
		{ID: "074012503", Name: "LAKESHORE TRUST"},
		{ID: "CHASUS33XXX", Name: "JPMORGAN CHASE BANK"},
	}, w.Intermediaries, "instructing bank, sender, (receiver = beneficiary's bank), intermediary")
	// Inbound: the party is the originator; a BIC is no routing number.
	assert.Equal(t, payment.Party{Name: "ANNA SCHMIDT", Account: "998877"}, ev.Party)
	assert.Equal(t, "INVOICE 42 PART 2", w.Remittance)
	assert.Equal(t, "RECEIVER INFO / LTR ADVISE BY LETTER / /ACC/CREDIT ON RECEIPT / PLEASE CONFIRM", w.BankInfo)
}

// TestFedTagsFirstOrLast: the tags the Fed appends may come before or
// after the message; messages are told apart either way.
func TestFedTagsFirstOrLast(t *testing.T) {
	msg := func(seq, status string) (body, fed string) {
		body = strings.Replace(goodMessage, "LKTBQR01000910", "LKTBQR01000"+seq, 1)
		fed = "{1100}30P " + status + "\n{1110}06201430FT01\n"
		return body, fed
	}
	b1, f1 := msg("001", "2")
	b2, _ := msg("002", "")
	b3, f3 := msg("003", "3")
	for name, in := range map[string]string{
		"first": f1 + b1 + b2 + f3 + b3,
		"last":  b1 + f1 + b2 + b3 + f3,
	} {
		t.Run(name, func(t *testing.T) {
			res := readText(t, in, name+".txt")
			require.Empty(t, res.problems, "problems: %q", messages(res.problems))
			require.Len(t, res.events, 3)
			assert.Equal(t, []string{"accepted", "", "rejected"},
				[]string{res.events[0].Wire.Status, res.events[1].Wire.Status, res.events[2].Wire.Status})
			assert.Equal(t, "20250620LKTBQR01000003", res.events[2].Refs.IMAD)
			assert.Equal(t, payment.KindRejection, res.events[2].Kind)
		})
	}
}

// TestLineEnds: BOM, CRLF, blank lines and tags split over lines read the
// same as the plain file.
func TestLineEnds(t *testing.T) {
	plain := readOne(t, goodMessage)
	for name, in := range map[string]string{
		"crlf":        strings.ReplaceAll(goodMessage, "\n", "\r\n"),
		"bom":         "\ufeff" + goodMessage,
		"blank lines": "\n\n" + strings.ReplaceAll(goodMessage, "\n", "\n\n"),
		"one line":    strings.ReplaceAll(goodMessage, "\n", ""),
		"split tag":   strings.Replace(goodMessage, "KEVIN BROOKS*", "KEVIN\n BROOKS*", 1),
	} {
		t.Run(name, func(t *testing.T) {
			ev := readOne(t, in)
			assert.Equal(t, plain.Refs, ev.Refs)
			assert.Equal(t, plain.Amount, ev.Amount)
			assert.Equal(t, plain.Party, ev.Party)
			assert.Equal(t, plain.Wire.Debtor, ev.Wire.Debtor)
		})
	}
}

// TestStopEarly: Read stops when the consumer does.
func TestStopEarly(t *testing.T) {
	in := strings.Repeat(goodMessage, 5)
	n := 0
	for ev, err := range Read(strings.NewReader(in), "stop.txt") {
		require.NoError(t, err)
		require.NotNil(t, ev)
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
	// And on a problem.
	n = 0
	for range Read(strings.NewReader("junk{9999}x"+goodMessage), "stop.txt") {
		n++
		break
	}
	assert.Equal(t, 1, n)
}

// TestEventsAreFresh: every event is the caller's to keep.
func TestEventsAreFresh(t *testing.T) {
	in := goodMessage + strings.Replace(goodMessage, "KEVIN BROOKS", "LINDA PARK", 1)
	res := readText(t, in, "two.txt")
	require.Len(t, res.events, 2)
	assert.NotSame(t, res.events[0], res.events[1])
	assert.NotSame(t, res.events[0].Wire, res.events[1].Wire)
	assert.Equal(t, "KEVIN BROOKS", res.events[0].Party.Name)
	assert.Equal(t, "LINDA PARK", res.events[1].Party.Name)
}
