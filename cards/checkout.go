package cards

import (
	"strings"
	"time"

	"github.com/payinv/payinv/csvin"
	"github.com/payinv/payinv/payment"
)

// Checkout.com reports (reference §1.4). The payments report has one row
// per action of a payment (authorization, capture, refund, void …) with
// its response code; the financial actions reports (by payout ID or by
// date range, the same columns) one row per breakdown of an action: the
// action's own amount (Breakdown Type Capture, Refund, Chargeback (…),
// Card Payout …) and each fee or tax charged on it. Times are read as UTC:
// the payments report's Action Date UTC is; the financial reports write
// times in the entity's settlement time zone, which the file does not
// name (a Processed On UTC column is read first when there is one).

var checkoutPayments = &format{
	name: FormatCheckoutPayments, processor: "checkout",
	idents: []string{"Action ID", "Action Type"},
	cols: []col{
		required(fPSPEventID, "Action ID"),
		required(fCreated, "Action Date UTC", "Action Date (UTC)", "Action Date"),
		required(fType, "Action Type"),
		required(fPSPID, "Payment ID"),
		optional(fMerchantRef, "Reference", "Payment Reference"),
		required(fAmount, "Amount", "Action Amount", "Processing Amount"),
		required(fCurrency, "Currency", "Processing Currency", "Currency Code"),
		optional(fResponseCode, "Response Code"),
		optional(fResponseText, "Response Description", "Response Summary"),
		optional(fBrand, "Payment Method Name", "Payment Method", "Card Scheme"),
		optional(fFunding, "Card Type", "CC Card Type", "Card Category"),
		optional(fBIN, "CC BIN", "Card BIN"),
		optional(fLast4, "CC Last 4", "CC Last Four", "CC Last4", "Card Last 4", "Last 4"),
		optional(fCountry, "CC Issuing Country", "Issuer Country", "Issuing Country"),
		optional(fWallet, "Wallet"),
		optional(fARN, "Acquirer Reference Number", "ARN"),
		optional(fAuthCode, "Auth Code", "Authorization Code"),
		optional(fPayoutID, "Payout ID"),
		optional(fName, "Customer Name", "Cardholder Name"),
		optional(fBreakdown, "Breakdown Type"),
	},
	build: (*reader).checkoutRow,
}

var checkoutFinancial = &format{
	name: FormatCheckoutFinancial, processor: "checkout", ledger: true,
	idents: []string{"Action ID", "Action Type", "Breakdown Type"},
	cols: []col{
		required(fType, "Action Type"),
		required(fPSPEventID, "Action ID"),
		required(fPSPID, "Payment ID"),
		optional(fMerchantRef, "Reference", "Payment Reference"),
		required(fCreated, "Processed On UTC", "Processed On (UTC)", "Processed On"),
		required(fBreakdown, "Breakdown Type"),
		optional(fCurrency, "Processing Currency"),
		optional(fAmount, "Processing Currency Amount"),
		optional(fSettleCurrency, "Holding Currency"),
		optional(fSettleAmount, "Holding Currency Amount"),
		optional(fPayoutID, "Payout ID"),
		optional(fBrand, "Payment Method", "Payment Method Name", "Card Scheme"),
		optional(fFunding, "Card Type", "Card Category"),
		optional(fBIN, "Card BIN", "CC BIN"),
		optional(fLast4, "Card Last 4", "CC Last 4", "Last 4"),
		optional(fCountry, "Issuer Country", "CC Issuing Country"),
		optional(fWallet, "Wallet"),
		optional(fARN, "Acquirer Reference Number", "ARN"),
		optional(fResponseCode, "Response Code"),
		optional(fResponseText, "Response Description"),
	},
	anyOf: [][]field{{fAmount, fSettleAmount}, {fCurrency, fSettleCurrency}},
	build: (*reader).checkoutRow,
}

// checkoutKind maps an action type to a kind; ok false when unknown.
func checkoutKind(k []byte) (kind payment.Kind, dir payment.Direction, ok bool) {
	switch string(k) {
	case "authorization", "authorisation", "auth", "incrementalauthorization":
		return payment.KindAuthorization, payment.Credit, true
	case "capture", "partialcapture":
		return payment.KindCapture, payment.Credit, true
	case "refund", "partialrefund":
		return payment.KindRefund, payment.Debit, true
	case "refundreversal", "refundreversed", "refundreturned":
		return payment.KindRefundFailure, payment.Credit, true
	case "void", "authorizationreversal", "authorisationreversal", "reversal":
		return payment.KindAuthorizationReversal, payment.Debit, true
	case "chargeback", "dispute":
		return payment.KindChargeback, payment.Debit, true
	case "chargebackreversal", "chargebackreversed", "disputereversal", "disputewon":
		return payment.KindChargebackReversal, payment.Credit, true
	case "secondchargeback", "prearbitration", "arbitration":
		return payment.KindSecondChargeback, payment.Debit, true
	case "paytocard", "cardpayout", "paytocardpayout", "payouttocard":
		return payment.KindPayout, payment.Debit, true
	case "payoutreturn", "payoutreversal", "cardpayoutreturn", "cardpayoutreversal", "paytocardreturn", "paytocardreversal":
		return payment.KindPayoutReturn, payment.Credit, true
	case "cardverification", "verification", "payout", "adjustment", "covernegativeposition", "invoicesettlement",
		"operationalfundingrelease", "operationalfundingreservation", "rollingreserve", "rollingreserverelease",
		"rollingreservehold", "topup", "transfer", "fundtransfer", "fee", "fees":
		return payment.KindStatus, "", true
	}
	return "", "", false
}

// isFeeBreakdown reports whether a breakdown type is a fee or tax line
// ("Scheme Fixed Fee", "Interchange Variable Fee", "Premium Variable Fee
// Tax") rather than the action's own amount.
func isFeeBreakdown(k []byte) bool {
	return hasSuffix(k, "fee") || hasSuffix(k, "fees") || hasSuffix(k, "tax") || contains(k, "interchange") ||
		contains(k, "markup") || contains(k, "feetax")
}

// checkoutApproved reports whether a Checkout.com response code is an
// approval (10000-series) or absent.
func checkoutApproved(code string) bool { return code == "" || code[0] == '1' }

// checkoutRow reads one row of either Checkout.com report. A fee or tax
// breakdown is a fee event in the holding currency, its direction the
// sign of its amount. An authorization or card payout whose response code
// is not an approval (10000-series) is a decline; another action that was
// not approved is a status event.
func (rd *reader) checkoutRow() bool {
	typ := rd.v(fType)
	breakdown := rd.v(fBreakdown)
	var tb, bb [48]byte
	kind, dir, known := checkoutKind(keyOf(typ, tb[:0]))
	fee := breakdown != "" && isFeeBreakdown(keyOf(breakdown, bb[:0]))
	switch {
	case typ == "":
		rd.bad("empty Action Type")
	case !known && !fee:
		rd.bad("unknown Action Type %s (want Authorization, Capture, Refund, Void, Chargeback, Pay To Card …)", csvin.Quote(typ))
	}
	amount := rd.optAmount(fAmount)
	currency := rd.optCurrency(fCurrency)
	holding := rd.optAmount(fSettleAmount)
	holdingCurrency := rd.optCurrency(fSettleCurrency)
	loc := time.UTC
	created := rd.timestamp(fCreated, loc)
	amt, cur := amount, currency
	if fee || !amt.ok {
		if holding.ok {
			amt, cur = holding, holdingCurrency
		}
	}
	if !amt.ok && len(rd.msgs) == 0 {
		rd.bad("no amount")
	}
	if cur == "" && len(rd.msgs) == 0 {
		rd.bad("no currency")
	}
	if skip, ok := rd.skipped(); skip || !ok {
		return ok
	}
	code := rd.v(fResponseCode)
	switch {
	case fee:
		kind, dir = payment.KindFee, signDirection(amt.d, payment.Debit)
	case !checkoutApproved(code) && (kind == payment.KindAuthorization || kind == payment.KindPayout):
		kind = payment.KindDecline
	case !checkoutApproved(code):
		kind = payment.KindStatus
	}
	if kind == payment.KindStatus {
		dir = signDirection(amt.d, dir)
		if dir == "" {
			dir = payment.Credit
		}
	}
	ev := rd.newEvent(kind, dir)
	ev.Amount = amt.d.Abs()
	ev.Currency = cur
	cd := ev.Card
	cd.RawType = rd.keep(typ)
	cd.RawStatus = rd.keep(breakdown)
	if !fee && holding.ok && holdingCurrency != "" && holdingCurrency != cur {
		cd.SettleAmount = rd.newMoney(holding.d.Abs(), holdingCurrency)
	}
	ev.Refs.PSPEventID = rd.keep(rd.v(fPSPEventID))
	ev.Refs.PSPID = rd.keep(rd.v(fPSPID))
	ev.Refs.MerchantReference = rd.keep(rd.v(fMerchantRef))
	ev.Refs.ARN = rd.keep(digitsOrSelf(rd.v(fARN)))
	switch kind {
	case payment.KindRefund, payment.KindRefundFailure, payment.KindChargeback, payment.KindChargebackReversal,
		payment.KindSecondChargeback, payment.KindAuthorizationReversal, payment.KindPayoutReturn:
		ev.Refs.OriginalPSPID = ev.Refs.PSPID
	}
	cd.PayoutID = rd.keep(rd.v(fPayoutID))
	cd.Brand = normBrand(rd.v(fBrand))
	if f := strings.ToLower(rd.v(fFunding)); f == "credit" || f == "debit" || f == "prepaid" || f == "deferred debit" || f == "charge" {
		cd.Funding = f
	}
	cd.BIN = rd.keep(bin(rd.v(fBIN)))
	cd.Last4 = rd.keep(last4(rd.v(fLast4)))
	if c := rd.v(fCountry); c != "" {
		cd.Country = strings.ToUpper(c)
	}
	cd.Wallet = normWallet(rd.v(fWallet))
	cd.AuthCode = rd.keep(rd.v(fAuthCode))
	ev.Party.Name = rd.keep(rd.v(fName))
	if code != "" {
		cd.ResponseScheme = SchemeCheckout
		cd.ResponseCode = rd.keep(code)
		cd.ResponseText = rd.keep(rd.v(fResponseText))
		if kind == payment.KindDecline {
			setReason(ev, SchemeCheckout, cd.ResponseCode)
		}
	}
	return rd.finish(ev, created, payment.Date{}, payment.Date{})
}

// digitsOrSelf strips blanks from a reference number written in groups.
func digitsOrSelf(s string) string {
	if strings.IndexByte(s, ' ') < 0 {
		return s
	}
	return strings.ReplaceAll(s, " ", "")
}
