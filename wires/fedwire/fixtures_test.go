package fedwire

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/fixtures/table"
	"github.com/payinv/payinv/payment"
)

// readmeEvents reads the README's event table: the files in README order
// and their rows.
func readmeEvents(t *testing.T) ([]string, map[string][]table.Row) {
	t.Helper()
	rows, err := table.Read(filepath.Join(fixturesDir, "README.md"), "File", "Line", "Kind")
	require.NoError(t, err)
	return table.Group(rows, "File")
}

// partyCell reads a row's Party cell: "name, account, routing".
func partyCell(t *testing.T, w table.Row) payment.Party {
	t.Helper()
	party := strings.Split(w.Get("Party"), ",")
	require.Len(t, party, 3, "party of %s", w)
	return payment.Party{Name: table.Clean(party[0]), Account: table.Clean(party[1]), Routing: table.Clean(party[2])}
}

// datesCell reads a row's Dates cell: "effective / settlement".
func datesCell(t *testing.T, w table.Row) (effective, settlement string) {
	t.Helper()
	eff, set, ok := strings.Cut(w.Get("Dates"), "/")
	require.True(t, ok, "dates of %s", w)
	return table.Clean(eff), table.Clean(set)
}

// reasonCell writes an event's reason as the README does.
func reasonCell(ev *payment.Event) string {
	if ev.Reason == nil {
		return ""
	}
	s := ev.Reason.Code + " " + ev.Reason.Scheme
	if ev.Wire.ReasonInferred {
		s += " inferred"
	}
	return s
}

// TestFixturesAgainstREADME reads every fixture and checks every event
// against the hand-checked table in fixtures/wires/fedwire/README.md.
func TestFixturesAgainstREADME(t *testing.T) {
	files, byFile := readmeEvents(t)
	for _, must := range []string{"2025-06-20-fedwire.txt", "2025-06-23-fedwire.txt", "bad/bad-amount.txt", "bad/unknown-tag.txt", "bad/truncated.txt"} {
		require.Contains(t, files, must)
	}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			want := byFile[file]
			res := readFixture(t, file)
			if !strings.HasPrefix(file, "bad/") {
				require.Empty(t, res.problems, "problems: %q", messages(res.problems))
			}
			require.Len(t, res.events, len(want))
			for i, w := range want {
				ev := res.events[i]
				t.Run(w.Get("Line"), func(t *testing.T) {
					raw := w.String()
					effective, settlement := datesCell(t, w)
					assert.Equal(t, w.Get("Line"), strconv.Itoa(ev.Source.Line), raw)
					assert.Equal(t, w.Get("Kind"), string(ev.Kind), raw)
					assert.Equal(t, w.Get("Direction"), string(ev.Direction), raw)
					assert.Equal(t, w.Get("Amount"), ev.Amount.StringFixed(2), raw)
					assert.Equal(t, "USD", ev.Currency)
					assert.Equal(t, w.Get("Message type"), ev.Wire.MessageType, raw)
					assert.Equal(t, w.Get("IMAD"), ev.Refs.IMAD, raw)
					assert.Equal(t, w.Get("IMAD"), ev.Refs.MessageID, raw)
					assert.Equal(t, w.Get("OMAD"), ev.Refs.OMAD, raw)
					assert.Equal(t, w.Get("Sender ref"), ev.Refs.SenderReference, raw)
					assert.Equal(t, w.Get("Original IMAD"), ev.Refs.OriginalIMAD, raw)
					assert.Equal(t, partyCell(t, w), ev.Party, raw)
					assert.Equal(t, w.Get("Status"), ev.Wire.Status, raw)
					assert.Equal(t, w.Get("Reason"), reasonCell(ev), raw)
					assert.Equal(t, effective, ev.EffectiveDate.String(), raw)
					assert.Equal(t, settlement, ev.SettlementDate.String(), raw)
					assert.Equal(t, effective, ev.Wire.CycleDate.String(), raw)
				})
			}
		})
	}
}

// TestFixtureDetails checks what the README says of the events beyond
// its table.
func TestFixtureDetails(t *testing.T) {
	day1 := readFixture(t, "2025-06-20-fedwire.txt").events
	day2 := readFixture(t, "2025-06-23-fedwire.txt").events
	require.Len(t, day1, 4)
	require.Len(t, day2, 3)
	a, b, c, d := day1[0], day1[1], day1[2], day1[3]
	e, f, g := day2[0], day2[1], day2[2]

	assert.True(t, a.Wire.Inbound)
	assert.Equal(t, "FBO CUS-1009 WIR-2506200001", a.Wire.Remittance)
	assert.Equal(t, "2025-06-20T11:04:00-04:00", a.Wire.AcceptedAt)
	assert.Equal(t, payment.WireParty{Name: "SARAH KOWALSKI", Account: "6021778899", Agent: payment.WireAgent{ID: "011104238", Name: "MERIDIAN SAVINGS"}}, a.Wire.Debtor)
	assert.Equal(t, payment.WireParty{Name: "NORTHWIND INVESTMENTS", Account: "4470012345", Agent: payment.WireAgent{ID: "074012503", Name: "LAKESHORE TRUST"}}, a.Wire.Creditor)
	assert.Empty(t, a.Wire.Intermediaries)

	for _, ev := range []*payment.Event{b, c, d} {
		assert.False(t, ev.Wire.Inbound)
		assert.Equal(t, "NORTHWIND INVESTMENTS", ev.Wire.Debtor.Name)
		assert.Equal(t, "4470012345", ev.Wire.Debtor.Account)
		assert.Equal(t, payment.WireAgent{ID: "074012503", Name: "LAKESHORE TRUST"}, ev.Wire.Debtor.Agent)
	}
	assert.Equal(t, payment.WireAgent{ID: "021040078", Name: "FIRST CITY BANK"}, b.Wire.Creditor.Agent)
	assert.Equal(t, "2025-06-20T14:30:00-04:00", b.Wire.AcceptedAt)
	assert.Equal(t, "CUTOFF HOUR PASSED FOR TYPE 1000", c.Wire.ReasonText)
	assert.False(t, c.Wire.ReasonInferred)
	assert.Equal(t, "2025-06-20T18:52:00-04:00", c.Wire.AcceptedAt)
	assert.Equal(t, "2025-06-20T14:45:00-04:00", d.Wire.AcceptedAt)

	assert.Equal(t, "REVERSAL OF PRIOR DAY TRANSFER ACCT CLOSED", e.Wire.ReasonText)
	assert.Equal(t, "REVERSAL OF PRIOR DAY TRANSFER ACCT CLOSED", e.Wire.BankInfo)
	assert.Equal(t, "20250620LKTBQR01000045", e.Wire.OriginalMessageID)
	assert.Equal(t, "1008", e.Wire.TypeSubtype)
	assert.Equal(t, "2025-06-20", e.Wire.OriginalSettlement.String())
	assert.Equal(t, "2025-06-20", f.Wire.OriginalSettlement.String())
	assert.Equal(t, "RETURN OF FUNDS IMAD 20250620LKTBQR01000047 / BENEFICIARY NAME MISMATCH", f.Wire.ReasonText)
	assert.Equal(t, "RETURN OF FUNDS IMAD 20250620LKTBQR01000047", f.Wire.Remittance)
	assert.Empty(t, f.Wire.OriginalMessageID, "no {3500}: the original IMAD comes from the text")
	assert.Equal(t, "FED FUNDS RETURNED", g.Wire.BankInfo)
	assert.Equal(t, "FFR", g.Wire.BusinessFunction)
	assert.Nil(t, g.Reason)
	assert.Empty(t, g.Wire.ReasonText)
	for _, ev := range day2 {
		assert.True(t, ev.Wire.Inbound)
		assert.Equal(t, payment.WireAgent{ID: "074012503", Name: "LAKESHORE TRUST"}, ev.Wire.Creditor.Agent)
	}
	for _, ev := range []*payment.Event{e, f} {
		assert.Equal(t, "NORTHWIND INVESTMENTS", ev.Wire.Creditor.Name)
		assert.Equal(t, "4470012345", ev.Wire.Creditor.Account)
	}
}
