package cards

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	catalogSchemeOrder  = []string{SchemeISO8583, SchemeStripeDecline, SchemeBraintree, SchemeCheckout, SchemeAdyenRefusal}
	catalogNetworkOrder = []string{NetworkVisa, NetworkMastercard, NetworkAmex, NetworkDiscover, disputeNetworkStripe}

	// Code-like text a customer sentence must not contain.
	catalogCodePatterns = []*regexp.Regexp{
		regexp.MustCompile(`\b\d{2}\b`),
		regexp.MustCompile(`\b[A-Z]\d{2}\b`),
		regexp.MustCompile(`\d{4}`),
		regexp.MustCompile(`\d+\.\d+`),
	}
	// Words that would tell a customer why a Sensitive code declined.
	catalogSensitiveWords = []string{"fraud", "stolen", "lost", "pick up", "security"}
)

// catalogBlocks checks that keys come in contiguous blocks in the given
// order (every block present) and that codes inside a block are unique and
// in strictly increasing string order.
func catalogBlocks(t *testing.T, what string, order []string, keys, codes []string) {
	t.Helper()
	var seen []string
	for i, k := range keys {
		if len(seen) == 0 || seen[len(seen)-1] != k {
			assert.NotContains(t, seen, k, "%s %q is not contiguous", what, k)
			seen = append(seen, k)
			continue
		}
		assert.Less(t, codes[i-1], codes[i], "%s %s: codes out of order or repeated", what, k)
	}
	assert.Equal(t, order, seen, "%s order", what)
}

// catalogCustomerSentence checks a customer sentence: one sentence, ending
// with a period, no codes.
func catalogCustomerSentence(t *testing.T, id, s string) {
	t.Helper()
	assert.Equal(t, strings.TrimSpace(s), s, "%s: surrounding space", id)
	assert.True(t, strings.HasSuffix(s, "."), "%s: must end with a period: %q", id, s)
	body := strings.TrimSuffix(s, ".")
	assert.False(t, strings.ContainsAny(body, ".?!\n"), "%s: must be a single sentence: %q", id, s)
	for _, re := range catalogCodePatterns {
		assert.NotRegexp(t, re, s, "%s: customer sentence contains a code", id)
	}
}

func TestResponseCodesOrderAndUniqueness(t *testing.T) {
	codes := ResponseCodes()
	require.NotEmpty(t, codes)
	var schemes, list []string
	for _, c := range codes {
		schemes = append(schemes, c.Scheme)
		code := c.Code
		if c.Scheme == SchemeAdyenRefusal {
			// Adyen's codes are in numeric order: compare them padded.
			code = strings.Repeat("0", max(0, 3-len(code))) + code
		}
		list = append(list, code)
	}
	catalogBlocks(t, "scheme", catalogSchemeOrder, schemes, list)
}

func TestDisputeCodesOrderAndUniqueness(t *testing.T) {
	codes := DisputeCodes()
	require.NotEmpty(t, codes)
	var networks, list []string
	for _, c := range codes {
		networks = append(networks, c.Network)
		list = append(list, c.Code)
	}
	catalogBlocks(t, "network", catalogNetworkOrder, networks, list)
}

func TestResponseCodesFields(t *testing.T) {
	for _, c := range ResponseCodes() {
		id := c.Scheme + "/" + c.Code
		t.Run(id, func(t *testing.T) {
			assert.Equal(t, strings.TrimSpace(c.Code), c.Code)
			for name, v := range map[string]string{
				"Code": c.Code, "Title": c.Title, "Retry": c.Retry,
				"Meaning": c.Meaning, "Customer": c.Customer, "Action": c.Action,
			} {
				assert.NotEmpty(t, strings.TrimSpace(v), "%s is empty", name)
			}
			assert.Contains(t, []DeclineType{Approved, SoftDecline, HardDecline}, c.Decline)
			catalogCustomerSentence(t, id, c.Customer)
			if c.Sensitive {
				lower := strings.ToLower(c.Customer)
				for _, w := range catalogSensitiveWords {
					assert.NotContains(t, lower, w, "sensitive code tells the customer %q", w)
				}
				assert.Equal(t, catCustomerDeclined, c.Customer, "sensitive codes use the generic sentence")
				assert.NotEqual(t, Approved, c.Decline, "an approval is not sensitive")
			}
			if c.Decline == Approved {
				assert.NotContains(t, strings.ToLower(c.Customer), "declin")
			}
		})
	}
}

func TestDisputeCodesFields(t *testing.T) {
	for _, c := range DisputeCodes() {
		id := c.Network + "/" + c.Code
		t.Run(id, func(t *testing.T) {
			assert.Equal(t, strings.TrimSpace(c.Code), c.Code)
			for name, v := range map[string]string{
				"Code": c.Code, "Title": c.Title,
				"Meaning": c.Meaning, "Customer": c.Customer, "Action": c.Action,
			} {
				assert.NotEmpty(t, strings.TrimSpace(v), "%s is empty", name)
			}
			assert.Contains(t, []DisputeCategory{Fraud, Authorization, ProcessingError, ConsumerDispute}, c.Category)
			catalogCustomerSentence(t, id, c.Customer)
			// Never accuse the customer.
			lower := strings.ToLower(c.Customer)
			for _, w := range []string{"fraud", "chargeback", "you claim", "you say"} {
				assert.NotContains(t, lower, w)
			}
		})
	}
}

func TestSensitiveResponseCodes(t *testing.T) {
	must := map[string][]string{
		SchemeISO8583:       {"04", "07", "34", "41", "43", "59", "63", "83"},
		SchemeStripeDecline: {"fraudulent", "lost_card", "merchant_blacklist", "pickup_card", "security_violation", "stolen_card"},
		SchemeBraintree:     {"2012", "2013", "2014", "2021", "2047", "2053"},
		SchemeCheckout:      {"20004", "20059", "20063", "30004", "30007", "30034", "30041", "30043"},
		SchemeAdyenRefusal:  {"5", "14", "20", "22", "25", "31"},
	}
	for scheme, codes := range must {
		for _, code := range codes {
			got := LookupResponse(code, scheme)
			require.Len(t, got, 1, "%s/%s", scheme, code)
			assert.True(t, got[0].Sensitive, "%s/%s must be sensitive", scheme, code)
		}
	}
	// And the plain ones are not.
	for _, code := range []string{"00", "05", "51", "54", "91"} {
		got := LookupResponse(code, SchemeISO8583)
		require.Len(t, got, 1, code)
		assert.False(t, got[0].Sensitive, code)
	}
}

func TestDeclineTypesAndRetry(t *testing.T) {
	tests := []struct {
		scheme, code string
		decline      DeclineType
	}{
		{SchemeISO8583, "00", Approved},
		{SchemeISO8583, "10", Approved},
		{SchemeISO8583, "85", Approved},
		{SchemeISO8583, "05", SoftDecline},
		{SchemeISO8583, "51", SoftDecline},
		{SchemeISO8583, "91", SoftDecline},
		{SchemeISO8583, "54", HardDecline},
		{SchemeISO8583, "57", HardDecline},
		{SchemeISO8583, "R1", HardDecline},
		{SchemeStripeDecline, "insufficient_funds", SoftDecline},
		{SchemeStripeDecline, "stolen_card", HardDecline},
		{SchemeBraintree, "1000", Approved},
		{SchemeBraintree, "2001", SoftDecline},
		{SchemeBraintree, "2004", HardDecline},
		{SchemeBraintree, "3000", SoftDecline},
		{SchemeCheckout, "10000", Approved},
		{SchemeCheckout, "20051", SoftDecline},
		{SchemeCheckout, "30043", HardDecline},
	}
	for _, tt := range tests {
		t.Run(tt.scheme+"/"+tt.code, func(t *testing.T) {
			got := LookupResponse(tt.code, tt.scheme)
			require.Len(t, got, 1)
			assert.Equal(t, tt.decline, got[0].Decline)
		})
	}
	// Visa category 1: never retry.
	for _, code := range []string{"04", "07", "12", "14", "15", "41", "43", "46", "R0", "R1", "R3"} {
		got := LookupResponse(code, SchemeISO8583)
		require.Len(t, got, 1, code)
		assert.Equal(t, catRetryNever, got[0].Retry, code)
		assert.Equal(t, HardDecline, got[0].Decline, code)
	}
	// Soft declines that may be retried carry the network limits.
	for _, code := range []string{"05", "19", "51", "61", "65", "91", "96"} {
		got := LookupResponse(code, SchemeISO8583)
		require.Len(t, got, 1, code)
		assert.Contains(t, got[0].Retry, "(card network rules)", code)
	}
}

func TestLookupResponse(t *testing.T) {
	got := LookupResponse("51", "")
	require.NotEmpty(t, got)
	assert.Equal(t, SchemeISO8583, got[0].Scheme)
	assert.Equal(t, "Insufficient funds", got[0].Title)

	got = LookupResponse(" 05 ", "")
	var schemes []string
	for _, c := range got {
		schemes = append(schemes, c.Scheme)
	}
	assert.Contains(t, schemes, SchemeISO8583)

	tests := []struct {
		code, scheme string
		want         int
	}{
		{"n7", SchemeISO8583, 1},
		{"r0", "", 1},
		{"1a", SchemeISO8583, 1},
		{"INSUFFICIENT_FUNDS", SchemeStripeDecline, 1},
		{"insufficient_funds", "", 1},
		{"2001", "", 1},
		{"2005c", SchemeCheckout, 1},
		{"20051", SchemeCheckout, 1},
		{"51", SchemeCheckout, 0},
		{"5", "", 1},
		{"05", SchemeISO8583, 1},
		{"05", SchemeAdyenRefusal, 1},
		{"005", "", 0},
		{"12", SchemeAdyenRefusal, 1},
		{"012", SchemeAdyenRefusal, 0},
		{"20", "", 1},
		{"Blocked Card", SchemeISO8583, 0},
		{"99", "", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.scheme+"/"+tt.code, func(t *testing.T) {
			assert.Len(t, LookupResponse(tt.code, tt.scheme), tt.want)
		})
	}
}

func TestAdyenRefusals(t *testing.T) {
	var n int
	for _, c := range ResponseCodes() {
		if c.Scheme != SchemeAdyenRefusal {
			continue
		}
		n++
		t.Run(c.Code, func(t *testing.T) {
			for name, v := range map[string]string{
				"Title": c.Title, "Meaning": c.Meaning, "Customer": c.Customer, "Action": c.Action,
			} {
				assert.NotEmpty(t, strings.TrimSpace(v), "%s is empty", name)
			}
			assert.Regexp(t, `^[1-9][0-9]*$`, c.Code, "Adyen writes its codes as plain numbers")
			assert.NotEqual(t, Approved, c.Decline, "a refusal reason is no approval")
			if c.Sensitive {
				assert.Equal(t, catCustomerDeclined, c.Customer)
			}
			// Found by its code, its two-digit code and its text.
			keys := []string{c.Code, " " + c.Code + " ", c.Title, strings.ToLower(c.Title), strings.ToUpper(c.Title)}
			if len(c.Code) == 1 {
				keys = append(keys, "0"+c.Code)
			}
			for _, k := range keys {
				got := LookupResponse(k, SchemeAdyenRefusal)
				if assert.Len(t, got, 1, "%q", k) {
					assert.Equal(t, c, got[0], "%q", k)
				}
			}
			assert.Equal(t, c.Code, adyenRefusalCode(c.Title))
		})
	}
	assert.Equal(t, 40, n, "Adyen refusal reasons")
}

func TestAdyenRefusalLookup(t *testing.T) {
	tests := []struct {
		code, scheme string
		want         []string // scheme/code/title, in order
	}{
		{"5", SchemeAdyenRefusal, []string{"adyen_refusal/5/Blocked Card"}},
		{"5", "", []string{"adyen_refusal/5/Blocked Card"}},
		{"05", "", []string{"iso8583/05/Do not honor", "adyen_refusal/5/Blocked Card"}},
		{" 05 ", "", []string{"iso8583/05/Do not honor", "adyen_refusal/5/Blocked Card"}},
		{"12", "", []string{"iso8583/12/Invalid transaction", "adyen_refusal/12/Not enough balance"}},
		{"Not enough balance", SchemeAdyenRefusal, []string{"adyen_refusal/12/Not enough balance"}},
		{"not enough balance", "", []string{"adyen_refusal/12/Not enough balance"}},
		{" NOT ENOUGH BALANCE ", "", []string{"adyen_refusal/12/Not enough balance"}},
		{"Expired Card", "", []string{"adyen_refusal/6/Expired Card"}},
		{"fraud-cancelled", "", []string{"adyen_refusal/22/FRAUD-CANCELLED"}},
		{"Not enough balance", SchemeISO8583, nil},
		{"Not enough", "", nil},
		{"13", SchemeAdyenRefusal, nil},
		{"30", SchemeAdyenRefusal, nil},
	}
	for _, tt := range tests {
		t.Run(tt.scheme+"/"+tt.code, func(t *testing.T) {
			var got []string
			for _, c := range LookupResponse(tt.code, tt.scheme) {
				got = append(got, c.Scheme+"/"+c.Code+"/"+c.Title)
			}
			assert.Equal(t, tt.want, got)
		})
	}
	// Other schemes are not indexed by title or padded code.
	assert.Empty(t, LookupResponse("Do not honor", ""))
	assert.Empty(t, LookupResponse("Insufficient Funds", SchemeBraintree))
	assert.Equal(t, "12", adyenRefusalCode("Not enough balance"))
	assert.Equal(t, "Balance too low", adyenRefusalCode("Balance too low"))
}

func TestLookupDispute(t *testing.T) {
	got := LookupDispute("10.4", "")
	require.Len(t, got, 1)
	assert.Equal(t, NetworkVisa, got[0].Network)
	assert.Equal(t, Fraud, got[0].Category)

	got = LookupDispute("4863", "")
	var networks []string
	for _, c := range got {
		networks = append(networks, c.Network)
	}
	assert.ElementsMatch(t, []string{NetworkMastercard, NetworkDiscover}, networks)

	tests := []struct {
		code, network string
		want          int
	}{
		{"4863", NetworkMastercard, 1},
		{"4863", NetworkDiscover, 1},
		{"4863", NetworkVisa, 0},
		{" 12.6.1 ", "", 1},
		{"f29", NetworkAmex, 1},
		{"FR2", "", 1},
		{"fraudulent", SchemeStripeDispute, 1},
		{"noncompliant", "", 1},
		{"13.10", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.network+"/"+tt.code, func(t *testing.T) {
			assert.Len(t, LookupDispute(tt.code, tt.network), tt.want)
		})
	}
}

func TestDisputeWindows(t *testing.T) {
	response := map[string]int{
		NetworkVisa:          30,
		NetworkMastercard:    45,
		NetworkAmex:          20,
		NetworkDiscover:      30,
		disputeNetworkStripe: 0,
	}
	filing := map[string][]int{
		NetworkVisa:          {75, 120, 540},
		NetworkMastercard:    {90, 120},
		NetworkAmex:          {120},
		NetworkDiscover:      {120},
		disputeNetworkStripe: {0, 120},
	}
	stripeBankDebit := []string{"bank_cannot_process", "check_returned", "customer_initiated", "debit_not_authorized", "incorrect_account_details", "insufficient_funds"}
	for _, c := range DisputeCodes() {
		id := c.Network + "/" + c.Code
		assert.Equal(t, response[c.Network], c.ResponseDays, id)
		assert.Contains(t, filing[c.Network], c.FilingDays, id)
		if c.Network == disputeNetworkStripe {
			assert.Contains(t, c.Action, "due date", "%s: Stripe entries point to the dashboard's due date", id)
			if c.FilingDays == 0 {
				assert.Contains(t, stripeBankDebit, c.Code, "%s: only bank-debit reasons lack a filing window", id)
			}
		}
	}
	// Spot checks against the network rules.
	for _, tt := range []struct {
		network, code string
		filing        int
	}{
		{NetworkVisa, "10.4", 120},
		{NetworkVisa, "11.3", 75},
		{NetworkVisa, "13.1", 540},
		{NetworkVisa, "13.6", 120},
		{NetworkMastercard, "4834", 90},
		{NetworkMastercard, "4837", 120},
	} {
		got := LookupDispute(tt.code, tt.network)
		require.Len(t, got, 1, tt.code)
		assert.Equal(t, tt.filing, got[0].FilingDays, tt.code)
	}
}

func TestDisputeCoverage(t *testing.T) {
	want := map[string][]string{
		NetworkVisa: {"10.1", "10.2", "10.3", "10.4", "10.5", "11.1", "11.2", "11.3",
			"12.1", "12.2", "12.3", "12.4", "12.5", "12.6.1", "12.6.2", "12.7",
			"13.1", "13.2", "13.3", "13.4", "13.5", "13.6", "13.7", "13.8", "13.9"},
		NetworkMastercard: {"4808", "4834", "4837", "4840", "4841", "4842", "4849", "4853", "4855", "4859", "4860", "4863", "4870", "4871"},
		NetworkAmex: {"A01", "A02", "A08", "C02", "C04", "C05", "C08", "C14", "C18", "C28", "C31", "C32",
			"F10", "F14", "F24", "F29", "F30", "F31", "FR2", "FR4", "FR6", "M01",
			"P01", "P03", "P04", "P05", "P07", "P08", "P22", "P23", "R03", "R13"},
		NetworkDiscover: {"4534", "4541", "4542", "4550", "4553", "4586", "4752", "4753", "4755", "4762",
			"4863", "4864", "4865", "4866", "4867", "7010", "7030", "8002"},
		disputeNetworkStripe: {"fraudulent", "unrecognized", "duplicate", "product_not_received", "product_unacceptable",
			"subscription_canceled", "credit_not_processed", "general", "incorrect_account_details", "insufficient_funds",
			"bank_cannot_process", "debit_not_authorized", "customer_initiated", "check_returned", "noncompliant"},
	}
	for network, codes := range want {
		for _, code := range codes {
			assert.Len(t, LookupDispute(code, network), 1, "%s/%s missing", network, code)
		}
	}
}

func TestResponseCoverage(t *testing.T) {
	want := map[string][]string{
		SchemeISO8583: {"00", "10", "85", "01", "02", "03", "04", "05", "07", "12", "13", "14", "15", "19",
			"28", "30", "41", "43", "46", "51", "54", "55", "57", "58", "59", "61", "62", "63", "65",
			"75", "78", "91", "96", "N7", "R0", "R1", "R3"},
		SchemeStripeDecline: {"authentication_required", "approve_with_id", "call_issuer", "card_not_supported",
			"card_velocity_exceeded", "currency_not_supported", "do_not_honor", "do_not_try_again",
			"duplicate_transaction", "expired_card", "fraudulent", "generic_decline", "incorrect_cvc",
			"incorrect_number", "incorrect_zip", "insufficient_funds", "invalid_account", "invalid_amount",
			"issuer_not_available", "lost_card", "merchant_blacklist", "new_account_information_available",
			"not_permitted", "pickup_card", "processing_error", "reenter_transaction", "restricted_card",
			"revocation_of_all_authorizations", "revocation_of_authorization", "security_violation",
			"service_not_allowed", "stolen_card", "stop_payment_order", "transaction_not_allowed",
			"try_again_later", "withdrawal_count_limit_exceeded"},
		SchemeBraintree: {"1000", "2000", "2001", "2002", "2003", "2004", "2005", "2006", "2007", "2008", "2009",
			"2010", "2011", "2012", "2013", "2014", "2019", "2022", "2038", "2046", "2047", "2053", "2057",
			"2059", "3000"},
		SchemeCheckout:     {"10000", "10010", "20005", "20051", "20054", "20059", "20062"},
		SchemeAdyenRefusal: {"2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "46"},
	}
	for scheme, codes := range want {
		for _, code := range codes {
			assert.Len(t, LookupResponse(code, scheme), 1, "%s/%s missing", scheme, code)
		}
	}
}

func TestCatalogCopies(t *testing.T) {
	r := ResponseCodes()
	r[0].Title = "changed"
	assert.NotEqual(t, "changed", ResponseCodes()[0].Title)
	d := DisputeCodes()
	d[0].Title = "changed"
	assert.NotEqual(t, "changed", DisputeCodes()[0].Title)
}
