package fedwire

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

// readmeEvent is one row of the event table in fixtures/wires/fedwire/README.md.
type readmeEvent struct {
	file                                string
	line                                int
	kind, direction, amount, msgType    string
	imad, omad, senderRef, originalIMAD string
	party                               payment.Party
	status, reason                      string
	effective, settlement               string
	raw                                 string
}

// readmeEvents parses the README's event table, by file, in order.
func readmeEvents(t *testing.T) (map[string][]readmeEvent, []string) {
	t.Helper()
	f, err := os.Open(filepath.Join(fixturesDir, "README.md"))
	require.NoError(t, err)
	defer f.Close()
	out := map[string][]readmeEvent{}
	var files []string
	sc := bufio.NewScanner(f)
	inTable := false
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "| File | Line | Kind |") {
			inTable = true
			continue
		}
		if !inTable || strings.HasPrefix(line, "|---") {
			continue
		}
		if !strings.HasPrefix(line, "|") {
			if len(out) > 0 {
				break
			}
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		require.Len(t, cells, 14, "README row %q", line)
		for i := range cells {
			cells[i] = dash(cells[i])
		}
		e := readmeEvent{raw: line, file: strings.Trim(cells[0], "`")}
		e.line, err = strconv.Atoi(cells[1])
		require.NoError(t, err)
		e.kind, e.direction, e.amount, e.msgType = cells[2], cells[3], cells[4], cells[5]
		e.imad, e.omad, e.senderRef, e.originalIMAD = cells[6], cells[7], cells[8], cells[9]
		party := strings.Split(cells[10], ",")
		require.Len(t, party, 3, "party %q", cells[10])
		e.party = payment.Party{Name: dash(party[0]), Account: dash(party[1]), Routing: dash(party[2])}
		e.status, e.reason = cells[11], cells[12]
		eff, set, ok := strings.Cut(cells[13], "/")
		require.True(t, ok, "dates %q", cells[13])
		e.effective, e.settlement = dash(eff), dash(set)
		if _, seen := out[e.file]; !seen {
			files = append(files, e.file)
		}
		out[e.file] = append(out[e.file], e)
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, out, "no event table in the README")
	return out, files
}

// dash trims a cell and reads "—" as empty.
func dash(s string) string {
	s = strings.TrimSpace(s)
	if s == "—" {
		return ""
	}
	return s
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
	table, files := readmeEvents(t)
	for _, must := range []string{"2025-06-20-fedwire.txt", "2025-06-23-fedwire.txt", "bad/bad-amount.txt", "bad/unknown-tag.txt", "bad/truncated.txt"} {
		require.Contains(t, files, must)
	}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			want := table[file]
			res := readFixture(t, file)
			if !strings.HasPrefix(file, "bad/") {
				require.Empty(t, res.problems, "problems: %q", messages(res.problems))
			}
			require.Len(t, res.events, len(want))
			for i, w := range want {
				ev := res.events[i]
				t.Run(strconv.Itoa(w.line), func(t *testing.T) {
					assert.Equal(t, w.line, ev.Source.Line, w.raw)
					assert.Equal(t, w.kind, string(ev.Kind), w.raw)
					assert.Equal(t, w.direction, string(ev.Direction), w.raw)
					assert.Equal(t, w.amount, ev.Amount.StringFixed(2), w.raw)
					assert.Equal(t, "USD", ev.Currency)
					assert.Equal(t, w.msgType, ev.Wire.MessageType, w.raw)
					assert.Equal(t, w.imad, ev.Refs.IMAD, w.raw)
					assert.Equal(t, w.imad, ev.Refs.MessageID, w.raw)
					assert.Equal(t, w.omad, ev.Refs.OMAD, w.raw)
					assert.Equal(t, w.senderRef, ev.Refs.SenderReference, w.raw)
					assert.Equal(t, w.originalIMAD, ev.Refs.OriginalIMAD, w.raw)
					assert.Equal(t, w.party, ev.Party, w.raw)
					assert.Equal(t, w.status, ev.Wire.Status, w.raw)
					assert.Equal(t, w.reason, reasonCell(ev), w.raw)
					assert.Equal(t, w.effective, ev.EffectiveDate.String(), w.raw)
					assert.Equal(t, w.settlement, ev.SettlementDate.String(), w.raw)
					assert.Equal(t, w.effective, ev.Wire.CycleDate.String(), w.raw)
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
