package iso20022

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/fixtures/table"
	"github.com/payinv/payinv/payment"
)

// TestFixturesAgainstREADME reads every fixture and checks every event
// against the hand-checked table in fixtures/wires/iso/README.md.
func TestFixturesAgainstREADME(t *testing.T) {
	rows, err := table.Read(filepath.Join(fixturesDir, "README.md"), "File", "Line", "Format")
	require.NoError(t, err)
	files, byFile := table.Group(rows, "File")
	onDisk, err := filepath.Glob(filepath.Join(fixturesDir, "*.xml"))
	require.NoError(t, err)
	assert.Len(t, files, len(onDisk), "every fixture has its events in the README")
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			want := byFile[file]
			res := readFile(t, file)
			require.Empty(t, res.problems, "problems: %v", messages(res.problems))
			require.Len(t, res.events, len(want))
			for i, w := range want {
				ev := res.events[i]
				t.Run(w.Get("Line")+"_"+w.Get("Kind"), func(t *testing.T) {
					amount := payment.FormatAmount(ev.Amount, ev.Currency)
					if ev.Currency != "" {
						amount += " " + ev.Currency
					}
					assert.Equal(t, w.Get("Line"), strconv.Itoa(ev.Source.Line), "line")
					assert.Equal(t, w.Get("Format"), ev.Format, "format")
					assert.Equal(t, w.Get("Kind"), string(ev.Kind), "kind")
					assert.Equal(t, w.Get("Direction"), string(ev.Direction), "direction")
					assert.Equal(t, w.Get("Amount"), amount, "amount")
					assert.Equal(t, w.Get("Refs"), refsCell(ev), "refs")
					assert.Equal(t, w.Get("Original refs"), originalsCell(ev), "original refs")
					assert.Equal(t, w.Get("Party"), partyCell(ev), "party")
					assert.Equal(t, w.Get("Code"), reasonCell(ev), "reason")
					assert.Equal(t, w.Get("Effective"), ev.EffectiveDate.String(), "effective date")
					assert.Equal(t, w.Get("Settlement"), ev.SettlementDate.String(), "settlement date")
					assert.Equal(t, w.Get("Wire"), wireCell(ev), "wire")
					if t.Failed() {
						t.Logf("README: %s", w)
					}
				})
			}
		})
	}
}

// TestFixtureDetails checks what the README table leaves out.
func TestFixtureDetails(t *testing.T) {
	get := func(t *testing.T, file string, i int) *payment.Event {
		t.Helper()
		res := readFile(t, file)
		require.Greater(t, len(res.events), i)
		return res.events[i]
	}
	money := func(m *payment.Money) string {
		if m == nil {
			return ""
		}
		return payment.FormatAmount(m.Amount, m.Currency) + " " + m.Currency
	}
	t.Run("deposit", func(t *testing.T) {
		ev := get(t, "2026-11-16-deposit-pacs008.xml", 0)
		w := ev.Wire
		assert.Equal(t, "pacs.008.001.08", w.MessageType)
		assert.False(t, w.Test)
		assert.Equal(t, "CTRC", w.LocalInstrument)
		assert.Equal(t, "SLEV", w.ChargeBearer)
		assert.Equal(t, "25000.00 USD", money(w.InstructedAmount))
		assert.Equal(t, "FBO CUS-1001 WIR-2611160001", w.Remittance)
		assert.Equal(t, payment.WireParty{Name: "Maria Gonzalez", Account: "3319004471", Agent: payment.WireAgent{ID: "021040078", Name: "FIRST CITY BANK"}}, w.Debtor)
		assert.Equal(t, payment.WireParty{Name: "NORTHWIND INVESTMENTS", Account: "4470012345", Agent: payment.WireAgent{ID: "074012503", Name: "LAKESHORE TRUST BANK"}}, w.Creditor)
		assert.Equal(t, "2026-11-16T10:22:41-05:00", w.CreatedAt, "the AppHdr's CreDt")
		assert.Equal(t, payment.NewDate(2026, 11, 16), w.CycleDate)
	})
	t.Run("status", func(t *testing.T) {
		w := get(t, "2026-11-16-status-pacs002.xml", 0).Wire
		assert.Equal(t, "2026-11-16T10:15:03-05:00", w.AcceptedAt)
		assert.Equal(t, "20261116LKTBQR01000101", w.OriginalMessageID)
		assert.Equal(t, "pacs.008.001.08", w.OriginalMessageType)
		assert.Equal(t, "WIR-2611160002", w.OriginalInstructionID)
		assert.Nil(t, w.OriginalAmount)
	})
	t.Run("reject", func(t *testing.T) {
		ev := get(t, "2026-11-17-reject-pacs002.xml", 0)
		assert.Equal(t, "The routing number of the Instructed Agent is not permissible to receive Fedwire Funds transfers", ev.Wire.ReasonText)
		assert.Equal(t, "E433", ev.Reason.Code)
		assert.Empty(t, ev.Currency)
		assert.True(t, ev.Amount.IsZero())
	})
	t.Run("return", func(t *testing.T) {
		ev := get(t, "2026-11-18-return-pacs004.xml", 0)
		w := ev.Wire
		assert.Equal(t, "Account closed", w.ReasonText)
		assert.Equal(t, "8200.00 USD", money(w.OriginalAmount))
		assert.Equal(t, payment.NewDate(2026, 11, 17), w.OriginalSettlement)
		assert.Equal(t, "pacs.008.001.08", w.OriginalMessageType)
		assert.Equal(t, "20261117LKTBQR01000102", w.OriginalMessageID)
		assert.Empty(t, ev.Refs.OriginalMessageID, "an IMAD goes to OriginalIMAD")
		assert.Equal(t, "Priya Patel", w.Debtor.Name, "return roles: the debtor is the original creditor")
		assert.Equal(t, "NORTHWIND INVESTMENTS", w.Creditor.Name)
		assert.Equal(t, "CTRC", w.LocalInstrument)
	})
	t.Run("recall", func(t *testing.T) {
		ev := get(t, "2026-11-19-recall-camt056.xml", 0)
		assert.Equal(t, "Customer gave the wrong account number", ev.Wire.ReasonText)
		assert.Equal(t, payment.NewDate(2026, 11, 18), ev.Wire.OriginalSettlement)
		assert.Equal(t, "12000.00 USD", money(ev.Wire.OriginalAmount))
	})
	t.Run("recall answer", func(t *testing.T) {
		ev := get(t, "2026-11-20-recall-answer-camt029.xml", 0)
		assert.Nil(t, ev.Reason)
		assert.Equal(t, "2026-11-20T10:12:05-05:00", ev.Wire.CreatedAt)
	})
	t.Run("notification", func(t *testing.T) {
		res := readFile(t, "2026-11-20-notification-camt054.xml")
		require.Len(t, res.events, 5)
		for _, ev := range res.events {
			assert.Equal(t, "camt.054.001.08", ev.Wire.MessageType)
			assert.Equal(t, "2026-11-20T18:30:00-05:00", ev.Wire.CreatedAt)
		}
		dep := res.events[0].Wire
		assert.Equal(t, payment.WireParty{Name: "NORTHWIND INVESTMENTS", Account: "4470012345"}, dep.Creditor)
		ret := res.events[3]
		assert.Equal(t, "Account closed", ret.Wire.ReasonText)
		assert.Equal(t, "WIR-2611170001", ret.Wire.OriginalInstructionID)
		assert.Empty(t, ret.Refs.EndToEndID, "a return's references are the original's")
		unknown := res.events[4]
		assert.Empty(t, unknown.Refs.EndToEndID, "NOTPROVIDED is no reference")
		assert.Equal(t, "CUS-1017 DEPOSIT", unknown.Wire.Remittance)
		assert.Equal(t, payment.NewDate(2026, 11, 20), unknown.Wire.CycleDate)
	})
}

// TestBadFixtures checks the problems fixtures/wires/iso/README.md says
// the bad inputs give.
func TestBadFixtures(t *testing.T) {
	for _, tt := range []struct {
		file     string
		problems []string // "line: message"
		events   []string // end-to-end ids of the events read
	}{
		{
			file: "bad/bad-amount-and-date-pacs008.xml",
			problems: []string{
				`17: pacs.008 CdtTrfTxInf at line 10 (EndToEndId WIR-2611169001) skipped: IntrBkSttlmAmt "12,5O" is not an amount (want digits and a decimal point, like 1234.56)`,
				`35: pacs.008 CdtTrfTxInf at line 27 (EndToEndId WIR-2611169002) skipped: IntrBkSttlmDt "2026-11-31" is not a valid date (want YYYY-MM-DD)`,
			},
			events: []string{"WIR-2611169003"},
		},
		{
			file: "bad/truncated-pacs008.xml",
			problems: []string{
				`41: the file is cut short at line 41, column 20: it ends inside <Nm> (opened at line 41); the CdtTrfTxInf transaction starting at line 27 is lost`,
			},
			events: []string{"WIR-2611169004"},
		},
		{
			file: "bad/unknown-namespace.xml",
			problems: []string{
				`2: Document is not an ISO 20022 message payinv reads: its namespace is "urn:example:northwind:bank-export:2.1" (want urn:iso:std:iso:20022:tech:xsd:<message>, like urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08); skipped`,
			},
		},
	} {
		t.Run(tt.file, func(t *testing.T) {
			res := readFile(t, tt.file)
			var got []string
			for _, p := range res.problems {
				assert.False(t, p.Warning, p.Error())
				got = append(got, strconv.Itoa(p.Source.Line)+": "+p.Message)
			}
			assert.Equal(t, tt.problems, got)
			var refs []string
			for _, ev := range res.events {
				refs = append(refs, ev.Refs.EndToEndID)
			}
			assert.Equal(t, tt.events, refs)
		})
	}
}
