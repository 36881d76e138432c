package cards

import (
	"slices"
	"strings"
	"sync"
)

// Response code schemes.
const (
	SchemeISO8583       = "iso8583"        // issuer response codes (DE39), shared by Visa and Mastercard
	SchemeStripeDecline = "stripe_decline" // Stripe's decline_code
	SchemeBraintree     = "braintree"      // Braintree processor response codes (2000 …)
	SchemeCheckout      = "checkout"       // Checkout.com response codes (10000 …)
	// SchemeAdyenRefusal is Adyen's refusal reasons: refusalReasonCode
	// ("12") and refusalReason ("Not enough balance"), the text being what
	// the payment accounting report gives. Both find the entry.
	SchemeAdyenRefusal = "adyen_refusal"
)

// Dispute networks.
const (
	NetworkVisa       = "visa"
	NetworkMastercard = "mastercard"
	NetworkAmex       = "amex"
	NetworkDiscover   = "discover"
)

// DeclineType says whether a declined payment may succeed if tried again.
type DeclineType string

// Decline types.
const (
	Approved    DeclineType = "approved"
	SoftDecline DeclineType = "soft" // may succeed later or with a change
	HardDecline DeclineType = "hard" // will not succeed as it is
)

// ResponseCode is an authorization response or decline code.
type ResponseCode struct {
	Scheme  string
	Code    string
	Title   string
	Decline DeclineType
	// Retry says in words whether and when to try again.
	Retry string
	// Sensitive codes (lost, stolen, fraud, pick up) must not be told to
	// the customer as such: Customer holds a generic sentence.
	Sensitive bool
	Meaning   string // for the analyst
	Customer  string // one calm sentence for the customer
	Action    string // next step for operations
}

// DisputeCategory groups dispute reasons the way the networks do.
type DisputeCategory string

// Dispute categories.
const (
	Fraud           DisputeCategory = "fraud"
	Authorization   DisputeCategory = "authorization"
	ProcessingError DisputeCategory = "processing_error"
	ConsumerDispute DisputeCategory = "consumer_dispute"
)

// DisputeCode is a network's chargeback reason code.
type DisputeCode struct {
	Network  string
	Code     string // "10.4", "4837", "F29", "4752"
	Title    string
	Category DisputeCategory
	// FilingDays is how long the cardholder has to dispute, in calendar
	// days from the transaction (or expected delivery); ResponseDays how
	// long the merchant has to answer the chargeback. 0 when not known.
	FilingDays   int
	ResponseDays int
	Meaning      string
	Customer     string
	Action       string
}

// LookupResponse finds a response code; with scheme empty, in every scheme
// that has it, in scheme order (a bare "05" is ISO 8583's Do not honor and
// Adyen's refusal reason 5, Blocked Card). Adyen refusal reasons are also
// found by their text ("Not enough balance") and, below 10, with a leading
// zero ("05"); case and surrounding space never matter.
func LookupResponse(code, scheme string) []ResponseCode {
	var out []ResponseCode
	for _, i := range responseIndex()[normalize(code)] {
		if c := allResponseCodes[i]; scheme == "" || c.Scheme == scheme {
			out = append(out, c)
		}
	}
	return out
}

// LookupDispute finds a dispute reason code; with network empty, in every
// network that has it.
func LookupDispute(code, network string) []DisputeCode {
	var out []DisputeCode
	for _, i := range disputeIndex()[normalize(code)] {
		if c := disputeCodes[i]; network == "" || c.Network == network {
			out = append(out, c)
		}
	}
	return out
}

// allResponseCodes is the whole response catalog, scheme by scheme: ISO
// 8583, Stripe, Braintree and Checkout.com (catalog_response.go), then
// Adyen (catalog_adyen.go). ResponseCodes and the index read it.
var allResponseCodes = slices.Concat(responseCodes, adyenRefusals)

// responseIndex and disputeIndex find catalog entries by normalized code,
// in catalog order: readers look a code up for every decline they read.
// An Adyen refusal reason is also indexed under its text and, for codes
// below 10, under the two-digit code (see responseKeys).
var (
	responseIndex = sync.OnceValue(func() map[string][]int {
		idx := map[string][]int{}
		for i, c := range allResponseCodes {
			for _, k := range responseKeys(c) {
				idx[k] = append(idx[k], i)
			}
		}
		return idx
	})
	disputeIndex = sync.OnceValue(func() map[string][]int {
		idx := map[string][]int{}
		for i, c := range disputeCodes {
			idx[normalize(c.Code)] = append(idx[normalize(c.Code)], i)
		}
		return idx
	})
)

// responseKeys are the normalized index keys of a response code: its code
// and, for an Adyen refusal reason, its text ("NOT ENOUGH BALANCE") and
// its zero-padded two-digit code ("5" also as "05"), the form an issuer
// response code has. Other schemes are found by their code only.
func responseKeys(c ResponseCode) []string {
	keys := []string{normalize(c.Code)}
	if c.Scheme != SchemeAdyenRefusal {
		return keys
	}
	if len(keys[0]) == 1 && keys[0][0] >= '0' && keys[0][0] <= '9' {
		keys = append(keys, "0"+keys[0])
	}
	if t := normalize(c.Title); t != "" && !slices.Contains(keys, t) {
		keys = append(keys, t)
	}
	return keys
}

// ResponseCodes returns every response code, scheme by scheme.
func ResponseCodes() []ResponseCode { return slices.Clone(allResponseCodes) }

// DisputeCodes returns every dispute reason code, network by network.
func DisputeCodes() []DisputeCode { return slices.Clone(disputeCodes) }

func normalize(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }
