// Package match reconciles the company's deposit and withdrawal records
// with the evidence from the rails.
//
// It works in three steps, none of which depends on the order records or
// events arrive in:
//
//  1. Events are linked into stories: a payment and everything that later
//     happened to it (a return, a NOC, a dishonor and its contest, a
//     reversal; for cards a refund or a chargeback; for wires a return).
//  2. Records are matched to stories one to one, first by reference (the
//     ACH individual ID or trace, and later processor ids, ARNs, UETRs …),
//     then by amount, direction, a banking-day date window and the
//     similarity of name and account digits, scored. A candidate that ties
//     with another is reported as ambiguous, never guessed.
//  3. Every record gets a status from its story (matched, returned,
//     reversed …), or missing / pending / ambiguous when it has none, and
//     the record's own status is compared with what the evidence says.
//     Stories no record claims are unexpected.
package match

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// Evidence is what matching keeps of one event: about 300 bytes, so that a
// million events fit in memory next to a million records.
type Evidence struct {
	Rail      payment.Rail
	Kind      payment.Kind
	Direction payment.Direction
	Amount    decimal.Decimal
	Currency  string
	// Date is the event's settlement date, or its effective date when it
	// has none.
	Date payment.Date

	// refs holds first the references that identify the event itself
	// ("trace", "individual_id", "uetr", "psp_id" …), nOwn of them, then
	// those naming the payment it answers.
	refs []Ref
	nOwn uint8

	Name    string
	Account string // full number: compared, then masked on output
	Routing string

	Code       string // reason code, if any
	CodeScheme string
	Source     payment.Source

	day    int32  // Date as YYYYMMDD, for sorting
	refBuf [2]Ref // holds Refs and Originals for most events, saving an allocation
}

// evidenceOf keeps what matching needs of an event, in e.
func evidenceOf(ev *payment.Event, e *Evidence) *Evidence {
	*e = Evidence{
		Rail:      ev.Rail,
		Kind:      ev.Kind,
		Direction: ev.Direction,
		Amount:    ev.Amount,
		Currency:  ev.Currency,
		Date:      ev.SettlementDate,
		Name:      ev.Party.Name,
		Account:   ev.Party.Account,
		Routing:   ev.Party.Routing,
		Source:    ev.Source,
	}
	if e.Date.IsZero() {
		e.Date = ev.EffectiveDate
	}
	if ev.Reason != nil {
		e.Code, e.CodeScheme = ev.Reason.Code, ev.Reason.Scheme
	}
	refs := e.refBuf[:0]
	ev.Refs.Each(func(name, value string) { refs = append(refs, Ref{name, value}) })
	e.nOwn = uint8(len(refs))
	ev.Refs.EachOriginal(func(name, value string) { refs = append(refs, Ref{name, value}) })
	e.refs = refs
	e.day = int32(e.Date.Year*10000 + int(e.Date.Month)*100 + e.Date.Day)
	return e
}

// evidenceBlock hands out Evidence from blocks, so that a million events
// cost a few hundred allocations rather than a million.
type evidenceBlock struct{ free []Evidence }

func (b *evidenceBlock) next() *Evidence {
	if len(b.free) == 0 {
		b.free = make([]Evidence, 1024)
	}
	e := &b.free[0]
	b.free = b.free[1:]
	return e
}

// Ref is one reference: its name, as in the event's JSON, and its value.
type Ref struct {
	Name  string
	Value string
}

// Refs are the references that identify the event itself.
func (e *Evidence) Refs() []Ref { return e.refs[:e.nOwn] }

// Originals are the references naming the payment the event answers.
func (e *Evidence) Originals() []Ref { return e.refs[e.nOwn:] }

// Ref returns the value of the event's reference called name, or "".
func (e *Evidence) Ref(name string) string {
	for _, r := range e.Refs() {
		if r.Name == name {
			return r.Value
		}
	}
	return ""
}

// Original returns the value of the original reference called name, or "".
func (e *Evidence) Original(name string) string {
	for _, r := range e.Originals() {
		if r.Name == name {
			return r.Value
		}
	}
	return ""
}

// Day is the date an event happened on for matching and ordering: its
// settlement date, or its effective date when it has none.
func (e *Evidence) Day() payment.Date { return e.Date }

// isForward reports whether the event is a payment attempt of its own (a
// payment, prenote, card authorization, capture or decline) rather than an
// answer to an earlier one.
func (e *Evidence) isForward() bool {
	switch e.Kind {
	case payment.KindPayment, payment.KindPrenote, payment.KindAuthorization, payment.KindCapture, payment.KindDecline:
		return true
	}
	return false
}

// last4 returns the last four digits of the event's account.
func (e *Evidence) last4() string { return lastFour(e.Account) }

func lastFour(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= 4 {
		return s
	}
	return s[len(s)-4:]
}

// normalizeRef makes references comparable: trimmed, upper case.
func normalizeRef(s string) string {
	return strings.ToUpper(strings.TrimSpace(s))
}
