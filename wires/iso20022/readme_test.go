package iso20022

import (
	"strings"

	"github.com/payinv/payinv/payment"
)

// The cells of the event table in fixtures/wires/iso/README.md, as the
// fixture test writes them from an event.

// refsCell lists the event's own references: "name value; …".
func refsCell(ev *payment.Event) string {
	var parts []string
	ev.Refs.Each(func(name, value string) { parts = append(parts, name+" "+value) })
	return strings.Join(parts, "; ")
}

// originalsCell lists the references to the payment an answer is about.
func originalsCell(ev *payment.Event) string {
	var parts []string
	ev.Refs.EachOriginal(func(name, value string) { parts = append(parts, name+" "+value) })
	return strings.Join(parts, "; ")
}

// partyCell is the customer: "name / account / routing".
func partyCell(ev *payment.Event) string {
	p := ev.Party
	if p == (payment.Party{}) {
		return ""
	}
	return p.Name + " / " + p.Account + " / " + p.Routing
}

// reasonCell is "scheme code".
func reasonCell(ev *payment.Event) string {
	if ev.Reason == nil {
		return ""
	}
	return ev.Reason.Scheme + " " + ev.Reason.Code
}

// wireCell is the network, in or out, and the status, case and return id
// when the message has them: "fedwire in CNCL case CASE-1".
func wireCell(ev *payment.Event) string {
	w := ev.Wire
	dir := "out"
	if w.Inbound {
		dir = "in"
	}
	parts := []string{w.Network, dir}
	if w.Status != "" {
		parts = append(parts, w.Status)
	}
	if w.CaseID != "" {
		parts = append(parts, "case "+w.CaseID)
	}
	if w.ReturnID != "" {
		parts = append(parts, "return "+w.ReturnID)
	}
	return strings.Join(parts, " ")
}
