// Package explain turns codes and events into plain language: what a code
// means, what to tell the customer, what to do next, and what an event's
// dates mean for the people handling it.
//
// The facts come from the rail packages' catalogs (ach for Nacha return
// and change codes, cards for card response and dispute reason codes,
// wires/reason for wire return, rejection, recall and Fedwire error
// codes); this package gives them one shape for every scheme so that
// commands can look up any code without knowing its rail.
package explain

import (
	"slices"
	"strings"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/cards"
	"github.com/payinv/payinv/payment"
)

// Schemes payinv knows, as used in --scheme flags and JSON.
const (
	SchemeNachaReturn = "nacha_return"
	SchemeNachaChange = "nacha_change"
	// Card response (decline) codes.
	SchemeISO8583       = cards.SchemeISO8583
	SchemeStripeDecline = cards.SchemeStripeDecline
	SchemeBraintree     = cards.SchemeBraintree
	SchemeCheckout      = cards.SchemeCheckout
	SchemeAdyenRefusal  = cards.SchemeAdyenRefusal
	// Card dispute (chargeback) reason codes, by network.
	SchemeVisa          = cards.NetworkVisa
	SchemeMastercard    = cards.NetworkMastercard
	SchemeAmex          = cards.NetworkAmex
	SchemeDiscover      = cards.NetworkDiscover
	SchemeStripeDispute = cards.SchemeStripeDispute
)

// Schemes lists the code schemes in the order they are shown: the Nacha
// schemes, then DeclineSchemes, DisputeSchemes and WireSchemes.
var Schemes = slices.Concat([]string{SchemeNachaReturn, SchemeNachaChange}, DeclineSchemes, DisputeSchemes, WireSchemes)

// DeclineSchemes are the schemes of card response (decline) codes.
var DeclineSchemes = []string{SchemeISO8583, SchemeStripeDecline, SchemeBraintree, SchemeCheckout, SchemeAdyenRefusal}

// DisputeSchemes are the schemes of card dispute (chargeback) reasons.
var DisputeSchemes = []string{SchemeVisa, SchemeMastercard, SchemeAmex, SchemeDiscover, SchemeStripeDispute}

// SchemeTitle names a scheme for people: "Nacha return reason code".
func SchemeTitle(scheme string) string {
	switch scheme {
	case SchemeNachaReturn:
		return "Nacha return reason code"
	case SchemeNachaChange:
		return "Nacha change code, for notifications of change"
	case SchemeISO8583:
		return "ISO 8583 issuer response code, shared by Visa and Mastercard"
	case SchemeStripeDecline:
		return "Stripe decline code"
	case SchemeBraintree:
		return "Braintree processor response code"
	case SchemeCheckout:
		return "Checkout.com response code"
	case SchemeAdyenRefusal:
		return "Adyen refusal reason"
	case SchemeVisa:
		return "Visa dispute reason code"
	case SchemeMastercard:
		return "Mastercard chargeback reason code"
	case SchemeAmex:
		return "American Express chargeback reason code"
	case SchemeDiscover:
		return "Discover dispute reason code"
	case SchemeStripeDispute:
		return "Stripe dispute reason"
	}
	if t := wireSchemeTitle(scheme); t != "" {
		return t
	}
	return scheme
}

// Code is a code of any scheme, explained.
type Code struct {
	Scheme string
	Code   string
	Title  string
	// Known is false for a code that is not part of its scheme (a bank's
	// private "R97"); Meaning then says so.
	Known bool
	// Meaning is for the analyst; Customer is one sentence fit for a reply
	// to the customer; Action is the next step for operations.
	Meaning  string
	Customer string
	Action   string
	// Sensitive codes are not explained to customers by an automatic
	// message; Customer holds a neutral sentence.
	Sensitive bool
	// Facts are the scheme's particulars, in display order.
	Facts []Fact
}

// Fact is one particular of a code: Key and Value are for machines
// (JSON), Label and Text for people.
type Fact struct {
	Key   string
	Label string
	Value any // string or bool
	Text  string
}

// Lookup finds code in the catalogs; with scheme set, only in that one.
// Without a scheme a code may be found in several (a bare "05" is the ISO
// 8583 "do not honor" and Adyen's refusal 5 "Blocked Card"; "C05" a Nacha
// change code and an Amex chargeback reason; "AC04" a wire return, status
// and recall-refusal reason): every one is returned, in scheme order. A
// code no catalog knows but whose shape belongs to a Nacha scheme ("R97")
// or is a Fedwire error's ("E999") comes back with Known false, explained
// as such (a Fedwire code by its category). nil means the code is not of
// any known shape.
func Lookup(code, scheme string) []Code {
	code = strings.TrimSpace(code)
	upper := strings.ToUpper(code)
	in := func(s string) bool { return scheme == "" || scheme == s }
	var out []Code
	if in(SchemeNachaReturn) {
		if c, ok := ach.LookupReturnCode(upper); ok {
			out = append(out, fromReturn(c))
		}
	}
	if in(SchemeNachaChange) {
		if c, ok := ach.LookupChangeCode(upper); ok {
			out = append(out, fromChange(c))
		}
	}
	for _, c := range cards.LookupResponse(code, "") {
		if in(c.Scheme) {
			out = append(out, fromResponse(c))
		}
	}
	for _, c := range cards.LookupDispute(code, "") {
		if in(c.Network) {
			out = append(out, fromDispute(c))
		}
	}
	out = append(out, lookupWire(upper, in)...)
	if len(out) > 0 {
		return out
	}
	switch {
	case in(SchemeNachaReturn) && nachaShaped(upper, 'R'):
		return []Code{unknownNacha(SchemeNachaReturn, upper)}
	case in(SchemeNachaChange) && nachaShaped(upper, 'C'):
		return []Code{unknownNacha(SchemeNachaChange, upper)}
	}
	if c, ok := unknownWire(upper, scheme); ok {
		return []Code{c}
	}
	return nil
}

// All returns every code of a scheme, or of every scheme when scheme is
// empty, in catalog order.
func All(scheme string) []Code {
	var out []Code
	if scheme == "" || scheme == SchemeNachaReturn {
		for _, c := range ach.ReturnCodes() {
			out = append(out, fromReturn(c))
		}
	}
	if scheme == "" || scheme == SchemeNachaChange {
		for _, c := range ach.ChangeCodes() {
			out = append(out, fromChange(c))
		}
	}
	for _, c := range cards.ResponseCodes() {
		if scheme == "" || c.Scheme == scheme {
			out = append(out, fromResponse(c))
		}
	}
	for _, c := range cards.DisputeCodes() {
		if scheme == "" || c.Network == scheme {
			out = append(out, fromDispute(c))
		}
	}
	return append(out, wireCodes(scheme)...)
}

// ValidScheme reports whether s names a scheme.
func ValidScheme(s string) bool { return slices.Contains(Schemes, s) }

func nachaShaped(code string, letter byte) bool {
	return len(code) == 3 && code[0] == letter && code[1] >= '0' && code[1] <= '9' && code[2] >= '0' && code[2] <= '9'
}

func unknownNacha(scheme, code string) Code {
	what := "return reason"
	if scheme == SchemeNachaChange {
		what = "change"
	}
	return Code{
		Scheme:   scheme,
		Code:     code,
		Known:    false,
		Meaning:  code + " is not a Nacha " + what + " code. Some banks use private codes in their files; the rules give it no meaning.",
		Customer: "There was a processing problem between the banks handling this transfer; we are working on it and will contact you if we need anything.",
		Action:   "Ask our bank (the ODFI) what " + code + " means and how it is treated; until then handle the entry by hand and do not retry automatically.",
	}
}

func fromReturn(c ach.ReturnCode) Code {
	facts := []Fact{
		{Key: "initiator", Label: "Sent by", Value: c.Initiator, Text: initiatorText(c.Initiator)},
		{Key: "time_frame", Label: "Time frame", Value: string(c.TimeFrame), Text: c.TimeFrame.Describe()},
		{Key: "rate_category", Label: "Counts toward", Value: string(c.Category), Text: c.Category.Describe()},
		{Key: "reinitiation", Label: "Sending again", Value: string(c.Reinitiation), Text: c.Reinitiation.Describe()},
		{Key: "written_statement", Label: "Written statement", Value: c.WrittenStatement, Text: yesNo(c.WrittenStatement,
			"required: the customer signs a Written Statement of Unauthorized Debit", "not required")},
		{Key: "status", Label: "Status", Value: string(c.Status), Text: statusText(string(c.Status), c.EffectiveFrom, c.RetiredOn)},
	}
	return Code{
		Scheme: SchemeNachaReturn, Code: c.Code, Title: c.Title, Known: true,
		Meaning: c.Meaning, Customer: c.Customer, Action: c.Action, Sensitive: c.Sensitive,
		Facts: facts,
	}
}

func fromChange(c ach.ChangeCode) Code {
	facts := []Fact{
		{Key: "corrected_data", Label: "Corrected data", Value: c.CorrectedData, Text: c.CorrectedData},
		{Key: "refused", Label: "Refused NOC", Value: c.Refused, Text: yesNo(c.Refused,
			"yes: sent by the originating bank to refuse a notification of change", "no")},
		{Key: "status", Label: "Status", Value: string(c.Status), Text: statusText(string(c.Status), "", c.RetiredOn)},
	}
	return Code{
		Scheme: SchemeNachaChange, Code: c.Code, Title: c.Title, Known: true,
		Meaning: c.Meaning, Customer: c.Customer, Action: c.Action,
		Facts: facts,
	}
}

func initiatorText(who string) string {
	switch who {
	case "RDFI":
		return "RDFI (the customer's bank)"
	case "ODFI":
		return "ODFI (our bank)"
	case "ACH Operator":
		return "ACH Operator (the Federal Reserve or EPN)"
	case "Gateway":
		return "Gateway (the bank that moves international entries in and out of the US)"
	}
	return who
}

func statusText(status, from, retired string) string {
	switch status {
	case string(ach.Future):
		return "not yet in force: effective " + from
	case string(ach.Retired):
		if retired != "" {
			return "retired on " + retired + "; may still appear in old files"
		}
		return "retired; may still appear in old files"
	}
	return "current"
}

func yesNo(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// ForEvent returns the explanation of what an event carries: its reason
// code, or for a reversal (which carries none) what a reversal is. ok is
// false for events with nothing to explain.
func ForEvent(ev *payment.Event) (Code, bool) {
	if ev.Kind == payment.KindReversal {
		return reversal, true
	}
	if ev.Reason == nil {
		return Code{}, false
	}
	if found := Lookup(ev.Reason.Code, ev.Reason.Scheme); len(found) > 0 {
		return found[0], true
	}
	return Code{}, false
}

var reversal = Code{
	Scheme: "nacha_reversal",
	Code:   "REVERSAL",
	Title:  "Reversing entry",
	Known:  true,
	Meaning: "The originator sent this entry to undo an earlier one it made in error: a duplicate, the wrong account, " +
		"the wrong amount or the wrong date. It carries the same SEC code, company and amount as the entry it undoes, " +
		"with the opposite debit or credit, in a batch described REVERSAL.",
	Customer: "We corrected an error in an earlier transfer to your account, so you will see that transfer undone.",
	Action: "Check that the reversal was for a permitted reason (a reversal to recover funds for any other reason is not allowed), " +
		"that it settled within 5 banking days of the erroneous entry, and that the customer was told no later than its settlement date. " +
		"The customer's bank may return an improper reversal (R11 for a consumer, R17 otherwise), and a reversing debit can itself come back unpaid.",
}
