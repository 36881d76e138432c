package rates

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

func branded(kind payment.Kind, brand, id string, day payment.Date) *payment.Event {
	ev := card(kind, "stripe", id, day)
	ev.Card.Brand = brand
	return ev
}

func names(r *Report) []string {
	var out []string
	for _, x := range r.Rates {
		out = append(out, x.Name)
	}
	return out
}

// TestChargebacksByNetwork: one rate per network the window holds, in a
// fixed order; a chargeback's network is its dispute network, else its
// card's brand, else the brand another event of the payment shows.
func TestChargebacksByNetwork(t *testing.T) {
	noBrand := card(payment.KindChargeback, "stripe", "v2", inside) // told by the capture of v2
	orphan := card(payment.KindChargeback, "stripe", "x1", inside)  // nothing tells its network
	byDispute := card(payment.KindChargeback, "stripe", "a1", inside)
	byDispute.Card.DisputeNetwork, byDispute.Card.DisputeReason = "amex", "F29"
	stripeReason := branded(payment.KindChargeback, "discover", "d1", inside)
	stripeReason.Card.DisputeNetwork = "stripe_dispute" // not a network: the brand tells
	for _, order := range []string{"captures first", "chargebacks first"} {
		t.Run(order, func(t *testing.T) {
			captures := []*payment.Event{
				branded(payment.KindCapture, "visa", "v1", inside), branded(payment.KindCapture, "visa", "v2", inside),
				branded(payment.KindCapture, "visa", "v3", inside), branded(payment.KindCapture, "visa", "v4", inside),
				branded(payment.KindCapture, "amex", "a1", inside), branded(payment.KindCapture, "discover", "d1", inside),
				branded(payment.KindCapture, "jcb", "j1", inside),
				branded(payment.KindCapture, "Union Pay", "u1", inside), // an unusual brand makes a name
			}
			chargebacks := []*payment.Event{branded(payment.KindChargeback, "visa", "v1", inside), noBrand, orphan, byDispute, stripeReason}
			evs := slices.Concat(captures, chargebacks)
			if order == "chargebacks first" {
				evs = slices.Concat(chargebacks, captures)
			}
			r := count(evs...)
			assert.Equal(t, []string{ACHUnauthorized, ACHAdministrative, ACHOverall, CardDecline, CardChargeback,
				"card_chargeback_visa", "card_chargeback_amex", "card_chargeback_discover", "card_chargeback_jcb",
				"card_chargeback_union_pay", "card_chargeback_unknown"}, names(r))
			visa := r.Rate("card_chargeback_visa")
			assert.Equal(t, [2]int{2, 4}, [2]int{visa.Numerator, visa.Denominator})
			assert.Equal(t, "visa", visa.Network)
			assert.Nil(t, visa.Threshold, "VAMP's ratio is not what the exports can measure")
			assert.Equal(t, Unwatched, visa.Status)
			assert.Equal(t, window, visa.DenominatorWindow)
			amex := r.Rate("card_chargeback_amex")
			assert.Equal(t, [2]int{1, 1}, [2]int{amex.Numerator, amex.Denominator})
			require.Len(t, amex.Codes, 1)
			assert.Equal(t, "F29", amex.Codes[0].Code)
			assert.Equal(t, 1, r.Rate("card_chargeback_discover").Numerator)
			assert.Equal(t, [2]int{0, 1}, [2]int{r.Rate("card_chargeback_jcb").Numerator, r.Rate("card_chargeback_jcb").Denominator})
			unknown := r.Rate("card_chargeback_unknown")
			assert.Equal(t, [2]int{1, 0}, [2]int{unknown.Numerator, unknown.Denominator})
			assert.Equal(t, NoData, unknown.Status)
			all := r.Rate(CardChargeback)
			assert.Equal(t, [2]int{5, 8}, [2]int{all.Numerator, all.Denominator}, "the networks add up to all of them")
		})
	}
}

// TestMastercardLag: Mastercard's chargeback-to-transaction ratio divides
// the chargebacks of a month by the sales of the month before.
func TestMastercardLag(t *testing.T) {
	asOf := payment.NewDate(2026, 12, 10)
	w := NewMonthWindow(asOf, 1) // November 2026; the month before is October
	c := NewCounterAsOf(w, asOf)
	for i := range 40 {
		c.Add(branded(payment.KindCapture, "mastercard", fmt.Sprint("oct", i), payment.NewDate(2026, 10, 1+i%31)))
	}
	for i := range 10 {
		c.Add(branded(payment.KindCapture, "maestro", fmt.Sprint("nov", i), payment.NewDate(2026, 11, 1+i)))
	}
	c.Add(branded(payment.KindCapture, "mastercard", "sep", payment.NewDate(2026, 9, 30)))      // two months before: out
	c.Add(branded(payment.KindChargeback, "mastercard", "oct1", payment.NewDate(2026, 11, 3)))  // counts in November
	c.Add(branded(payment.KindChargeback, "mastercard", "oct2", payment.NewDate(2026, 10, 31))) // October's: out
	mc := c.Report().Rate("card_chargeback_mastercard")
	require.NotNil(t, mc)
	assert.Equal(t, 1, mc.Numerator)
	assert.Equal(t, 40, mc.Denominator, "October's captures, not November's")
	assert.Equal(t, Window{From: payment.NewDate(2026, 10, 1), To: payment.NewDate(2026, 10, 31), Days: 31, Months: 1}, mc.DenominatorWindow)
	assert.Equal(t, 10, c.Report().Rate(CardChargeback).Denominator, "all networks together: the window's captures")
	p, _ := mc.Percent()
	assert.Equal(t, "2.50", p.StringFixed(2))
	assert.Equal(t, BelowMinimum, mc.Status, "over 1 %, but one chargeback, under the program's 100")
}

// TestMastercardLine: above 1 % (not at it) with at least 100 chargebacks.
func TestMastercardLine(t *testing.T) {
	tests := []struct {
		name                string
		chargebacks, octTxn int
		want                Status
	}{
		{"exactly 1 %: not in excess", 100, 10000, Near},
		{"just above 1 % with 100", 100, 9999, Crossed},
		{"above 1 % with 99", 99, 9000, BelowMinimum},
		{"near: 0.8 %", 100, 12500, Near},
		{"ok", 100, 12501, OK},
		{"no sales the month before", 5, 0, NoData},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asOf := payment.NewDate(2026, 12, 1)
			c := NewCounterAsOf(NewMonthWindow(asOf, 1), asOf)
			for i := range tt.octTxn {
				c.Add(branded(payment.KindCapture, "mastercard", fmt.Sprint("o", i), payment.NewDate(2026, 10, 15)))
			}
			for i := range tt.chargebacks {
				c.Add(branded(payment.KindChargeback, "mastercard", fmt.Sprint("o", i), payment.NewDate(2026, 11, 20)))
			}
			r := c.Report()
			mc := r.Rate("card_chargeback_mastercard")
			assert.Equal(t, tt.want, mc.Status)
			assert.False(t, mc.Threshold.Enforced)
			assert.Empty(t, r.Alerts(), "the card lines are advisory")
		})
	}
}

func TestChargebackParts(t *testing.T) {
	cb := branded(payment.KindChargeback, "visa", "v1", inside)
	won := branded(payment.KindChargebackReversal, "visa", "v1", inside.AddDays(3))
	second := branded(payment.KindSecondChargeback, "visa", "v1", inside.AddDays(9))
	r := count(branded(payment.KindCapture, "visa", "v1", inside), cb, won, won, second)
	for _, name := range []string{CardChargeback, "card_chargeback_visa"} {
		x := r.Rate(name)
		assert.Equal(t, 1, x.Numerator, name)
		assert.Equal(t, map[string]int{PartChargebackReversals: 1, PartSecondChargebacks: 1}, partCounts(x), name)
		for _, p := range x.Parts {
			assert.False(t, p.Counted)
			assert.Equal(t, Numerator, p.Side)
		}
	}
}

// TestReportTwice: Report does not change what was counted.
func TestReportTwice(t *testing.T) {
	c := NewCounter(window)
	reversal := debit("r", inside)
	reversal.Kind = payment.KindReversal
	for _, ev := range []*payment.Event{returned("r", "R01", inside), reversal,
		card(payment.KindChargeback, "stripe", "p", inside), branded(payment.KindCapture, "visa", "p", inside)} {
		c.Add(ev)
	}
	first, second := c.Report(), c.Report()
	assert.Equal(t, first, second)
	assert.Equal(t, 1, partCounts(first.Rate(ACHOverall))[PartReturnsOfReversals])
	assert.Equal(t, 1, first.Rate("card_chargeback_visa").Numerator)
}
