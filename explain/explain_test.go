package explain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/payment"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		code, scheme string
		wantScheme   string
		known        bool
		found        bool
	}{
		{"R01", "", SchemeNachaReturn, true, true},
		{" r01 ", "", SchemeNachaReturn, true, true},
		{"C05", "", SchemeNachaChange, true, true},
		{"C61", SchemeNachaChange, SchemeNachaChange, true, true},
		{"R97", "", SchemeNachaReturn, false, true},
		{"C92", "", SchemeNachaChange, false, true},
		{"R01", SchemeNachaChange, "", false, false},
		{"XYZ", "", "", false, false},
		{"R1", "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.code+"/"+tt.scheme, func(t *testing.T) {
			got := Lookup(tt.code, tt.scheme)
			if !tt.found {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, tt.wantScheme, got[0].Scheme)
			assert.Equal(t, tt.known, got[0].Known)
			assert.NotEmpty(t, got[0].Meaning)
			assert.NotEmpty(t, got[0].Customer)
			assert.NotEmpty(t, got[0].Action)
		})
	}
}

func TestReturnCodeFacts(t *testing.T) {
	c := Lookup("R10", "")[0]
	facts := map[string]any{}
	for _, f := range c.Facts {
		facts[f.Key] = f.Value
		assert.NotEmpty(t, f.Label)
		assert.NotEmpty(t, f.Text)
	}
	assert.Equal(t, "RDFI", facts["initiator"])
	assert.Equal(t, "60_calendar_days", facts["time_frame"])
	assert.Equal(t, "unauthorized", facts["rate_category"])
	assert.Equal(t, "new_authorization", facts["reinitiation"])
	assert.Equal(t, true, facts["written_statement"])
	assert.Equal(t, "current", facts["status"])
	assert.True(t, Lookup("R16", "")[0].Sensitive)
}

func TestAllCoversTheCatalogs(t *testing.T) {
	assert.Len(t, All(SchemeNachaReturn), len(ach.ReturnCodes()))
	assert.Len(t, All(SchemeNachaChange), len(ach.ChangeCodes()))
	assert.Len(t, All(""), len(ach.ReturnCodes())+len(ach.ChangeCodes()))
	assert.True(t, ValidScheme("nacha_return"))
	assert.False(t, ValidScheme("visa"))
}

func TestForEvent(t *testing.T) {
	c, ok := ForEvent(&payment.Event{Kind: payment.KindReversal})
	require.True(t, ok)
	assert.Equal(t, "REVERSAL", c.Code)
	c, ok = ForEvent(&payment.Event{Kind: payment.KindReturn, Reason: &payment.Reason{Scheme: SchemeNachaReturn, Code: "R02"}})
	require.True(t, ok)
	assert.Equal(t, "Account Closed", c.Title)
	_, ok = ForEvent(&payment.Event{Kind: payment.KindPayment})
	assert.False(t, ok)
}

func date(s string) payment.Date {
	d, err := payment.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestDates(t *testing.T) {
	yes, no, three, two := true, false, 3, 2
	link := ach.Link{Original: payment.Source{File: "deposits.ach", Line: 17}, Candidates: 1}
	asOf := date("2026-11-25")
	tests := []struct {
		name string
		ev   *payment.Event
		link ach.Link
		want []string
	}{
		{
			name: "late return",
			ev: &payment.Event{Kind: payment.KindReturn, SettlementDate: date("2026-11-16"),
				Reason: &payment.Reason{Scheme: SchemeNachaReturn, Code: "R01"},
				Timing: payment.Timing{OriginalSettlementDate: date("2026-11-10"), BankingDaysAfter: &three,
					Deadline: date("2026-11-13"), Timely: &no, DishonorableUntil: date("2026-11-23")}},
			link: link,
			want: []string{"3 banking days after the original entry (deposits.ach:17) settled on 2026-11-10: LATE",
				"deadline 2026-11-13", "dishonor it as untimely (R68) until 2026-11-23 (closed)"},
		},
		{
			name: "return without its original",
			ev: &payment.Event{Kind: payment.KindReturn, SettlementDate: date("2026-11-12"),
				Refs:   payment.Refs{OriginalTrace: "074012501109001"},
				Reason: &payment.Reason{Scheme: SchemeNachaReturn, Code: "R01"},
				Timing: payment.Timing{DishonorableUntil: date("2026-11-19")}},
			want: []string{"trace 074012501109001) is not among the inputs"},
		},
		{
			name: "NOC overdue",
			ev: &payment.Event{Kind: payment.KindNOC, SettlementDate: date("2026-11-12"),
				Timing: payment.Timing{CorrectionDue: date("2026-11-20")}},
			want: []string{"Make the change by 2026-11-20", "overdue"},
		},
		{
			name: "forward debit with open windows",
			ev: &payment.Event{Kind: payment.KindPayment, SettlementDate: date("2026-11-24"), SettlementEstimated: true,
				Timing: payment.Timing{ReturnableUntil: date("2026-11-27"), UnauthorizedReturnableUntil: date("2027-01-25")}},
			want: []string{"Settled 2026-11-24 (expected", "until 2026-11-27 (still open)", "until 2027-01-25 (still open)"},
		},
		{
			name: "timely dishonor",
			ev: &payment.Event{Kind: payment.KindDishonoredReturn, SettlementDate: date("2026-11-18"),
				Timing: payment.Timing{BankingDaysAfter: &two, Timely: &yes, Deadline: date("2026-11-23"), ContestableUntil: date("2026-11-20")}},
			want: []string{"dishonored 2 banking days after the return settled: on time (deadline 2026-11-23)", "contest the dishonor until 2026-11-20"},
		},
		{
			name: "contested, checked against its own dates",
			ev: &payment.Event{Kind: payment.KindContestedDishonoredReturn, SettlementDate: date("2026-11-20"),
				Reason: &payment.Reason{Scheme: SchemeNachaReturn, Code: "R73"},
				Timing: payment.Timing{OriginalSettlementDate: date("2026-11-10"), BankingDaysAfter: &two, Timely: &yes, Deadline: date("2026-11-20")},
				ACH: &payment.ACHDetail{OriginalReturnCode: "R01", ReturnSettlementDate: date("2026-11-16"),
					OriginalReturnSentOn: date("2026-11-12")}},
			want: []string{"says it sent the original return on 2026-11-12", "settled 2026-11-16, 3 banking days after", "supports the dishonor", "outside it"},
		},
		{
			name: "reversal within the limit",
			ev: &payment.Event{Kind: payment.KindReversal, SettlementDate: date("2026-11-16"),
				Refs:   payment.Refs{OriginalTrace: "074012501110005"},
				Timing: payment.Timing{OriginalSettlementDate: date("2026-11-12"), BankingDaysAfter: &two, Timely: &yes, Deadline: date("2026-11-19")}},
			link: link,
			want: []string{"reverses the entry at deposits.ach:17 (trace 074012501110005", "within the 5-banking-day limit (2026-11-19)"},
		},
		{
			name: "reversal with two candidates",
			ev:   &payment.Event{Kind: payment.KindReversal, SettlementDate: date("2026-11-16")},
			link: ach.Link{Candidates: 2},
			want: []string{"2 earlier entries have this account and amount"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Dates(tt.ev, tt.link, asOf)
			for _, w := range tt.want {
				assert.Contains(t, got, w)
			}
		})
	}
}
