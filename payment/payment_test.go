package payment

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDate(t *testing.T) {
	d, err := ParseDate("2026-11-25")
	require.NoError(t, err)
	assert.Equal(t, Date{2026, time.November, 25}, d)
	assert.Equal(t, "2026-11-25", d.String())
	assert.Equal(t, time.Wednesday, d.Weekday())
	assert.Equal(t, "2027-01-04", d.AddDays(40).String())
	assert.Equal(t, "2026-10-31", d.AddDays(-25).String())
	assert.Equal(t, 40, d.DaysUntil(d.AddDays(40)))
	assert.True(t, d.Before(d.AddDays(1)))
	assert.True(t, d.After(d.AddDays(-1)))
	assert.Equal(t, 0, d.Compare(NewDate(2026, time.November, 25)))
	assert.Equal(t, "", Date{}.String())
	assert.True(t, Date{}.IsZero())
	assert.Equal(t, "0007-03-04", Date{7, time.March, 4}.String())

	for _, bad := range []string{"", "2026-13-01", "2026-02-29", "11/25/2026", "2026-1-5"} {
		_, err := ParseDate(bad)
		assert.Error(t, err, bad)
	}

	var back Date
	text, err := d.MarshalText()
	require.NoError(t, err)
	require.NoError(t, back.UnmarshalText(text))
	assert.Equal(t, d, back)
	require.NoError(t, back.UnmarshalText(nil))
	assert.True(t, back.IsZero())
}

func TestMaskAccount(t *testing.T) {
	tests := map[string]string{
		"123456789":     "****6789",
		" 4410029381  ": "****9381",
		"12345":         "****2345",
		"1234":          "****",
		"12":            "****",
		"":              "",
		"744-5678-99":   "****8-99",
	}
	for in, want := range tests {
		assert.Equal(t, want, MaskAccount(in), in)
	}
}

func TestRedact(t *testing.T) {
	ev := &Event{
		Party: Party{Account: "4410029381"},
		ACH: &ACHDetail{
			Corrected: &CorrectedData{AccountNumber: "003398117204", Raw: "003398117204"},
			IAT:       &IATDetail{ForeignAccount: "DE89370400440532013000"},
		},
	}
	ev.Redact()
	assert.Equal(t, "****9381", ev.Party.Account)
	assert.Equal(t, "****7204", ev.ACH.Corrected.AccountNumber)
	assert.Equal(t, "****7204", ev.ACH.Corrected.Raw)
	assert.Equal(t, "****3000", ev.ACH.IAT.ForeignAccount)

	card := &Event{Card: &CardDetail{BIN: "424242", Last4: "4242"}}
	card.Redact()
	assert.Empty(t, card.Card.BIN, "the BIN and the last four together show more than the last four")
	assert.Equal(t, "4242", card.Card.Last4)
}

func sampleEvent() *Event {
	n, timely := 3, false
	return &Event{
		Rail: RailACH, Format: "nacha", Kind: KindReturn, Direction: Debit,
		Amount: decimal.New(50000, -2), Currency: "USD",
		EffectiveDate: NewDate(2026, time.November, 16), SettlementDate: NewDate(2026, time.November, 16),
		Refs:   Refs{Trace: "113006720007745", IndividualID: "DEP-2611090013", OriginalTrace: "074012501109013"},
		Party:  Party{Name: "ANGELA \"ANGIE\" MARTÍN\t\x01", Account: "****5561", Routing: "113006726", AccountType: "checking"},
		Reason: &Reason{Scheme: "nacha_return", Code: "R01", Title: "Insufficient Funds", Known: true},
		Timing: Timing{OriginalSettlementDate: NewDate(2026, time.November, 10), BankingDaysAfter: &n,
			Deadline: NewDate(2026, time.November, 13), Timely: &timely, DishonorableUntil: NewDate(2026, time.November, 23)},
		Source: Source{File: "returns.ach", Line: 3},
		ACH: &ACHDetail{SECCode: "PPD", TransactionCode: 26, BatchNumber: 1, Addenda: []string{"a", "b"},
			Corrected:   &CorrectedData{TransactionCode: 37, AccountType: "savings", Raw: "37"},
			FieldErrors: []string{"01 DFI account number"}},
	}
}

// TestEventJSON checks the hand-written JSON against what encoding/json
// reads back: every field present with its name, type and value.
func TestEventJSON(t *testing.T) {
	b := sampleEvent().AppendJSON(nil)
	require.True(t, json.Valid(b), string(b))
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))

	assert.Equal(t, "ach", got["rail"])
	assert.Equal(t, "return", got["kind"])
	assert.Equal(t, "debit", got["direction"])
	assert.Equal(t, "500.00", got["amount"], "amounts are decimal strings")
	assert.Equal(t, "2026-11-16", got["settlement_date"])
	assert.Equal(t, false, got["settlement_date_estimated"])
	assert.Equal(t, map[string]any{"trace": "113006720007745", "individual_id": "DEP-2611090013", "original_trace": "074012501109013"}, got["refs"])
	assert.Equal(t, "ANGELA \"ANGIE\" MARTÍN\t\x01", got["party"].(map[string]any)["name"])
	assert.Equal(t, map[string]any{"scheme": "nacha_return", "code": "R01", "title": "Insufficient Funds", "known": true}, got["reason"])
	assert.Equal(t, map[string]any{
		"original_settlement_date": "2026-11-10", "banking_days_after_settlement": 3.0, "deadline": "2026-11-13",
		"timely": false, "dishonorable_until": "2026-11-23",
	}, got["timing"])
	assert.Equal(t, map[string]any{"file": "returns.ach", "line": 3.0}, got["source"])
	achDetail := got["ach"].(map[string]any)
	assert.Equal(t, 26.0, achDetail["transaction_code"])
	assert.Equal(t, []any{"a", "b"}, achDetail["addenda"])
	assert.Equal(t, map[string]any{"transaction_code": 37.0, "account_type": "savings", "raw": "37"}, achDetail["corrected"])

	empty := (&Event{}).AppendJSON(nil)
	require.True(t, json.Valid(empty), string(empty))
	got = nil
	require.NoError(t, json.Unmarshal(empty, &got))
	assert.Nil(t, got["reason"])
	assert.Nil(t, got["effective_date"], "unknown dates are null")
	assert.NotContains(t, got, "ach", "only ACH events carry the ach group")
}

func TestAppendJSONString(t *testing.T) {
	tests := []string{"", "plain", `quote " and \ backslash`, "tab\tnew\nline\r", "\x00\x1f\x7f", "José Müller", "bad \xff byte", "€ 100", "\u2028"}
	for _, s := range tests {
		b := AppendJSONString(nil, s)
		require.True(t, json.Valid(b), "%q → %s", s, b)
		var back string
		require.NoError(t, json.Unmarshal(b, &back))
		want, _ := json.Marshal(s)
		var wantBack string
		require.NoError(t, json.Unmarshal(want, &wantBack))
		assert.Equal(t, wantBack, back, "%q", s)
	}
}

func TestProblem(t *testing.T) {
	p := Problemf(Source{File: "a.ach", Line: 7}, "amount %q is not a number", "1O")
	assert.Equal(t, `a.ach:7: amount "1O" is not a number`, p.Error())
	w := Warningf(Source{File: "a.ach"}, "skipped")
	assert.Equal(t, "a.ach: warning: skipped", w.Error())
}

func BenchmarkEventAppendJSON(b *testing.B) {
	ev := sampleEvent()
	buf := make([]byte, 0, 1024)
	b.ReportAllocs()
	for b.Loop() {
		buf = ev.AppendJSON(buf[:0])
	}
}

func TestDaysIn(t *testing.T) {
	for _, tt := range []struct {
		m    time.Month
		year int
		want int
	}{
		{time.February, 2026, 28}, {time.February, 2028, 29}, {time.February, 2100, 28}, {time.February, 2000, 29},
		{time.November, 2026, 30}, {time.December, 2026, 31},
	} {
		assert.Equal(t, tt.want, DaysIn(tt.m, tt.year), "%s %d", tt.m, tt.year)
	}
}

func TestWireJSON(t *testing.T) {
	ev := &Event{Rail: RailWire, Format: "pacs.004", Kind: KindReturn, Direction: Credit, Amount: decimal.RequireFromString("510000.74"), Currency: "USD",
		Refs: Refs{MessageID: "20250311ISOTEST1000912", OriginalUETR: "8a562c67-ca16-48ba-b074-65581be6f011"},
		Wire: &WireDetail{
			Network: "fedwire", MessageType: "pacs.004.001.10", Inbound: true, Status: "RTRN",
			Debtor:         WireParty{Name: "Jane Customer", Account: "567876543", Agent: WireAgent{ID: "021040078"}},
			Creditor:       WireParty{Name: "Corporation A"},
			Intermediaries: []WireAgent{{ID: "CHASUS33", Name: "JPMORGAN"}},
			OriginalAmount: &Money{Amount: decimal.RequireFromString("510000.74"), Currency: "USD"},
			Charges:        []Money{{Amount: decimal.RequireFromString("25"), Currency: "USD"}},
			ReasonText:     "Account closed", CycleDate: NewDate(2025, 3, 11),
		}}
	ev.Redact()
	b := ev.AppendJSON(nil)
	require.True(t, json.Valid(b), string(b))
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	w := got["wire"].(map[string]any)
	assert.Equal(t, "pacs.004.001.10", w["message_type"])
	assert.Equal(t, true, w["inbound"])
	assert.Equal(t, map[string]any{"name": "Jane Customer", "account": "****6543", "agent": map[string]any{"id": "021040078"}}, w["debtor"])
	assert.Equal(t, map[string]any{"name": "Corporation A"}, w["creditor"])
	assert.Equal(t, []any{map[string]any{"id": "CHASUS33", "name": "JPMORGAN"}}, w["intermediaries"])
	assert.Equal(t, []any{map[string]any{"amount": "25.00", "currency": "USD"}}, w["charges"])
	assert.Equal(t, map[string]any{"amount": "510000.74", "currency": "USD"}, w["original_amount"])
	assert.Equal(t, "2025-03-11", w["cycle_date"])
	assert.NotContains(t, w, "test")
}

func TestWireDirection(t *testing.T) {
	tests := []struct {
		kind    Kind
		inbound bool
		want    Direction
	}{
		{KindPayment, true, Credit}, {KindPayment, false, Debit},
		{KindReturn, true, Credit}, {KindReturn, false, Debit},
		{KindReversal, true, Credit}, {KindAdvice, false, Debit},
		{KindRejection, true, Debit}, {KindStatus, true, Debit}, {KindRecallResponse, true, Debit},
		{KindRecall, false, Debit}, {KindRecall, true, Credit}, {KindStatus, false, Credit},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, WireDirection(tt.kind, tt.inbound), "%s inbound=%v", tt.kind, tt.inbound)
	}
}

// TestClone checks that a clone shares nothing its original may change.
func TestClone(t *testing.T) {
	days, timely := 3, false
	ev := sampleEvent()
	ev.Timing.BankingDaysAfter, ev.Timing.Timely = &days, &timely
	ev.Card = &CardDetail{Fee: &Money{Amount: decimal.RequireFromString("1.5"), Currency: "USD"}}
	ev.Wire = &WireDetail{Intermediaries: []WireAgent{{ID: "X"}}, Charges: []Money{{Currency: "USD"}}, OriginalAmount: &Money{Currency: "USD"}}
	want := string(ev.AppendJSON(nil))
	c := ev.Clone()
	assert.Equal(t, want, string(c.AppendJSON(nil)))

	*ev.Reason = Reason{Code: "R99"}
	*ev.Timing.BankingDaysAfter, *ev.Timing.Timely = 9, true
	ev.ACH.Addenda[0] = "changed"
	ev.ACH.Corrected.Raw = "changed"
	ev.Card.Fee.Currency = "EUR"
	ev.Wire.Intermediaries[0].ID = "Y"
	ev.Wire.Charges[0].Currency = "EUR"
	ev.Wire.OriginalAmount.Currency = "EUR"
	assert.Equal(t, want, string(c.AppendJSON(nil)), "the clone did not change with its original")
}

func TestMaskNumbersInText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"FBO ACCT 4470012345", "FBO ACCT ****2345"},
		{"/ACC/123456789", "/ACC/****6789"},
		{"RETURN OF FUNDS IMAD 20250620LKTBQR01000047", "RETURN OF FUNDS IMAD 20250620LKTBQR01000047"},
		{"FBO CUS-1001 WIR-2611160001", "FBO CUS-1001 WIR-2611160001"},
		{"REF 1234567 SHORT", "REF 1234567 SHORT"},
		{"12345678", "****5678"},
		{"a 11112222 and 333344445555.", "a ****2222 and ****5555."},
		{"//2611210930-0500 //ACSP/G004", "//****0500 //ACSP/G004"},
		{"ACCT 8842-17", "ACCT 8842-17"},
		{"4470-0123-45", "****2345"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, MaskNumbersInText(tt.in), tt.in)
	}
}
