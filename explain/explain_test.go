package explain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/cards"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
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
		{"C05", SchemeNachaChange, SchemeNachaChange, true, true},
		{"C61", SchemeNachaChange, SchemeNachaChange, true, true},
		{"R97", "", SchemeNachaReturn, false, true},
		{"C92", "", SchemeNachaChange, false, true},
		{"R01", SchemeNachaChange, "", false, false},
		{"XYZ", "", "", false, false},
		{"R1", SchemeNachaReturn, "", false, false},
		{"51", SchemeISO8583, SchemeISO8583, true, true},
		{"Not enough balance", "", SchemeAdyenRefusal, true, true},
		{"10.4", "", SchemeVisa, true, true},
		{"4837", SchemeMastercard, SchemeMastercard, true, true},
		{"2001", "", SchemeBraintree, true, true},
		{"20051", "", SchemeCheckout, true, true},
		{"do_not_honor", SchemeStripeDecline, SchemeStripeDecline, true, true},
		{"product_not_received", SchemeStripeDispute, SchemeStripeDispute, true, true},
		{"51", SchemeVisa, "", false, false},
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
	assert.Len(t, All(""), len(ach.ReturnCodes())+len(ach.ChangeCodes())+len(cards.ResponseCodes())+len(cards.DisputeCodes())+len(reason.Codes("")))
	assert.True(t, ValidScheme("nacha_return"))
	assert.True(t, ValidScheme("visa"))
	assert.False(t, ValidScheme("paypal"))
	for _, s := range Schemes {
		assert.NotEmpty(t, All(s), s)
		assert.NotEqual(t, s, SchemeTitle(s), "every scheme has a title")
	}
}

func TestLookupAcrossSchemes(t *testing.T) {
	// A code that is several schemes' comes back once per scheme, in
	// scheme order, so that the command can say which to pick.
	got := Lookup("C05", "")
	require.Len(t, got, 2)
	assert.Equal(t, SchemeNachaChange, got[0].Scheme)
	assert.Equal(t, SchemeAmex, got[1].Scheme)
	got = Lookup("05", "")
	require.Len(t, got, 2, "a bare 05: an issuer's do not honor, or Adyen's Blocked Card")
	assert.Equal(t, SchemeISO8583, got[0].Scheme)
	assert.Equal(t, SchemeAdyenRefusal, got[1].Scheme)
	got = Lookup("insufficient_funds", "")
	var schemes []string
	for _, c := range got {
		schemes = append(schemes, c.Scheme)
	}
	assert.Equal(t, []string{SchemeStripeDecline, SchemeStripeDispute}, schemes)
}

func TestCardCodeFacts(t *testing.T) {
	c := Lookup("43", SchemeISO8583)[0]
	assert.True(t, c.Sensitive, "a stolen card is never explained to the customer as such")
	assert.NotContains(t, c.Customer, "stolen")
	facts := map[string]any{}
	for _, f := range c.Facts {
		facts[f.Key] = f.Value
	}
	assert.Equal(t, "hard", facts["decline_type"])

	d := Lookup("10.4", SchemeVisa)[0]
	facts = map[string]any{}
	for _, f := range d.Facts {
		facts[f.Key] = f.Value
		assert.NotEmpty(t, f.Text)
	}
	assert.Equal(t, "fraud", facts["category"])
	assert.Equal(t, "120", facts["filing_days"])
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
	c, ok = ForEvent(&payment.Event{Kind: payment.KindChargeback, Reason: &payment.Reason{Scheme: SchemeMastercard, Code: "4837"}})
	require.True(t, ok)
	assert.Equal(t, SchemeMastercard, c.Scheme)
	c, ok = ForEvent(&payment.Event{Kind: payment.KindDecline, Reason: &payment.Reason{Scheme: SchemeISO8583, Code: "51"}})
	require.True(t, ok)
	assert.Equal(t, SchemeISO8583, c.Scheme)
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
