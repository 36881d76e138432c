// Package reason is the catalog of wire reason codes: ISO 20022 return,
// status, cancellation and cancellation-refusal reasons, SWIFT gpi status
// reasons and Fedwire error codes, each with its meaning for the analyst,
// a sentence for the customer and the next action; and the reading of a
// reason from the free text of messages that carry none (FAIM, MT
// narratives).
package reason

import (
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
}

// Lookup finds code in the catalog; with scheme set, only in that scheme.
// Case and surrounding space do not matter. A code found in several
// schemes (AC04 is a return reason, a status reason and a refusal reason)
// comes back once per scheme, in scheme order.
func Lookup(code, scheme string) []Code {
	code = strings.ToUpper(strings.TrimSpace(code))
	var out []Code
	for _, c := range catalog {
		if c.Code == code && (scheme == "" || c.Scheme == scheme) {
			out = append(out, c)
		}
	}
	return out
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
// but trimmed and upper-cased.
func For(scheme, code string) *payment.Reason {
	code = strings.ToUpper(strings.TrimSpace(code))
	r := &payment.Reason{Scheme: scheme, Code: code}
	if found := Lookup(code, scheme); len(found) > 0 {
		r.Title, r.Known = found[0].Title, true
	}
	return r
}

// Infer reads a return reason from free text — a FAIM return's {6000} or
// {6500} narrative, an MT :72: or :79: — and returns the ISO 20022 return
// reason it states ("ACCT CLOSED" is AC04), or false when the text names
// none.
func Infer(text string) (code string, ok bool) {
	t := strings.ToUpper(text)
	for _, k := range keywords {
		for _, w := range k.words {
			if strings.Contains(t, w) {
				return k.code, true
			}
		}
	}
	return "", false
}

// keywords map phrases found in return narratives to return reasons, the
// more specific first.
var keywords = []struct {
	code  string
	words []string
}{
	{"AC04", []string{"ACCOUNT CLOSED", "ACCT CLOSED", "CLOSED ACCOUNT", "CLOSED ACCT", "ACCT CLSD"}},
	{"AC01", []string{"INVALID ACCOUNT", "INVALID ACCT", "NO SUCH ACCOUNT", "NO SUCH ACCT", "ACCOUNT NOT FOUND", "ACCT NOT FOUND", "INCORRECT ACCOUNT", "WRONG ACCOUNT", "WRONG ACCT"}},
	{"BE01", []string{"NAME MISMATCH", "NAME DOES NOT MATCH", "NAME DOESN'T MATCH", "BENEFICIARY NAME"}},
	{"DUPL", []string{"DUPLICATE"}},
	{"RUTA", []string{"UNABLE TO APPLY", "UTA "}},
}

// catalog is every code, in scheme and display order.
var catalog = []Code{
	{Scheme: SchemeReturn, Code: "AC01", Title: "Incorrect account number", Meaning: "The beneficiary bank could not find the account number.", Customer: "The receiving bank couldn't find that account number. Please check the account details and send them to us again.", Action: "Ask the customer to confirm the account number and bank details before sending again."},
	{Scheme: SchemeReturn, Code: "AC04", Title: "Closed account number", Meaning: "The beneficiary's account is closed.", Customer: "The account the money was sent to is closed, so the bank sent the money back. Please give us details of an open account.", Action: "Ask the customer for an open account; do not send again to the same account."},
	{Scheme: SchemeReturn, Code: "BE01", Title: "Inconsistent with end customer", Meaning: "The beneficiary's name does not match the account holder.", Customer: "The name on the payment didn't match the name on the receiving account, so the bank sent the money back. Please give us the exact name on the account.", Action: "Compare the name with the customer's KYC record; ask for the exact account name."},
	{Scheme: SchemeReturn, Code: "DUPL", Title: "Duplicate payment", Meaning: "The beneficiary bank saw the payment as a duplicate of an earlier one.", Customer: "The receiving bank identified this payment as a duplicate of an earlier one and sent it back.", Action: "Check that the earlier payment arrived; nothing to resend if it did."},
	{Scheme: SchemeReturn, Code: "RUTA", Title: "Return upon unable to apply", Meaning: "After an inquiry, the beneficiary bank could not apply the funds to an account.", Customer: "The receiving bank couldn't apply the money to an account and sent it back. Please check the account details.", Action: "Confirm the beneficiary details with the customer before sending again."},
}
