package rates

import (
	"cmp"
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// tally is a count with its amounts and, for a numerator, its codes.
type tally struct {
	count   int
	amounts map[string]decimal.Decimal
	codes   map[[2]string]*codeTally
}

type codeTally struct {
	Code
	amounts map[string]decimal.Decimal
}

func (t *tally) add(ev *payment.Event, code *Code) {
	t.addAmount(ev.Amount, ev.Currency, code)
}

func (t *tally) addAmount(amount decimal.Decimal, currency string, code *Code) {
	t.count++
	t.amounts = addMoney(t.amounts, amount, currency)
	if code == nil {
		return
	}
	if t.codes == nil {
		t.codes = map[[2]string]*codeTally{}
	}
	key := [2]string{code.Scheme, code.Code}
	ct := t.codes[key]
	if ct == nil {
		ct = &codeTally{Code: *code}
		t.codes[key] = ct
	}
	ct.Count++
	ct.amounts = addMoney(ct.amounts, amount, currency)
}

// clone returns a copy that can be added to without changing t.
func (t *tally) clone() *tally {
	out := &tally{count: t.count, amounts: maps.Clone(t.amounts)}
	if t.codes != nil {
		out.codes = make(map[[2]string]*codeTally, len(t.codes))
		for k, ct := range t.codes {
			cp := *ct
			cp.amounts = maps.Clone(ct.amounts)
			out.codes[k] = &cp
		}
	}
	return out
}

func addMoney(m map[string]decimal.Decimal, amount decimal.Decimal, currency string) map[string]decimal.Decimal {
	if m == nil {
		m = map[string]decimal.Decimal{}
	}
	m[currency] = m[currency].Add(amount)
	return m
}

func moneyList(m map[string]decimal.Decimal) []payment.Money {
	out := make([]payment.Money, 0, len(m))
	for cur, amt := range m {
		out = append(out, payment.Money{Amount: amt, Currency: cur})
	}
	slices.SortFunc(out, func(a, b payment.Money) int { return cmp.Compare(a.Currency, b.Currency) })
	return out
}

// codeList is the codes most frequent first, then by scheme and code.
func (t *tally) codeList() []Code {
	out := make([]Code, 0, len(t.codes))
	for _, ct := range t.codes {
		c := ct.Code
		c.Amounts = moneyList(ct.amounts)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Code) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Scheme, b.Scheme), cmp.Compare(a.Code, b.Code))
	})
	return out
}

// Keys of the parts, in the order a rate lists them. They are part of the
// JSON and CSV contract.
const (
	// Denominator of the ACH rates.
	PartReversals   = "reversals"
	PartReinitiated = "reinitiated"
	PartPrenotes    = "prenotes"
	PartZeroDollar  = "zero_dollar"
	PartRCK         = "rck"
	// Numerator of the ACH rates.
	PartReturnsOfReversals   = "returns_of_reversals"
	PartReturnsOfReinitiated = "returns_of_reinitiated"
	PartReturnsOfCredits     = "returns_of_credits"
	PartReturnsOfNonValue    = "returns_of_non_value"
	PartRCKReturns           = "rck_returns"
	PartDishonoredReturns    = "dishonored_returns"
	// Numerator of the chargeback rates.
	PartChargebackReversals = "chargeback_reversals"
	PartSecondChargebacks   = "second_chargebacks"
)

type partInfo struct {
	key, side string
	counted   bool
	title     string
}

// partInfos are the parts, in order. The titles say what the Nacha rules
// and the networks' programs count: see the package documentation.
var partInfos = []partInfo{
	{PartReversals, Denominator, true, "reversing entries (batch REVERSAL) that debit the receiver: debit Entries the company originated, counted"},
	{PartReinitiated, Denominator, true, "reinitiated entries (batch RETRY PYMT): each is a new debit Entry, counted"},
	{PartPrenotes, Denominator, false, "prenotes: non-value entries that move no money, left out"},
	{PartZeroDollar, Denominator, false, "zero-dollar entries: non-value, left out"},
	{PartRCK, Denominator, false, "RCK entries: left out of the overall rate, as the rule allows"},
	{PartReturnsOfReversals, Numerator, true, "returns of reversing entries (R11/R17 for an improper reversal, R01 ...): returns of debit Entries, counted"},
	{PartReturnsOfReinitiated, Numerator, true, "returns of reinitiated entries: counted, each attempt apart"},
	{PartReturnsOfCredits, Numerator, false, "returns of credit entries (withdrawals, credit reversals): the rates measure debits, left out"},
	{PartReturnsOfNonValue, Numerator, false, "returns of prenotes and zero-dollar entries (amount 0.00): left out with them"},
	{PartRCKReturns, Numerator, false, "returns of RCK entries: left out of the overall rate, as the rule allows"},
	{PartDishonoredReturns, Numerator, false, "dishonored and contested returns: answers to a return; the return counted when it came and is not taken back"},
	{PartChargebackReversals, Numerator, false, "chargebacks reversed (won back): the networks count a chargeback when it is received, winning it does not take it back"},
	{PartSecondChargebacks, Numerator, false, "second chargebacks (pre-arbitration): the same dispute, counted once as its first chargeback"},
}

// partSet tallies parts by key.
type partSet map[string]*tally

func (s partSet) add(key string, amount decimal.Decimal, currency string) {
	t := s[key]
	if t == nil {
		t = &tally{}
		s[key] = t
	}
	t.addAmount(amount, currency, nil)
}

func (s partSet) clone() partSet {
	out := make(partSet, len(s))
	for k, t := range s {
		out[k] = t.clone()
	}
	return out
}

// list returns the parts of at least one event, in partInfos order.
func (s partSet) list() []Part {
	var out []Part
	for _, info := range partInfos {
		if t := s[info.key]; t != nil && t.count > 0 {
			out = append(out, Part{Key: info.key, Side: info.side, Counted: info.counted, Title: info.title,
				Count: t.count, Amounts: moneyList(t.amounts)})
		}
	}
	return out
}
