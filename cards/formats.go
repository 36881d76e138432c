package cards

import (
	"strings"
)

// field is what a column holds, across the formats.
type field uint8

const (
	fPSPID field = iota
	fPSPEventID
	fMerchantRef
	fMetaRef1 // Stripe metadata references, in order of preference
	fMetaRef2
	fMetaRef3
	fARN
	fOriginalPSPID
	fTransactionID
	fSourceID
	fPayoutID

	fType
	fStatus
	fCaptured
	fBreakdown

	fAmount
	fCurrency
	fGross
	fFee
	fNet
	fGrossDebit
	fGrossCredit
	fNetCurrency
	fNetDebit
	fNetCredit
	fCommission
	fMarkup
	fSchemeFees
	fInterchange
	fAmountRefunded
	fDisputedAmount
	fSettleAmount
	fSettleCurrency
	fAuthorisedAmount
	fReceivedAmount
	fMainAmount
	fMainCurrency

	fCreated
	fTimeZone
	fAvailableOn
	fSettlementDate
	fRefundedDate
	fDisputeDate

	fBrand
	fFunding
	fCountry
	fLast4
	fBIN
	fDeviceLast4
	fVariant
	fWallet
	fInstrumentType

	fResponseCode
	fResponseText
	fNetworkCode
	fAuthCode
	fDisputeReason
	fDisputeCode
	fDisputeStatus
	fGatewayReason

	fName
	fFirstName
	fLastName
	fDescription

	numFields
)

// fieldNames name the fields in messages when no column does, and are
// the generic mapping's keys where one exists.
var fieldNames = [numFields]string{
	fPSPID: "psp_id", fPSPEventID: "psp_event_id", fMerchantRef: "merchant_reference",
	fMetaRef1: "metadata reference", fMetaRef2: "metadata deposit_id", fMetaRef3: "metadata order_id",
	fARN: "arn", fOriginalPSPID: "original_psp_id", fTransactionID: "transaction_id", fSourceID: "source_id",
	fPayoutID: "payout_id", fType: "kind", fStatus: "status", fCaptured: "captured", fBreakdown: "breakdown type",
	fAmount: "amount", fCurrency: "currency", fGross: "gross", fFee: "fee", fNet: "net",
	fGrossDebit: "gross debit", fGrossCredit: "gross credit", fNetCurrency: "net currency",
	fNetDebit: "net debit", fNetCredit: "net credit", fCommission: "commission", fMarkup: "markup",
	fSchemeFees: "scheme fees", fInterchange: "interchange", fAmountRefunded: "amount refunded",
	fDisputedAmount: "disputed amount", fSettleAmount: "settle_amount", fSettleCurrency: "settle_currency",
	fAuthorisedAmount: "authorised amount", fReceivedAmount: "received amount", fMainAmount: "main amount",
	fMainCurrency: "main currency", fCreated: "created_at", fTimeZone: "time zone",
	fAvailableOn: "available_on", fSettlementDate: "settlement_date", fRefundedDate: "refunded date",
	fDisputeDate: "dispute date", fBrand: "brand", fFunding: "funding", fCountry: "country",
	fLast4: "last4", fBIN: "bin", fDeviceLast4: "device_last4", fVariant: "payment method variant",
	fWallet: "wallet", fInstrumentType: "payment instrument type", fResponseCode: "response_code",
	fResponseText: "response_text", fNetworkCode: "network decline code", fAuthCode: "auth_code",
	fDisputeReason: "dispute_reason", fDisputeCode: "dispute reason code", fDisputeStatus: "dispute status",
	fGatewayReason: "gateway rejection reason", fName: "name", fFirstName: "first name",
	fLastName: "last name", fDescription: "description",
}

// col is a column a format reads: the field it holds and the names
// exports give it, in order of preference (the first found is read).
type col struct {
	f     field
	req   bool
	names []string
	keys  []string // names as compared: see headerKey
}

func optional(f field, names ...string) col { return col{f: f, names: names} }
func required(f field, names ...string) col { return col{f: f, req: true, names: names} }

// format is one export layout.
type format struct {
	name      string
	processor string
	// idents are column names that, all present, say the header is this
	// format even when required columns are missing.
	idents []string
	cols   []col
	// anyOf lists groups of fields of which the header needs at least one.
	anyOf [][]field
	// ledger formats list the movements of the company's balance with the
	// processor: their status lines (payouts to the company's bank,
	// adjustments) move money too.
	ledger bool
	build  func(*reader) bool
}

// formats are the known export layouts, tried in this order.
var formats = []*format{stripeBalance, stripePayments, adyenSettlement, adyenAccounting, braintree, checkoutPayments, checkoutFinancial}

// genericFormat stands for the generic format until a mapping is
// compiled into a format of its own.
var genericFormat = &format{name: FormatGeneric, processor: "generic"}

func init() {
	for _, f := range formats {
		f.prepare()
	}
}

// prepare works out the compared names of a format's columns.
func (f *format) prepare() {
	for i := range f.cols {
		c := &f.cols[i]
		c.keys = make([]string, len(c.names))
		for j, n := range c.names {
			c.keys[j] = headerKey(n)
		}
	}
	for i, id := range f.idents {
		f.idents[i] = headerKey(id)
	}
}

// headerKeys maps each compared column name to its first position.
func headerKeys(header []string) map[string]int {
	keys := make(map[string]int, len(header))
	for i, h := range header {
		k := headerKey(h)
		if _, dup := keys[k]; !dup && k != "" {
			keys[k] = i
		}
	}
	return keys
}

// resolve finds each of f's columns in a header; missing names the
// required ones that are not there.
func (f *format) resolve(keys map[string]int) (idx [numFields]int, missing []string) {
	for i := range idx {
		idx[i] = -1
	}
	for _, c := range f.cols {
		if idx[c.f] >= 0 {
			continue
		}
		for _, k := range c.keys {
			if pos, ok := keys[k]; ok {
				idx[c.f] = pos
				break
			}
		}
		if idx[c.f] < 0 && c.req {
			missing = append(missing, describe(c))
		}
	}
	for _, group := range f.anyOf {
		found := false
		var names []string
		for _, g := range group {
			if idx[g] >= 0 {
				found = true
			}
			for _, c := range f.cols {
				if c.f == g {
					names = append(names, quoteName(c.names[0]))
					break
				}
			}
		}
		if !found {
			missing = append(missing, "one of "+strings.Join(names, ", "))
		}
	}
	return idx, missing
}

func describe(c col) string {
	if len(c.names) == 1 {
		return quoteName(c.names[0])
	}
	alts := make([]string, len(c.names))
	for i, n := range c.names {
		alts[i] = quoteName(n)
	}
	return alts[0] + " (or " + strings.Join(alts[1:], ", ") + ")"
}

func quoteName(n string) string { return `"` + n + `"` }

// detect finds the format of a header: the one whose required columns
// are all there (the most columns found, when several are); else the one
// whose identifying columns are all there, with the required columns it
// lacks; else nil.
func detect(keys map[string]int) (*format, []string) {
	var best *format
	bestScore := -1
	for _, f := range formats {
		idx, missing := f.resolve(keys)
		if len(missing) > 0 {
			continue
		}
		score := 0
		for _, i := range idx {
			if i >= 0 {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = f, score
		}
	}
	if best != nil {
		return best, nil
	}
	var bestMissing []string
	bestFound := -1.0
	for _, f := range formats {
		all := len(f.idents) > 0
		for _, id := range f.idents {
			if _, ok := keys[id]; !ok {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		_, missing := f.resolve(keys)
		req := len(f.anyOf)
		for _, c := range f.cols {
			if c.req {
				req++
			}
		}
		found := 1 - float64(len(missing))/float64(max(req, 1))
		if found > bestFound {
			best, bestFound, bestMissing = f, found, missing
		}
	}
	return best, bestMissing
}
