package swiftmt

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/fixtures/table"
	"github.com/payinv/payinv/payment"
)

// originals writes an event's original references as the README does.
func originals(ev *payment.Event) string {
	var parts []string
	ev.Refs.EachOriginal(func(name, value string) { parts = append(parts, name+" "+value) })
	return strings.Join(parts, "; ")
}

// partyCell writes the customer as the README does.
func partyCell(p payment.Party) string {
	var parts []string
	for _, s := range []string{p.Name, p.Account, p.Routing} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// TestFixturesAgainstREADME reads every fixture and checks every event
// against the hand-checked table in fixtures/wires/swift/README.md.
func TestFixturesAgainstREADME(t *testing.T) {
	rows, err := table.Read(filepath.Join(fixturesDir, "README.md"), "File", "Line", "Format")
	require.NoError(t, err)
	files, byFile := table.Group(rows, "File")
	entries, err := os.ReadDir(fixturesDir)
	require.NoError(t, err)
	var onDisk []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".fin") {
			onDisk = append(onDisk, e.Name())
		}
	}
	assert.ElementsMatch(t, onDisk, files, "every fixture in the README, and only those")
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			want := byFile[file]
			res := readFile(t, file)
			require.Empty(t, res.problems, "problems: %v", messages(res.problems))
			require.Len(t, res.events, len(want))
			for i, w := range want {
				ev := res.events[i]
				t.Run(w.Get("Line")+"_"+w.Get("Kind"), func(t *testing.T) {
					reason := ""
					if ev.Reason != nil {
						reason = ev.Reason.Scheme + " " + ev.Reason.Code
					}
					amount := strings.Fields(w.Get("Amount"))
					require.Len(t, amount, 2, "amount cell of %s", w)
					assert.Equal(t, w.Get("Line"), strconv.Itoa(ev.Source.Line), "line")
					assert.Equal(t, w.Get("Format"), ev.Format, "format")
					assert.Equal(t, w.Get("Kind"), string(ev.Kind), "kind")
					assert.Equal(t, w.Get("Direction"), string(ev.Direction), "direction")
					assert.Equal(t, amount[0], payment.FormatAmount(ev.Amount, ev.Currency), "amount")
					assert.Equal(t, amount[1], ev.Currency, "currency")
					assert.Equal(t, w.Get("Sender reference"), ev.Refs.SenderReference, "sender reference")
					assert.Equal(t, w.Get("Sender reference"), ev.Refs.MessageID, "message id")
					assert.Equal(t, w.Get("UETR"), ev.Refs.UETR, "uetr")
					assert.Equal(t, w.Get("Original refs"), originals(ev), "original references")
					assert.Equal(t, w.Get("Reason"), reason, "reason")
					assert.Equal(t, w.Get("Effective"), ev.EffectiveDate.String(), "effective date")
					assert.Equal(t, w.Get("Settlement"), ev.SettlementDate.String(), "settlement date")
					assert.Equal(t, w.Get("Party"), partyCell(ev.Party), "party")
					assert.Equal(t, Network, ev.Wire.Network)
					if t.Failed() {
						t.Logf("README: %s", w)
					}
				})
			}
		})
	}
}

// TestFixtureDetails checks the wire details the README lists below its
// table.
func TestFixtureDetails(t *testing.T) {
	get := func(t *testing.T, file string, i int) *payment.Event {
		t.Helper()
		res := readFile(t, file)
		require.Empty(t, res.problems, "problems: %v", messages(res.problems))
		require.Greater(t, len(res.events), i)
		return res.events[i]
	}
	money := func(m ...payment.Money) []string {
		var out []string
		for _, x := range m {
			out = append(out, payment.FormatAmount(x.Amount, x.Currency)+" "+x.Currency)
		}
		return out
	}
	t.Run("deposit MT103", func(t *testing.T) {
		ev := get(t, "2026-11-19-mt103-deposit.fin", 0)
		w := ev.Wire
		assert.Equal(t, "MT103", w.MessageType)
		assert.True(t, w.Inbound)
		assert.False(t, w.Test)
		assert.Equal(t, payment.WireParty{Name: "AISHA MOHAMMED", Account: "GB29BARC20000012345678", Agent: payment.WireAgent{ID: "BARCGB22"}}, w.Debtor)
		assert.Equal(t, payment.WireParty{Name: "NORTHWIND INVESTMENTS", Account: "4470012345", Agent: payment.WireAgent{ID: "LKTBUS33"}}, w.Creditor)
		require.NotNil(t, w.InstructedAmount)
		assert.Equal(t, []string{"10000.00 USD"}, money(*w.InstructedAmount))
		assert.Equal(t, "SHA", w.ChargeBearer)
		assert.Equal(t, []string{"25.00 USD"}, money(w.Charges...))
		assert.Equal(t, "/RFB/WIR-2611190001 CUS-1005", w.Remittance)
		assert.Empty(t, w.Intermediaries)
		assert.Empty(t, w.BankInfo)
	})
	t.Run("MT910", func(t *testing.T) {
		ev := get(t, "2026-11-19-mt103-deposit.fin", 1)
		w := ev.Wire
		assert.Equal(t, "MT910", w.MessageType)
		assert.Equal(t, payment.WireParty{Account: "4470012345", Agent: payment.WireAgent{ID: "LKTBUS33XXX"}}, w.Creditor)
		assert.Equal(t, payment.WireAgent{ID: "BARCGB22"}, w.Debtor.Agent)
		assert.Equal(t, "2026-11-19T10:42:00-05:00", w.AcceptedAt)
		assert.Equal(t, "BARC191126A0001", w.RelatedReference)
	})
	t.Run("withdrawal MT103", func(t *testing.T) {
		ev := get(t, "2026-11-20-mt103-withdrawal.fin", 0)
		w := ev.Wire
		assert.False(t, w.Inbound)
		assert.Equal(t, payment.WireParty{Name: "NORTHWIND INVESTMENTS", Account: "4470012345", Agent: payment.WireAgent{ID: "LKTBUS33XXX"}}, w.Debtor)
		assert.Equal(t, payment.WireAgent{ID: "ROYCCAT2"}, w.Creditor.Agent)
		assert.Equal(t, "OUR", w.ChargeBearer)
		assert.Equal(t, "WITHDRAWAL WIR-2611200001", w.Remittance)
	})
	t.Run("MT202COV", func(t *testing.T) {
		ev := get(t, "2026-11-20-mt103-withdrawal.fin", 1)
		w := ev.Wire
		assert.Equal(t, "MT202COV", w.MessageType)
		assert.Equal(t, payment.WireParty{Name: "NORTHWIND INVESTMENTS", Account: "4470012345", Agent: payment.WireAgent{ID: "LKTBUS33XXX"}}, w.Debtor)
		assert.Equal(t, payment.WireParty{Name: "EMILY NGUYEN", Account: "0061234567", Agent: payment.WireAgent{ID: "ROYCCAT2"}}, w.Creditor)
		assert.Equal(t, "WIR-2611200001", w.RelatedReference)
		assert.Equal(t, "WITHDRAWAL WIR-2611200001", w.Remittance)
		assert.Empty(t, w.Intermediaries, "57A and 58A are the same bank")
	})
	t.Run("MT900", func(t *testing.T) {
		ev := get(t, "2026-11-20-mt103-withdrawal.fin", 2)
		w := ev.Wire
		assert.Equal(t, payment.WireParty{Account: "4470012345", Agent: payment.WireAgent{ID: "CITIUS33XXX"}}, w.Debtor)
		assert.Equal(t, "LKTBCOV1120001", w.RelatedReference)
		assert.True(t, w.Inbound)
	})
	t.Run("MT199 gpi", func(t *testing.T) {
		ev := get(t, "2026-11-21-mt199-gpi.fin", 0)
		w := ev.Wire
		assert.Equal(t, "ACSP", w.Status)
		assert.Equal(t, "2026-11-21T09:30:00-05:00", w.CreatedAt)
		assert.Equal(t, "WIR-2611200001", w.RelatedReference)
		assert.Equal(t, "WIR-2611200001", ev.Refs.OriginalSenderReference)
		assert.Equal(t, "//2611210930-0500 //ACSP/G004 //ROYCCAT2 //USD5000,00", w.BankInfo)
	})
	t.Run("return", func(t *testing.T) {
		ev := get(t, "2026-11-24-mt103-return.fin", 0)
		w := ev.Wire
		assert.Equal(t, []string{"25.00 USD"}, money(w.Charges...))
		assert.Equal(t, "MT103", w.OriginalMessageType)
		assert.Equal(t, "WIR-2611200001", ev.Refs.OriginalSenderReference)
		assert.Equal(t, "SHA", w.ChargeBearer)
		assert.Empty(t, w.ReasonText)
		assert.False(t, w.ReasonInferred)
	})
	t.Run("rejection", func(t *testing.T) {
		ev := get(t, "2026-11-20-mt103-rejected.fin", 1)
		assert.Equal(t, "WIR-2611200002", ev.Refs.OriginalSenderReference)
		assert.Equal(t, "WIR-2611200002", ev.Wire.RelatedReference)
	})
}

// TestBadFixtures checks the bad inputs give what the README says, and
// that the message after each bad one is read.
func TestBadFixtures(t *testing.T) {
	for _, tt := range []struct {
		file     string
		line     int
		contains string
		event    string // sender's reference of the message read after
		evLine   int
	}{
		{"bad/unterminated-block4.fin", 1, "message 1: block {4: (the text) is not closed with -} before the next message, on line 10; the message is skipped", "BARCBAD0000002", 10},
		{"bad/missing-32a.fin", 1, "message 1 (MT103 BARCBAD0000003): field :32A: (value date, currency and amount) is missing; the message is skipped", "BARCBAD0000004", 10},
		{"bad/point-amount.fin", 4, `message 1 (MT103 BARCBAD0000005): field :32A: amount "12.50" has a decimal point; SWIFT writes amounts with a decimal comma (12,50); the message is skipped`, "BARCBAD0000006", 11},
		{"bad/bad-value-date.fin", 4, `message 1 (MT103 BARCBAD0000007): field :32A: value date "261340" is not a valid date (YYMMDD); the message is skipped`, "BARCBAD0000008", 11},
	} {
		t.Run(tt.file, func(t *testing.T) {
			res := readFile(t, tt.file)
			require.Len(t, res.problems, 1, "problems: %v", messages(res.problems))
			p := res.problems[0]
			assert.False(t, p.Warning)
			assert.Equal(t, tt.line, p.Source.Line)
			assert.Equal(t, tt.contains, p.Message)
			require.Len(t, res.events, 1)
			assert.Equal(t, tt.event, res.events[0].Refs.SenderReference)
			assert.Equal(t, tt.evLine, res.events[0].Source.Line)
			assert.Equal(t, payment.KindPayment, res.events[0].Kind)
		})
	}
}
