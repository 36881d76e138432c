package rates

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/cards"
	"github.com/payinv/payinv/payment"
)

// UnknownNetwork names the chargeback rate of the captures and
// chargebacks whose card network no input tells.
const UnknownNetwork = "unknown"

// mastercardThreshold is the Chargeback-Monitored Merchant line of
// Mastercard's Excessive Chargeback Program: a chargeback-to-transaction
// ratio "in excess of 100 basis points and at least 100 chargebacks in a
// calendar month", the ratio being "the number of Mastercard chargebacks
// received by the Acquirer for a Merchant in a calendar month divided by
// the number of the Merchant's Mastercard sales Transactions in the
// preceding month". (An Excessive Chargeback Merchant has at least 150
// basis points and 100 chargebacks in each of two consecutive months.)
// Source: Mastercard Security Rules and Procedures, "Excessive Chargeback
// Program, ECP Definitions", as reproduced at
// https://1library.net/article/excessive-chargeback-program-mastercard-fraud-control-programs.ynmjxp0z
// and in https://kb.ccbill.com/MasterCard+Excessive+Chargeback+Program
// (same words) and Adyen's Mastercard ECP guide (2012); the edition of the
// reproduced rulebook is not dated, and ../shared/reference does not state
// it, so the line is advisory: it warns and never changes the exit status.
var mastercardThreshold = &Threshold{
	Percent: decimal.New(1, 0), Source: "Mastercard Excessive Chargeback Program: Chargeback-Monitored Merchant",
	Exceed: true, MinCount: 100,
}

// networkRule is how a network's chargeback rate is measured.
type networkRule struct {
	title string
	// lag: the denominator is the sales of the window one month earlier.
	lag       bool
	threshold *Threshold
}

// ruleOf returns the rule of a network's chargeback rate.
//
// Visa: no threshold. Its Acquirer Monitoring Program (VAMP, since April
// 2025) divides fraud reports (TC40) plus disputes (TC15) by the month's
// settled card-not-present sales (TC05); processor exports carry neither
// the fraud reports nor, reliably, the card-not-present flag, so the rate
// here (first chargebacks over captures of the same window) is not the
// VAMP ratio, and its thresholds (from processors' pages, not a Visa
// document payinv could read) are not applied. American Express and
// Discover: no published line was found.
func ruleOf(network string) networkRule {
	switch network {
	case cards.NetworkVisa:
		return networkRule{title: "Visa chargeback rate"}
	case cards.NetworkMastercard:
		return networkRule{title: "Mastercard chargeback rate", lag: true, threshold: mastercardThreshold}
	case cards.NetworkAmex:
		return networkRule{title: "American Express chargeback rate"}
	case cards.NetworkDiscover:
		return networkRule{title: "Discover chargeback rate"}
	case UnknownNetwork:
		return networkRule{title: "Chargeback rate, card network unknown"}
	}
	return networkRule{title: "Chargeback rate, " + network}
}

// networkOrder sorts networks: Visa, Mastercard, American Express,
// Discover, the others by name, unknown last.
func networkOrder(a, b string) int {
	rank := func(n string) int {
		switch n {
		case cards.NetworkVisa:
			return 0
		case cards.NetworkMastercard:
			return 1
		case cards.NetworkAmex:
			return 2
		case cards.NetworkDiscover:
			return 3
		case UnknownNetwork:
			return 5
		}
		return 4
	}
	return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b))
}

// brandNetwork returns the network a card brand's payments and
// chargebacks go over (as package cards has it: Maestro over Mastercard,
// Diners Club over Discover in the US), the brand itself for others,
// made fit for a rate name; "" for no brand.
func brandNetwork(brand string) string {
	b := strings.ToLower(strings.TrimSpace(brand))
	switch b {
	case "":
		return ""
	case "maestro":
		return cards.NetworkMastercard
	case "diners":
		return cards.NetworkDiscover
	}
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, b)
}

// cardNetwork returns the network of a card event: a chargeback's dispute
// network, else its card's brand's; "" when the event does not say.
func cardNetwork(ev *payment.Event) string {
	if ev.Card == nil {
		return ""
	}
	switch d := strings.ToLower(strings.TrimSpace(ev.Card.DisputeNetwork)); d {
	case cards.NetworkVisa, cards.NetworkMastercard, cards.NetworkAmex, cards.NetworkDiscover:
		return d
	}
	return brandNetwork(ev.Card.Brand)
}

// What a card event adds to its network's counts.
const (
	netCapture    = iota // a capture of the window
	netLagCapture        // a capture of the month before
	netChargeback        // a first chargeback of the window
	netPart              // a chargeback part (reversal, second chargeback)
)

type netCounts struct {
	captures, lagCaptures, chargebacks tally
	parts                              partSet
}

func (n *netCounts) clone() *netCounts {
	return &netCounts{captures: *n.captures.clone(), lagCaptures: *n.lagCaptures.clone(),
		chargebacks: *n.chargebacks.clone(), parts: n.parts.clone()}
}

func (n *netCounts) add(what int, part string, amount decimal.Decimal, currency string, code *Code) {
	switch what {
	case netCapture:
		n.captures.addAmount(amount, currency, nil)
	case netLagCapture:
		n.lagCaptures.addAmount(amount, currency, nil)
	case netChargeback:
		n.chargebacks.addAmount(amount, currency, code)
	case netPart:
		n.parts.add(part, amount, currency)
	}
}

// pendingCard is a capture or chargeback whose event named no network,
// told at Report time from another event of the same payment.
type pendingCard struct {
	payment  string
	what     int
	part     string
	amount   decimal.Decimal
	currency string
	code     *Code
}

type cardCounts struct {
	attempts, declines  tally
	captures, chargebks tally
	approved            map[string]bool
	parts               partSet
	networks            map[string]*netCounts
	// brands are the networks of the payments of the window and of the
	// month before, by payment key.
	brands  map[string]string
	pending []pendingCard
}

func (k *cardCounts) init() {
	k.approved, k.parts, k.networks, k.brands = map[string]bool{}, partSet{}, map[string]*netCounts{}, map[string]string{}
}

func (k *cardCounts) network(name string) *netCounts {
	n := k.networks[name]
	if n == nil {
		n = &netCounts{parts: partSet{}}
		k.networks[name] = n
	}
	return n
}

// cardDay is the day a card event counts on: the processor's date of the
// event (its effective date), else its settlement (payout) date, so that a
// payment two exports list lands on the same day in both.
func cardDay(ev *payment.Event) payment.Date {
	if !ev.EffectiveDate.IsZero() {
		return ev.EffectiveDate
	}
	return ev.SettlementDate
}

// cardKey tells card payments apart by processor and payment id (the ARN,
// or the source position, when there is none).
func cardKey(prefix string, ev *payment.Event) string {
	processor := ""
	if ev.Card != nil {
		processor = ev.Card.Processor
	}
	switch {
	case ev.Refs.PSPID != "":
		return prefix + "|" + processor + "|" + ev.Refs.PSPID
	case ev.Refs.ARN != "":
		return prefix + "|arn|" + ev.Refs.ARN
	}
	return prefix + "@" + ev.Source.String()
}

func (c *Counter) addCard(ev *payment.Event) {
	day := cardDay(ev)
	inWindow, inLag := c.window.Contains(day), c.lag.Contains(day)
	if !inWindow && !inLag {
		return
	}
	k := &c.card
	pay := cardKey("", ev)
	network := cardNetwork(ev)
	if network != "" && !strings.HasPrefix(pay, "@") {
		k.brands[pay] = network
	}
	toNetwork := func(what int, part string, code *Code) {
		if network == "" {
			k.pending = append(k.pending, pendingCard{payment: pay, what: what, part: part, amount: ev.Amount, currency: ev.Currency, code: code})
			return
		}
		k.network(network).add(what, part, ev.Amount, ev.Currency, code)
	}
	switch ev.Kind {
	case payment.KindAuthorization, payment.KindCapture:
		if inWindow {
			// An approved attempt counts once, whether the exports show
			// its authorization, its capture or both.
			if key := cardKey("approved", ev); !k.approved[key] {
				k.approved[key] = true
				k.attempts.add(ev, nil)
			}
			if ev.Kind == payment.KindCapture && c.once(cardKey("capture", ev)) {
				k.captures.add(ev, nil)
				toNetwork(netCapture, "", nil)
			}
		}
		if inLag && ev.Kind == payment.KindCapture && c.once(cardKey("lagcapture", ev)) {
			toNetwork(netLagCapture, "", nil)
		}
	case payment.KindDecline:
		if !inWindow || !c.once(cardKey("decline", ev)) {
			return
		}
		code := declineCode(ev)
		k.declines.add(ev, &code)
		k.attempts.add(ev, nil)
	case payment.KindChargeback:
		// The first chargeback of a payment; its reversal or a second
		// chargeback does not undo or repeat it (the networks count
		// disputes as they are received).
		if !inWindow || !c.once(cardKey("chargeback", ev)) {
			return
		}
		code := disputeCode(ev)
		k.chargebks.add(ev, &code)
		toNetwork(netChargeback, "", &code)
	case payment.KindChargebackReversal, payment.KindSecondChargeback:
		if !inWindow || !c.once(cardKey(string(ev.Kind), ev)) {
			return
		}
		part := PartChargebackReversals
		if ev.Kind == payment.KindSecondChargeback {
			part = PartSecondChargebacks
		}
		k.parts.add(part, ev.Amount, ev.Currency)
		toNetwork(netPart, part, nil)
	}
}

func declineCode(ev *payment.Event) Code {
	var code Code
	if r := ev.Reason; r != nil && r.Code != "" {
		code = Code{Scheme: r.Scheme, Code: r.Code, Title: r.Title}
	} else if d := ev.Card; d != nil {
		code = Code{Scheme: d.ResponseScheme, Code: d.ResponseCode}
	}
	if code.Title == "" && code.Code != "" {
		if found := cards.LookupResponse(code.Code, code.Scheme); len(found) > 0 {
			code.Title = found[0].Title
		}
	}
	return code
}

func disputeCode(ev *payment.Event) Code {
	var code Code
	if d := ev.Card; d != nil && d.DisputeReason != "" {
		code = Code{Scheme: d.DisputeNetwork, Code: d.DisputeReason}
	} else if r := ev.Reason; r != nil {
		code = Code{Scheme: r.Scheme, Code: r.Code, Title: r.Title}
	}
	if r := ev.Reason; r != nil && r.Code == code.Code && r.Title != "" {
		code.Title = r.Title
	}
	if code.Title == "" && code.Code != "" {
		if found := cards.LookupDispute(code.Code, code.Scheme); len(found) > 0 {
			code.Title = found[0].Title
		}
	}
	return code
}

func (c *Counter) cardRates() []*Rate {
	k := &c.card
	parts := k.parts.clone()
	out := []*Rate{
		c.newRate(CardDecline, payment.RailCard, "Card decline rate", &k.declines, &k.attempts, nil, nil),
		c.newRate(CardChargeback, payment.RailCard, "Card chargeback rate", &k.chargebks, &k.captures, chargebackThreshold, &parts),
	}
	networks := make(map[string]*netCounts, len(k.networks))
	for name, n := range k.networks {
		networks[name] = n.clone()
	}
	for _, p := range k.pending {
		name := k.brands[p.payment]
		if name == "" || strings.HasPrefix(p.payment, "@") {
			name = UnknownNetwork
		}
		n := networks[name]
		if n == nil {
			n = &netCounts{parts: partSet{}}
			networks[name] = n
		}
		n.add(p.what, p.part, p.amount, p.currency, p.code)
	}
	names := make([]string, 0, len(networks))
	for name := range networks {
		names = append(names, name)
	}
	slices.SortFunc(names, networkOrder)
	for _, name := range names {
		n, rule := networks[name], ruleOf(name)
		den, from := &n.captures, c.window
		if rule.lag {
			den, from = &n.lagCaptures, c.lag
		}
		if den.count == 0 && n.chargebacks.count == 0 && len(n.parts.list()) == 0 {
			continue
		}
		r := c.newRate(CardChargebackPrefix+name, payment.RailCard, rule.title, &n.chargebacks, den, rule.threshold, &n.parts)
		r.Network, r.DenominatorWindow = name, from
		out = append(out, r)
	}
	return out
}
