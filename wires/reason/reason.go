// Package reason is the catalog of wire reason codes: ISO 20022 return,
// status, cancellation and cancellation-refusal reasons, SWIFT gpi status
// reasons and Fedwire error codes, each with its meaning for the analyst,
// a sentence for the customer and the next action; the status words wire
// messages carry (ACSC, RJCT, CNCL, a FAIM disposition ...); and the
// reading of a reason from the free text of messages that carry none
// (FAIM, MT narratives).
//
// Titles and definitions follow the ISO 20022 External Code Sets
// (iso20022.org), told in our own words; see the scheme files for the
// sources of the others.
package reason

import (
	"slices"
	"strings"

	"github.com/payinv/payinv/payment"
)

// Schemes of wire reason codes, as used in payment.Reason.Scheme, --scheme
// flags and JSON.
const (
	// SchemeReturn is ISO 20022 ExternalReturnReason1Code: pacs.004
	// RtrRsnInf, MT /RETN/, camt.05x return information.
	SchemeReturn = "iso20022_return"
	// SchemeStatus is ISO 20022 ExternalStatusReason1Code: pacs.002
	// StsRsnInf, MT /REJT/.
	SchemeStatus = "iso20022_status"
	// SchemeCancellation is ISO 20022 ExternalCancellationReason1Code:
	// camt.056 CxlRsnInf, MT192 :79:.
	SchemeCancellation = "iso20022_cancellation"
	// SchemeCancellationRefusal is ISO 20022
	// ExternalPaymentCancellationRejection1Code: camt.029 CxlStsRsnInf.
	SchemeCancellationRefusal = "iso20022_cancellation_refusal"
	// SchemeGPI is SWIFT gpi status reasons (G000–G006).
	SchemeGPI = "swift_gpi"
	// SchemeFedwire is the Fedwire Funds Service's own error codes: pacs.002
	// Rsn/Prtry (E433 ...) and FAIM {1130} error category and code.
	SchemeFedwire = "fedwire_error"
)

// Schemes lists the wire schemes in the order they are shown.
var Schemes = []string{SchemeReturn, SchemeStatus, SchemeCancellation, SchemeCancellationRefusal, SchemeGPI, SchemeFedwire}

// Code is a wire reason code explained.
type Code struct {
	Scheme string
	Code   string
	Title  string // the ISO name in words: "Closed account number"
	// Meaning is for the analyst; Customer one calm sentence fit for a
	// reply; Action the next step for operations.
	Meaning  string
	Customer string
	Action   string
	// Sensitive codes (fraud, regulatory, blocked by authorities, deceased)
	// must never be named to a customer: Customer holds a neutral
	// sentence and replies leave the code out.
	Sensitive bool
	// Known is true for a code of the catalog. A Fedwire code the catalog
	// does not list (E999) is still explained from its category letter,
	// with Known false.
	Known bool
	// Category is set for Fedwire codes: the error category the first
	// letter names ("E: data error").
	Category string
}

// catalog is every code, by scheme in Schemes order, each scheme in code
// order; index finds a code's entries by code.
var (
	catalog = slices.Concat(
		build(SchemeReturn, returnCodes),
		build(SchemeStatus, statusCodes),
		build(SchemeCancellation, cancellationCodes),
		build(SchemeCancellationRefusal, refusalCodes),
		build(SchemeGPI, gpiCodes),
		build(SchemeFedwire, fedwireCodes),
	)
	index = indexOf(catalog)
)

func build(scheme string, codes []Code) []Code {
	out := slices.Clone(codes)
	for i := range out {
		out[i].Scheme, out[i].Known = scheme, true
		if scheme == SchemeFedwire {
			out[i].Category = categoryOf(out[i].Code).text()
		}
	}
	slices.SortStableFunc(out, func(a, b Code) int { return strings.Compare(a.Code, b.Code) })
	return out
}

func indexOf(codes []Code) map[string][]Code {
	m := make(map[string][]Code, len(codes))
	for _, c := range codes {
		m[c.Code] = append(m[c.Code], c)
	}
	return m
}

// Lookup finds code in the catalog; with scheme set, only in that scheme.
// Case and surrounding space do not matter. A code found in several
// schemes (AC04 is a return reason, a status reason and a refusal reason)
// comes back once per scheme, in scheme order.
//
// Two codes come back from outside the scheme asked for. The gpi reasons
// (G000–G006) are also ISO status and return reasons: asked for in those
// schemes, they come back as SchemeGPI codes. And a Fedwire-shaped code
// the catalog does not list ("E999": a category letter and three digits,
// or with SchemeFedwire any three characters) comes back with Known false,
// explained from its category, when nothing else matched.
func Lookup(code, scheme string) []Code {
	code = strings.ToUpper(strings.TrimSpace(code))
	var out []Code
	for _, c := range index[code] {
		if scheme == "" || c.Scheme == scheme {
			out = append(out, c)
		}
	}
	if len(out) > 0 {
		return out
	}
	if scheme == SchemeStatus || scheme == SchemeReturn {
		if gpi := Lookup(code, SchemeGPI); len(gpi) > 0 {
			return gpi
		}
	}
	if scheme == "" || scheme == SchemeFedwire {
		if c, ok := unlistedFedwire(code, scheme == SchemeFedwire); ok {
			return []Code{c}
		}
	}
	return nil
}

// Codes returns the catalog of one scheme, or all of it, in display order.
func Codes(scheme string) []Code {
	var out []Code
	for _, c := range catalog {
		if scheme == "" || c.Scheme == scheme {
			out = append(out, c)
		}
	}
	return out
}

// For returns the payment.Reason of code in scheme, with its title when
// the catalog knows it (Known false otherwise). The code is kept as found
// but trimmed and upper-cased. A gpi reason found in a status or return
// reason field comes back in SchemeGPI.
func For(scheme, code string) *payment.Reason {
	code = strings.ToUpper(strings.TrimSpace(code))
	r := &payment.Reason{Scheme: scheme, Code: code}
	for _, c := range index[code] {
		if c.Scheme == scheme || (c.Scheme == SchemeGPI && (scheme == SchemeStatus || scheme == SchemeReturn)) {
			r.Scheme, r.Title, r.Known = c.Scheme, c.Title, true
			if c.Scheme == scheme {
				break
			}
		}
	}
	return r
}
