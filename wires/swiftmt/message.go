package swiftmt

import (
	"fmt"
	"slices"
	"strings"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

// msgCtx is one message being turned into an event: its header, its
// fields, and the problems found on the way (handed out before the
// event).
type msgCtx struct {
	rd     *reader
	m      *rawMessage
	h      header
	fields []field
	ref    string // :20:
	outs   []out
}

// label names the message in problems: "message 3 (MT103 WIR-2611200001)".
func (c *msgCtx) label() string {
	what := ""
	if c.h.mt != "" {
		what = "MT" + c.h.mt
	}
	if c.ref != "" {
		what = strings.TrimSpace(what + " " + c.ref)
	}
	if what == "" {
		return fmt.Sprintf("message %d", c.m.num)
	}
	return fmt.Sprintf("message %d (%s)", c.m.num, what)
}

func (c *msgCtx) problem(line int, format string, args ...any) {
	c.outs = append(c.outs, out{err: payment.Problemf(c.rd.at(line), "%s: %s", c.label(), fmt.Sprintf(format, args...))})
}

func (c *msgCtx) warn(line int, format string, args ...any) {
	c.outs = append(c.outs, out{err: payment.Warningf(c.rd.at(line), "%s: %s", c.label(), fmt.Sprintf(format, args...))})
}

// first returns the first field of fs with tag: with a two-character tag,
// the field of that number in any option ("50" finds 50K).
func first(fs []field, tag string) *field {
	for i := range fs {
		if fs[i].tag == tag || len(tag) == 2 && fs[i].tag[:2] == tag {
			return &fs[i]
		}
	}
	return nil
}

// build reads the message's type and fields and returns its event, or nil
// when it cannot be read (the problem is in c.outs).
func (c *msgCtx) build() *payment.Event {
	m := c.m
	b2 := m.block("2")
	if b2 == nil {
		c.problem(m.line, "no application header {2:...}, so the message type is unknown; the message is skipped")
		return nil
	}
	if p := c.h.parseBlock2(m.content(b2)); p != "" {
		if c.h.badMT2 {
			c.problem(b2.line, "%s; the message is skipped", p)
			return nil
		}
		c.warn(b2.line, "%s", p)
	}
	b4 := m.block("4")
	if b4 == nil || !b4.text {
		c.problem(m.line, "no text block {4:...} with fields; the message is skipped")
		return nil
	}
	var stray string
	var strayLine int
	c.fields, stray, strayLine = splitFields(m.content(b4), b4.textLine, c.fields)
	if f := first(c.fields, "20"); f != nil {
		c.ref = strings.TrimSpace(f.value)
	}
	for _, w := range m.warnings {
		c.warn(w.line, "%s", w.msg)
	}
	if stray != "" {
		c.warn(strayLine, "text before the first field ignored: %q", stray)
	}
	if c.h.uetr != "" && !isUUID(c.h.uetr) {
		c.warn(m.block("3").line, "UETR {121:%s} is not a UUID", c.h.uetr)
	}
	switch c.h.mt {
	case "103":
		return c.payment(FormatMT103)
	case "202":
		if c.h.validation == "COV" || first(c.fields, "50") != nil {
			return c.payment(FormatMT202COV)
		}
		return c.payment(FormatMT202)
	case "199", "299":
		return c.narrative()
	case "900", "910":
		return c.confirmation()
	}
	return c.other()
}

// need20 checks the sender's reference is there.
func (c *msgCtx) need20() bool {
	if c.ref == "" {
		c.problem(c.m.block("4").textLine, "field :20: (the sender's reference) is missing or empty; the message is skipped")
		return false
	}
	return true
}

// need32A reads :32A: from fs; false (with the problem) when it is
// missing or wrong.
func (c *msgCtx) need32A(fs []field) (valueDateAmount, bool) {
	f := first(fs, "32A")
	if f == nil {
		c.problem(c.m.block("4").textLine, "field :32A: (value date, currency and amount) is missing; the message is skipped")
		return valueDateAmount{}, false
	}
	a, err := parse32A(f.value)
	if err != nil {
		c.problem(f.line, "field :32A: %v; the message is skipped", err)
		return valueDateAmount{}, false
	}
	if a.warn != "" {
		c.warn(f.line, "field :32A: %s", a.warn)
	}
	return a, true
}

// money reads an optional currency-and-amount field, reporting a bad one.
func (c *msgCtx) money(f *field) *payment.Money {
	if f == nil {
		return nil
	}
	m, warn, err := parseMoney(f.value)
	if err != nil {
		c.warn(f.line, "field :%s: %v; the field is ignored", f.tag, err)
		return nil
	}
	if warn != "" {
		c.warn(f.line, "field :%s: %s", f.tag, warn)
	}
	return &m
}

// event returns a new event of the message with what every message
// gives: source, sender's reference, related reference, type, direction
// of travel, test flag.
func (c *msgCtx) event(format string, kind payment.Kind) (*payment.Event, *payment.WireDetail) {
	ev, w := newEvent()
	ev.Rail = payment.RailWire
	ev.Format = format
	ev.Kind = kind
	ev.Source = payment.Source{File: c.rd.name, Line: c.m.line}
	ev.Refs.SenderReference = c.ref
	ev.Refs.MessageID = c.ref
	w.Network = Network
	w.MessageType = messageType(c.h.mt)
	if format == FormatMT202COV {
		w.MessageType = "MT202COV"
	}
	w.Inbound = c.h.output
	w.Test = c.h.test
	if f := first(c.fields, "21"); f != nil {
		w.RelatedReference = strings.TrimSpace(f.value)
	}
	return ev, w
}

// messageType names message type mt ("MT103"); the common ones without
// building a string.
func messageType(mt string) string {
	switch mt {
	case "103":
		return "MT103"
	case "202":
		return "MT202"
	case "199":
		return "MT199"
	case "900":
		return "MT900"
	case "910":
		return "MT910"
	}
	return "MT" + mt
}

// formatOf is the event format of message type mt ("mt103").
func formatOf(mt string) string {
	switch mt {
	case "103":
		return FormatMT103
	case "199":
		return FormatMT199
	case "299":
		return FormatMT299
	case "900":
		return FormatMT900
	case "910":
		return FormatMT910
	}
	return "mt" + mt
}

// setValue sets the amount and dates of :32A:.
func setValue(ev *payment.Event, a valueDateAmount) {
	ev.Amount, ev.Currency = a.money.Amount, a.money.Currency
	ev.SettlementDate, ev.EffectiveDate = a.date, a.date
}

// outputDate is the day a received message was delivered (block 2), or
// the zero Date.
func (c *msgCtx) outputDate() payment.Date {
	d, _ := parseDate6(c.h.outDate)
	return d
}

// setParty sets the event's customer side: the creditor of a payment the
// company's bank sent, the debtor of one it received. The routing number
// is the customer's bank's when it is one (9 digits), or the one the
// customer's account line gives as a Fedwire code.
func setParty(ev *payment.Event, debtorABA, creditorABA string) {
	w := ev.Wire
	cust, aba := &w.Creditor, creditorABA
	if w.Inbound {
		cust, aba = &w.Debtor, debtorABA
	}
	ev.Party.Name, ev.Party.Account = cust.Name, cust.Account
	switch {
	case isABA(cust.Agent.ID):
		ev.Party.Routing = cust.Agent.ID
	case aba != "":
		ev.Party.Routing = aba
	}
}

// bankInfo joins the texts for the banks: :23E: instruction codes, then
// the :72: (or :79:) fields given.
func (c *msgCtx) bankInfo(fs ...*field) string {
	var parts []string
	for i := range c.fields {
		if f := &c.fields[i]; f.tag == "23E" {
			parts = append(parts, "23E:"+strings.TrimSpace(f.value))
		}
	}
	for _, f := range fs {
		if f != nil {
			if t := joinLines(f.value); t != "" {
				parts = append(parts, t)
			}
		}
	}
	return strings.Join(parts, " ")
}

// applyGuideline makes a payment message a return or a rejection, as its
// /RETN/ or /REJT/ lines say.
func (c *msgCtx) applyGuideline(ev *payment.Event, g guideline, line int) {
	w := ev.Wire
	for _, n := range g.notes {
		c.warn(line, "field :72: %s", n)
	}
	ev.Kind = g.kind
	scheme := reason.SchemeReturn
	if g.kind == payment.KindRejection {
		scheme = reason.SchemeStatus
	}
	c.setReason(ev, scheme, g.code, g.text)
	orig := g.mref
	if orig == "" {
		orig = w.RelatedReference
	}
	ev.Refs.OriginalSenderReference = orig
	ev.Refs.OriginalEndToEndID = g.tref
	ev.Refs.OriginalUETR = g.uetr
	w.OriginalMessageType = w.MessageType
	// /CHGS/ often repeats the :71F: of the same return: count it once.
	for _, m := range g.charges {
		if !slices.ContainsFunc(w.Charges, func(x payment.Money) bool { return x.Currency == m.Currency && x.Amount.Equal(m.Amount) }) {
			w.Charges = append(w.Charges, m)
		}
	}
	if g.fx != "" && w.FXRate == "" {
		w.FXRate = g.fx
	}
}

// setReason sets the reason of code in scheme, or, with no code, the
// return reason the text states; the text goes in ReasonText.
func (c *msgCtx) setReason(ev *payment.Event, scheme, code, text string) {
	w := ev.Wire
	w.ReasonText = text
	switch {
	case code != "":
		ev.Reason = reason.For(scheme, code)
	case text != "":
		if inferred, ok := reason.Infer(text); ok {
			ev.Reason = reason.For(scheme, inferred)
			w.ReasonInferred = true
		}
	}
}
