package rates

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/payment"
)

var (
	asOf   = payment.NewDate(2026, 11, 25)
	window = NewWindow(asOf, DefaultDays) // 2026-09-27 .. 2026-11-25
	inside = payment.NewDate(2026, 11, 10)
)

func debit(trace string, day payment.Date) *payment.Event {
	return &payment.Event{
		Rail: payment.RailACH, Format: "nacha", Kind: payment.KindPayment, Direction: payment.Credit,
		Amount: decimal.RequireFromString("100.00"), Currency: "USD", SettlementDate: day,
		Refs: payment.Refs{Trace: trace},
		ACH:  &payment.ACHDetail{SECCode: "PPD", TransactionCode: 27},
	}
}

func returned(trace, code string, day payment.Date) *payment.Event {
	return &payment.Event{
		Rail: payment.RailACH, Format: "nacha", Kind: payment.KindReturn, Direction: payment.Debit,
		Amount: decimal.RequireFromString("100.00"), Currency: "USD", SettlementDate: day,
		Refs:   payment.Refs{Trace: "R" + trace, OriginalTrace: trace},
		Reason: &payment.Reason{Scheme: "nacha_return", Code: code},
		ACH:    &payment.ACHDetail{SECCode: "PPD", TransactionCode: 26},
	}
}

func count(evs ...*payment.Event) *Report {
	c := NewCounter(window)
	for _, ev := range evs {
		c.Add(ev)
	}
	return c.Report()
}

func nums(r *Report) [3]int {
	return [3]int{r.Rate(ACHUnauthorized).Numerator, r.Rate(ACHAdministrative).Numerator, r.Rate(ACHOverall).Numerator}
}

func TestACHReturnClasses(t *testing.T) {
	tests := []struct {
		code string
		want [3]int // unauthorized, administrative, overall
	}{
		{"R05", [3]int{1, 0, 1}}, {"R07", [3]int{1, 0, 1}}, {"R10", [3]int{1, 0, 1}},
		{"R11", [3]int{1, 0, 1}}, {"R29", [3]int{1, 0, 1}}, {"R51", [3]int{1, 0, 1}},
		{"R02", [3]int{0, 1, 1}}, {"R03", [3]int{0, 1, 1}}, {"r04", [3]int{0, 1, 1}},
		{"R01", [3]int{0, 0, 1}}, {"R16", [3]int{0, 0, 1}}, {"R06", [3]int{0, 0, 1}},
		{"R97", [3]int{0, 0, 1}}, // a private code is still a return
		{"", [3]int{0, 0, 1}},    // a return whose addenda is missing
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			r := count(debit("1", inside), returned("1", tt.code, inside))
			assert.Equal(t, tt.want, nums(r))
			for _, x := range r.Rates[:3] {
				assert.Equal(t, 1, x.Denominator, x.Name)
			}
			if tt.want[0] == 1 {
				codes := r.Rate(ACHUnauthorized).Codes
				require.Len(t, codes, 1)
				assert.Equal(t, tt.code, codes[0].Code)
				assert.NotEmpty(t, codes[0].Title)
				assert.Equal(t, "100.00", codes[0].Amounts[0].Amount.StringFixed(2))
			}
		})
	}
}

// TestCatalogBuckets: the catalog's rate categories are the reference's
// buckets (§1.1), which the rates rely on.
func TestCatalogBuckets(t *testing.T) {
	var u, a []string
	for _, c := range ach.ReturnCodes() {
		switch c.Category {
		case ach.Unauthorized:
			u = append(u, c.Code)
		case ach.Administrative:
			a = append(a, c.Code)
		}
	}
	assert.Equal(t, []string{"R05", "R07", "R10", "R11", "R29", "R51"}, u)
	assert.Equal(t, []string{"R02", "R03", "R04"}, a)
}

func TestACHWhatCounts(t *testing.T) {
	prenote := debit("2", inside)
	prenote.Kind, prenote.ACH.TransactionCode = payment.KindPrenote, 28
	zero := debit("3", inside)
	zero.ACH.TransactionCode = 29
	credit := debit("4", inside)
	credit.ACH.TransactionCode = 22
	reversal := debit("5", inside)
	reversal.Kind = payment.KindReversal
	creditReturn := returned("4", "R03", inside)
	creditReturn.ACH.TransactionCode = 21
	dishonored := returned("1", "R68", inside)
	dishonored.Kind = payment.KindDishonoredReturn
	noDetail := debit("6", inside)
	noDetail.ACH = nil
	savings := debit("7", inside)
	savings.ACH.TransactionCode = 37
	estimated := debit("8", payment.Date{})
	estimated.EffectiveDate = inside // no settlement date: the effective date counts

	r := count(debit("1", inside), prenote, zero, credit, reversal, creditReturn, dishonored, noDetail, savings, estimated,
		debit("1", inside), // the same entry read twice
		returned("1", "R10", inside), returned("1", "R10", inside))
	assert.Equal(t, 4, r.Rate(ACHOverall).Denominator, "live debits 1, 7 and 8, and the reversal 5")
	assert.Equal(t, [3]int{1, 0, 1}, nums(r), "the return read twice counts once")
	assert.Equal(t, "400.00", r.Rate(ACHOverall).DenominatorAmounts[0].Amount.StringFixed(2))
	assert.Equal(t, map[string]int{PartReversals: 1, PartPrenotes: 1, PartZeroDollar: 1, PartReturnsOfCredits: 1, PartDishonoredReturns: 1},
		partCounts(r.Rate(ACHOverall)))
	assert.Equal(t, map[string]int{PartReversals: 1, PartPrenotes: 1, PartZeroDollar: 1},
		partCounts(r.Rate(ACHUnauthorized)), "the R03 of a credit and the R68 answer no unauthorized return")
	assert.Equal(t, map[string]int{PartReversals: 1, PartPrenotes: 1, PartZeroDollar: 1, PartReturnsOfCredits: 1},
		partCounts(r.Rate(ACHAdministrative)))
}

func partCounts(r *Rate) map[string]int {
	out := map[string]int{}
	for _, p := range r.Parts {
		out[p.Key] = p.Count
	}
	return out
}

// TestReversalsAndReinitiations: reversing and reinitiated entries are
// debit Entries the company originated (Nacha 2.17.2 counts debit
// Entries), and their returns are returns of debit Entries (an improper
// reversal comes back R11 or R17, and R11 is an unauthorized return).
func TestReversalsAndReinitiations(t *testing.T) {
	reversal := debit("rev1", inside)
	reversal.Kind, reversal.ACH.EntryDescription = payment.KindReversal, "REVERSAL"
	// Its return says REVERSAL: the return batch keeps the original's
	// description.
	revReturn := returned("rev1", "R11", inside.AddDays(3))
	revReturn.ACH.EntryDescription = "REVERSAL"
	// A second reversal whose return does not say so is told by its
	// trace, whichever comes first.
	reversal2 := debit("rev2", inside)
	reversal2.Kind = payment.KindReversal
	rev2Return := returned("rev2", "R17", inside.AddDays(2))
	creditReversal := debit("rev3", inside) // the reversal of an erroneous debit credits the customer
	creditReversal.Kind, creditReversal.ACH.TransactionCode = payment.KindReversal, 22
	retry := debit("retry1", inside)
	retry.ACH.EntryDescription = "RETRY PYMT"
	retryReturn := returned("retry1", "R01", inside.AddDays(2))
	retryReturn.ACH.EntryDescription = " retry pymt "
	prenoteReturn := returned("pre1", "R03", inside)
	prenoteReturn.Amount = decimal.Zero

	for _, order := range []string{"returns last", "returns first"} {
		t.Run(order, func(t *testing.T) {
			forward := []*payment.Event{debit("1", inside), reversal, reversal2, creditReversal, retry}
			backward := []*payment.Event{revReturn, rev2Return, retryReturn, prenoteReturn}
			evs := slices.Concat(forward, backward)
			if order == "returns first" {
				evs = slices.Concat(backward, forward)
			}
			r := count(evs...)
			assert.Equal(t, 4, r.Rate(ACHUnauthorized).Denominator, "debit 1, two debit reversals, the retry")
			assert.Equal(t, [3]int{1, 0, 3}, nums(r), "R11 (unauthorized), R17 and R01; the 0.00 R03 left out")
			assert.Equal(t, map[string]int{PartReversals: 2, PartReinitiated: 1, PartReturnsOfReversals: 2,
				PartReturnsOfReinitiated: 1, PartReturnsOfNonValue: 1}, partCounts(r.Rate(ACHOverall)))
			assert.Equal(t, map[string]int{PartReversals: 2, PartReinitiated: 1, PartReturnsOfReversals: 1},
				partCounts(r.Rate(ACHUnauthorized)), "only the R11 is an unauthorized return")
			assert.Equal(t, map[string]int{PartReversals: 2, PartReinitiated: 1, PartReturnsOfNonValue: 1},
				partCounts(r.Rate(ACHAdministrative)))
			sides := map[string]string{PartReversals: Denominator, PartReinitiated: Denominator, PartReturnsOfReversals: Numerator,
				PartReturnsOfReinitiated: Numerator, PartReturnsOfNonValue: Numerator}
			for _, p := range r.Rate(ACHOverall).Parts {
				assert.NotEmpty(t, p.Title, p.Key)
				assert.Equal(t, sides[p.Key], p.Side, p.Key)
				assert.Equal(t, p.Key != PartReturnsOfNonValue, p.Counted, p.Key)
			}
		})
	}
}

// TestRCK: RCK entries count toward the unauthorized (R51) and
// administrative rates, not the overall one.
func TestRCK(t *testing.T) {
	d, ret := debit("1", inside), returned("1", "R51", inside)
	d.ACH.SECCode, ret.ACH.SECCode = "RCK", "RCK"
	r := count(d, ret, debit("2", inside))
	assert.Equal(t, [3]int{1, 0, 0}, nums(r))
	assert.Equal(t, 2, r.Rate(ACHUnauthorized).Denominator)
	assert.Equal(t, 1, r.Rate(ACHOverall).Denominator)
	assert.Equal(t, map[string]int{PartRCK: 1, PartRCKReturns: 1}, partCounts(r.Rate(ACHOverall)))
	assert.Empty(t, r.Rate(ACHUnauthorized).Parts)
}

func TestWindowEdges(t *testing.T) {
	assert.Equal(t, payment.NewDate(2026, 9, 27), window.From)
	assert.Equal(t, asOf, window.To)
	tests := []struct {
		day  payment.Date
		want bool
	}{
		{window.From.AddDays(-1), false},
		{window.From, true},
		{asOf, true},
		{asOf.AddDays(1), false},
		{payment.Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.day.String(), func(t *testing.T) {
			assert.Equal(t, tt.want, window.Contains(tt.day))
			r := count(debit("1", tt.day), returned("1", "R10", tt.day))
			n := 0
			if tt.want {
				n = 1
			}
			assert.Equal(t, n, r.Rate(ACHUnauthorized).Denominator)
			assert.Equal(t, n, r.Rate(ACHUnauthorized).Numerator)
		})
	}
	// A return counts by its own date: the original before the window
	// does not keep it out (and does not count itself).
	r := count(debit("1", window.From.AddDays(-10)), returned("1", "R10", window.From))
	assert.Equal(t, 1, r.Rate(ACHUnauthorized).Numerator)
	assert.Equal(t, 0, r.Rate(ACHUnauthorized).Denominator)
	assert.Equal(t, NoData, r.Rate(ACHUnauthorized).Status)
	_, ok := r.Rate(ACHUnauthorized).Percent()
	assert.False(t, ok)
	// Short windows.
	one := NewWindow(asOf, 1)
	assert.Equal(t, asOf, one.From)
}

// debits returns n debits with traces d0, d1 …, and returns of the first
// k with code.
func debitsWithReturns(n, k int, code string) []*payment.Event {
	var evs []*payment.Event
	for i := range n {
		evs = append(evs, debit(fmt.Sprint("d", i), inside))
	}
	for i := range k {
		evs = append(evs, returned(fmt.Sprint("d", i), code, inside))
	}
	return evs
}

func TestStatus(t *testing.T) {
	tests := []struct {
		name      string
		n, k      int
		code      string
		rate      string
		wantRate  string
		want      Status
		wantAlert bool
	}{
		{"unauthorized ok", 1000, 3, "R10", ACHUnauthorized, "0.30", OK, false},
		{"unauthorized near at 80%", 1000, 4, "R10", ACHUnauthorized, "0.40", Near, false},
		{"unauthorized crossed at the line", 1000, 5, "R10", ACHUnauthorized, "0.50", Crossed, true},
		{"unauthorized crossed above", 200, 2, "R07", ACHUnauthorized, "1.00", Crossed, true},
		{"unauthorized just under, rounds to the line", 2001, 10, "R07", ACHUnauthorized, "0.50", Near, false},
		{"administrative ok", 1000, 23, "R02", ACHAdministrative, "2.30", OK, false},
		{"administrative near", 1000, 24, "R03", ACHAdministrative, "2.40", Near, false},
		{"administrative crossed", 100, 3, "R04", ACHAdministrative, "3.00", Crossed, true},
		{"overall ok", 100, 11, "R01", ACHOverall, "11.00", OK, false},
		{"overall near", 100, 12, "R01", ACHOverall, "12.00", Near, false},
		{"overall crossed", 3, 1, "R01", ACHOverall, "33.33", Crossed, true},
		{"no debits", 0, 0, "R01", ACHOverall, "", NoData, false},
		{"no returns", 10, 0, "R01", ACHOverall, "0.00", OK, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := count(debitsWithReturns(tt.n, tt.k, tt.code)...)
			x := r.Rate(tt.rate)
			p, ok := x.Percent()
			if tt.wantRate == "" {
				assert.False(t, ok)
			} else {
				assert.Equal(t, tt.wantRate, p.StringFixed(2))
			}
			assert.Equal(t, tt.want, x.Status)
			assert.Equal(t, tt.wantAlert, slices.Contains(r.Alerts(), x))
		})
	}
}

func TestPercentRounding(t *testing.T) {
	for _, tt := range []struct {
		num, den int
		want     string
	}{
		{1, 3, "33.33"}, {2, 3, "66.67"}, {1, 800, "0.13"}, {1, 1600, "0.06"}, {3, 1600, "0.19"}, {1, 1, "100.00"}, {7, 2, "350.00"},
	} {
		r := &Rate{Numerator: tt.num, Denominator: tt.den}
		p, ok := r.Percent()
		require.True(t, ok)
		assert.Equal(t, tt.want, p.StringFixed(2), "%d/%d", tt.num, tt.den)
	}
}

func card(kind payment.Kind, processor, id string, day payment.Date) *payment.Event {
	return &payment.Event{
		Rail: payment.RailCard, Format: processor, Kind: kind,
		Amount: decimal.RequireFromString("50.00"), Currency: "USD", EffectiveDate: day,
		Refs: payment.Refs{PSPID: id},
		Card: &payment.CardDetail{Processor: processor},
	}
}

func TestCards(t *testing.T) {
	decline := func(id, scheme, code string) *payment.Event {
		ev := card(payment.KindDecline, "stripe", id, inside)
		ev.Card.ResponseScheme, ev.Card.ResponseCode = scheme, code
		return ev
	}
	chargeback := func(id, network, reason string) *payment.Event {
		ev := card(payment.KindChargeback, "stripe", id, inside.AddDays(5))
		ev.Card.DisputeNetwork, ev.Card.DisputeReason = network, reason
		return ev
	}
	withReason := decline("p5", "", "")
	withReason.Reason = &payment.Reason{Scheme: "adyen_refusal", Code: "12", Title: "Not enough balance"}
	later := card(payment.KindCapture, "stripe", "p9", asOf.AddDays(1))
	otherProcessor := card(payment.KindCapture, "adyen", "p1", inside)
	secondCB := chargeback("p1", "visa", "10.4")
	secondCB.Kind = payment.KindSecondChargeback
	reversedCB := chargeback("p1", "visa", "10.4")
	reversedCB.Kind = payment.KindChargebackReversal

	r := count(
		card(payment.KindAuthorization, "stripe", "p1", inside), card(payment.KindCapture, "stripe", "p1", inside),
		card(payment.KindCapture, "stripe", "p1", inside), // the same capture in a second export
		card(payment.KindCapture, "stripe", "p2", inside), card(payment.KindAuthorization, "stripe", "p3", inside),
		otherProcessor, later,
		decline("p4", "stripe_decline", "insufficient_funds"), decline("p6", "stripe_decline", "insufficient_funds"),
		decline("p7", "", ""), withReason,
		chargeback("p1", "visa", "10.4"), chargeback("p1", "visa", "10.4"), secondCB, reversedCB,
		chargeback("p2", "mastercard", "4837"),
	)
	d := r.Rate(CardDecline)
	assert.Equal(t, 4, d.Numerator)
	assert.Equal(t, 8, d.Denominator, "4 approved payments (p1, p2, p3, adyen p1) and 4 declines")
	p, _ := d.Percent()
	assert.Equal(t, "50.00", p.StringFixed(2))
	assert.Equal(t, Unwatched, d.Status)
	require.Len(t, d.Codes, 3)
	assert.Equal(t, Code{Scheme: "stripe_decline", Code: "insufficient_funds", Title: d.Codes[0].Title, Count: 2,
		Amounts: []payment.Money{{Amount: decimal.RequireFromString("100.00"), Currency: "USD"}}}, d.Codes[0])
	assert.NotEmpty(t, d.Codes[0].Title, "titled from the catalog")
	assert.Equal(t, "", d.Codes[1].Code, "a decline without a code")
	assert.Equal(t, "Not enough balance", d.Codes[2].Title)

	cb := r.Rate(CardChargeback)
	assert.Equal(t, 2, cb.Numerator)
	assert.Equal(t, 3, cb.Denominator, "captures p1, p2 and adyen p1")
	assert.Equal(t, Crossed, cb.Status)
	assert.False(t, cb.Threshold.Enforced)
	assert.Empty(t, r.Alerts(), "the card line is advisory")
	require.Len(t, cb.Codes, 2)
	assert.Equal(t, "mastercard", cb.Codes[0].Scheme)
	assert.Equal(t, "10.4", cb.Codes[1].Code)
	assert.NotEmpty(t, cb.Codes[1].Title)
}

func TestCardChargebackNear(t *testing.T) {
	var evs []*payment.Event
	for i := range 125 {
		evs = append(evs, card(payment.KindCapture, "adyen", fmt.Sprint("c", i), inside))
	}
	evs = append(evs, card(payment.KindChargeback, "adyen", "c1", inside))
	assert.Equal(t, Near, count(evs...).Rate(CardChargeback).Status, "1/125 = 0.8 %")
	evs = append(evs, card(payment.KindChargeback, "", "", inside)) // no id: counted by position
	assert.Equal(t, Crossed, count(evs...).Rate(CardChargeback).Status)
}

func TestMixedCurrencies(t *testing.T) {
	eur := card(payment.KindCapture, "adyen", "e1", inside)
	eur.Currency = "EUR"
	r := count(card(payment.KindCapture, "adyen", "u1", inside), eur)
	assert.Equal(t, []payment.Money{
		{Amount: decimal.RequireFromString("50.00"), Currency: "EUR"},
		{Amount: decimal.RequireFromString("50.00"), Currency: "USD"},
	}, r.Rate(CardChargeback).DenominatorAmounts)
}

func TestParseDays(t *testing.T) {
	for in, want := range map[string]int{"60d": 60, "60": 60, "1d": 1, " 30D ": 30, "3660d": 3660} {
		n, err := ParseDays(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, n, in)
	}
	for _, in := range []string{"", "0d", "-5d", "+5d", "2m", "60 days", "d", "3661"} {
		_, err := ParseDays(in)
		assert.Error(t, err, in)
	}
}
