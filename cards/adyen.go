package cards

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/csvin"
	"github.com/payinv/payinv/payment"
)

// Adyen reports (reference §1.2). Times are in the zone of the TimeZone
// column (CET, UTC, PST …, resolved with the time zone database; UTC when
// the column is absent or empty). Amounts are in major units, in debit
// and credit columns: credit is money to the company.

var adyenSettlement = &format{
	name: FormatAdyenSettlement, processor: "adyen", ledger: true,
	idents: []string{"Psp Reference", "Type"},
	cols: []col{
		required(fPSPID, "Psp Reference"),
		optional(fMerchantRef, "Merchant Reference"),
		optional(fBrand, "Payment Method"),
		required(fCreated, "Creation Date"),
		optional(fTimeZone, "TimeZone", "Time Zone"),
		required(fType, "Type"),
		optional(fPSPEventID, "Modification Reference"),
		required(fCurrency, "Gross Currency"),
		required(fGrossDebit, "Gross Debit (GC)", "Gross Debit"),
		required(fGrossCredit, "Gross Credit (GC)", "Gross Credit"),
		optional(fNetCurrency, "Net Currency"),
		optional(fNetDebit, "Net Debit (NC)", "Net Debit"),
		optional(fNetCredit, "Net Credit (NC)", "Net Credit"),
		optional(fCommission, "Commission (NC)", "Commission"),
		optional(fMarkup, "Markup (NC)", "Markup"),
		optional(fSchemeFees, "Scheme Fees (NC)", "Scheme Fees"),
		optional(fInterchange, "Interchange (NC)", "Interchange"),
		optional(fVariant, "Payment Method Variant"),
		optional(fPayoutID, "Batch Number"),
		optional(fSettlementDate, "Booking Date"),
		optional(fDisputeReason, "Dispute Reason", "Dispute Reason Code", "Chargeback Reason Code"),
		optional(fARN, "Acquirer Reference", "ARN", "Acquirer Reference Number"),
	},
	build: (*reader).adyenSettlementRow,
}

// adyenSettlementType maps a journal type (compared as keyOf) to a kind;
// ok false for types payinv does not know.
func adyenSettlementType(k []byte) (kind payment.Kind, dir payment.Direction, ok bool) {
	switch string(k) {
	case "settled", "settledbulk", "settledexternally", "settledexternallywithinfo", "settledinstallment":
		return payment.KindCapture, payment.Credit, true
	case "refunded", "refundedbulk", "refundedexternally", "refundedexternallywithinfo", "refundedinstallment":
		return payment.KindRefund, payment.Debit, true
	case "refundedreversed":
		return payment.KindRefundFailure, payment.Credit, true
	case "chargeback", "chargebackexternally", "chargebackexternallywithinfo":
		return payment.KindChargeback, payment.Debit, true
	case "chargebackreversed", "chargebackreversedexternallywithinfo":
		return payment.KindChargebackReversal, payment.Credit, true
	case "secondchargeback":
		return payment.KindSecondChargeback, payment.Debit, true
	case "fee", "invoicededuction", "paymentcost", "misccosts", "settlecost", "authorisationschemefee":
		return payment.KindFee, "", true
	case "bppaidout":
		return payment.KindPayout, payment.Debit, true
	case "merchantpayout", "depositcorrection", "matchedstatement", "manualcorrected", "bankinstructionreturned",
		"internalcompanypayout", "epapaid", "balancetransfer", "reserveadjustment", "paidout", "paidoutreversed",
		"merchantpayoutreversed":
		return payment.KindStatus, "", true
	}
	return "", "", false
}

// adyenSettlementRow reads one journal line of a settlement details
// report. The amount is Gross Credit or Gross Debit in Gross Currency, or
// for lines without gross amounts (fees, payouts to the company) Net
// Credit or Net Debit in Net Currency. The fee is Commission + Markup +
// Scheme Fees + Interchange, the net Net Credit − Net Debit, both in Net
// Currency.
func (rd *reader) adyenSettlementRow() bool {
	typ := rd.v(fType)
	var buf [40]byte
	kind, dir, known := adyenSettlementType(keyOf(typ, buf[:0]))
	switch {
	case typ == "":
		rd.bad("empty Type")
	case !known:
		rd.bad("unknown Type %s (want Settled, Refunded, Chargeback, Fee, MerchantPayout …)", csvin.Quote(typ))
	}
	grossCurrency := rd.optCurrency(fCurrency)
	netCurrency := rd.optCurrency(fNetCurrency)
	gd, gc := rd.optAmount(fGrossDebit), rd.optAmount(fGrossCredit)
	nd, nc := rd.optAmount(fNetDebit), rd.optAmount(fNetCredit)
	fee, hasFee := rd.feeSum()
	loc := rd.location(fTimeZone, time.UTC)
	created := rd.timestamp(fCreated, loc)
	booked := rd.day(fSettlementDate)

	amt, currency, colDir, found := pickDebitCredit(gd, gc, grossCurrency)
	if !found {
		amt, currency, colDir, found = pickDebitCredit(nd, nc, netCurrency)
	}
	if !found && len(rd.msgs) == 0 {
		rd.bad("no amount: Gross Debit, Gross Credit, Net Debit and Net Credit are all empty")
	}
	if found && currency == "" && len(rd.msgs) == 0 {
		rd.bad("no currency for the amount")
	}
	if skip, ok := rd.skipped(); skip || !ok {
		return ok
	}
	if dir == "" {
		dir = colDir
	}
	ev := rd.newEvent(kind, dir)
	ev.Amount = amt.Abs()
	ev.Currency = currency
	cd := ev.Card
	cd.RawType = rd.keep(typ)
	if hasFee && kind != payment.KindFee {
		cd.Fee = rd.newMoney(fee, firstNonEmpty(netCurrency, currency))
	}
	if nd.ok || nc.ok {
		net := decimal.Zero
		if nc.ok {
			net = net.Add(nc.d)
		}
		if nd.ok {
			net = net.Sub(nd.d)
		}
		cd.Net = rd.newMoney(net, firstNonEmpty(netCurrency, currency))
	}
	rd.adyenRefs(ev)
	rd.adyenCard(cd)
	if kind == payment.KindChargeback || kind == payment.KindSecondChargeback || kind == payment.KindChargebackReversal {
		rd.adyenDispute(ev)
	}
	return rd.finish(ev, created, booked, payment.Date{})
}

// pickDebitCredit chooses the amount of a debit/credit column pair: the
// non-zero one (credit first), else a zero one.
func pickDebitCredit(debit, credit valueAmount, currency string) (decimal.Decimal, string, payment.Direction, bool) {
	switch {
	case credit.ok && !credit.d.IsZero():
		return credit.d, currency, payment.Credit, true
	case debit.ok && !debit.d.IsZero():
		return debit.d, currency, payment.Debit, true
	case credit.ok:
		return credit.d, currency, payment.Credit, true
	case debit.ok:
		return debit.d, currency, payment.Debit, true
	}
	return decimal.Decimal{}, "", "", false
}

// feeSum adds Commission, Markup, Scheme Fees and Interchange; ok false
// when all are empty.
func (rd *reader) feeSum() (decimal.Decimal, bool) {
	sum, any := decimal.Zero, false
	for _, f := range [...]field{fCommission, fMarkup, fSchemeFees, fInterchange} {
		if a := rd.optAmount(f); a.ok {
			sum = sum.Add(a.d)
			any = true
		}
	}
	return sum, any
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// adyenRefs fills in the references of an Adyen event: the PSP
// reference, which on refund and dispute lines is the original payment's.
func (rd *reader) adyenRefs(ev *payment.Event) {
	ev.Refs.PSPID = rd.keep(rd.v(fPSPID))
	ev.Refs.PSPEventID = rd.keep(rd.v(fPSPEventID))
	ev.Refs.MerchantReference = rd.keep(rd.v(fMerchantRef))
	ev.Refs.ARN = rd.keep(rd.v(fARN))
	switch ev.Kind {
	case payment.KindRefund, payment.KindRefundFailure, payment.KindChargeback, payment.KindChargebackReversal,
		payment.KindSecondChargeback, payment.KindAuthorizationReversal:
		ev.Refs.OriginalPSPID = ev.Refs.PSPID
	}
	ev.Card.PayoutID = rd.keep(rd.v(fPayoutID))
}

// adyenCard reads the brand and wallet from Payment Method ("visa", "mc")
// and Payment Method Variant ("visadebit", "mc_applepay").
func (rd *reader) adyenCard(cd *payment.CardDetail) {
	method, variant := rd.v(fBrand), rd.v(fVariant)
	var buf [48]byte
	vk := keyOf(variant, buf[:0])
	switch {
	case hasSuffix(vk, "applepay"):
		cd.Wallet = "apple_pay"
	case hasSuffix(vk, "googlepay"), hasSuffix(vk, "paywithgoogle"), hasSuffix(vk, "androidpay"):
		cd.Wallet = "google_pay"
	case hasSuffix(vk, "samsungpay"):
		cd.Wallet = "samsung_pay"
	}
	if w := normWallet(method); w != "" && knownWallet(w) {
		// Payment Method "applepay": the brand is in the variant.
		cd.Wallet = w
		method = ""
	}
	cd.Brand = normBrand(method)
	if cd.Brand == "" {
		cd.Brand = normBrand(variant)
	}
	switch {
	case contains(vk, "debit"):
		cd.Funding = "debit"
	case contains(vk, "prepaid"):
		cd.Funding = "prepaid"
	case contains(vk, "credit"):
		cd.Funding = "credit"
	}
}

func knownWallet(w string) bool {
	switch w {
	case "apple_pay", "google_pay", "samsung_pay", "masterpass", "visa_checkout":
		return true
	}
	return false
}

func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

func contains(b []byte, s string) bool { return strings.Contains(string(b), s) }

// adyenDispute reads a chargeback's reason code ("10.4", "4837", "10.4
// Other Fraud – Card Absent"): its first word.
func (rd *reader) adyenDispute(ev *payment.Event) {
	reason := rd.v(fDisputeReason)
	if reason == "" {
		return
	}
	code := reason
	if i := strings.IndexAny(code, " \t"); i > 0 {
		code = code[:i]
	}
	ev.Card.DisputeReason = rd.keep(code)
	network := disputeNetwork(ev.Card.Brand)
	ev.Card.DisputeNetwork = network
	if network != "" {
		setReason(ev, network, ev.Card.DisputeReason)
	}
}

var adyenAccounting = &format{
	name: FormatAdyenAccounting, processor: "adyen",
	idents: []string{"Psp Reference", "Record Type"},
	cols: []col{
		required(fPSPID, "Psp Reference"),
		optional(fMerchantRef, "Merchant Reference"),
		optional(fBrand, "Payment Method"),
		required(fCreated, "Booking Date"),
		optional(fTimeZone, "TimeZone", "Booking Date TimeZone", "Time Zone"),
		optional(fMainCurrency, "Main Currency"),
		optional(fMainAmount, "Main Amount"),
		required(fType, "Record Type"),
		required(fCurrency, "Payment Currency"),
		optional(fReceivedAmount, "Received (PC)"),
		optional(fAuthorisedAmount, "Authorised (PC)"),
		optional(fAmount, "Captured (PC)"),
		optional(fNetCurrency, "Settlement Currency"),
		optional(fNet, "Payable (SC)"),
		optional(fCommission, "Commission (SC)"),
		optional(fMarkup, "Markup (SC)"),
		optional(fSchemeFees, "Scheme Fees (SC)"),
		optional(fInterchange, "Interchange (SC)"),
		optional(fVariant, "Payment Method Variant"),
		optional(fPSPEventID, "Modification Psp Reference", "Modification Reference"),
		optional(fResponseText, "Refusal Reason", "Refusal Reason Raw"),
		optional(fDisputeReason, "Dispute Reason", "Dispute Reason Code", "Chargeback Reason Code"),
		optional(fARN, "Acquirer Reference", "ARN", "Acquirer Reference Number"),
		optional(fPayoutID, "Payable Batch", "Batch Number"),
	},
	anyOf: [][]field{{fMainAmount, fAmount, fAuthorisedAmount, fReceivedAmount}},
	build: (*reader).adyenAccountingRow,
}

// adyenAccountingType maps a record type to a kind. SentForSettle and
// SentForRefund are requests, not money moving: status; Settled and
// Refunded are when it moves.
func adyenAccountingType(k []byte) (kind payment.Kind, dir payment.Direction, ok bool) {
	switch string(k) {
	case "authorised", "authorized":
		return payment.KindAuthorization, payment.Credit, true
	case "refused":
		return payment.KindDecline, payment.Credit, true
	case "cancelled", "canceled", "expired":
		return payment.KindAuthorizationReversal, payment.Debit, true
	case "settled", "settledbulk", "settledexternally":
		return payment.KindCapture, payment.Credit, true
	case "refunded", "refundedbulk", "refundedexternally":
		return payment.KindRefund, payment.Debit, true
	case "refundedreversed":
		return payment.KindRefundFailure, payment.Credit, true
	case "chargeback", "chargebackexternally":
		return payment.KindChargeback, payment.Debit, true
	case "chargebackreversed":
		return payment.KindChargebackReversal, payment.Credit, true
	case "secondchargeback":
		return payment.KindSecondChargeback, payment.Debit, true
	case "sentforsettle", "sentforrefund", "refundauthorised", "received", "error", "retried", "capturefailed",
		"refundfailed", "reversed", "notificationofchargeback", "requestforinformation", "informationsupplied",
		"notificationoffraud", "prearbitrationwon", "prearbitrationlost", "sentforpayout", "paidout":
		return payment.KindStatus, "", true
	}
	return "", "", false
}

// adyenAccountingRow reads one status change of a payment accounting
// report. The amount is Main Amount in Main Currency when given, else the
// payment-currency column of the record type: Authorised (PC) (then
// Received (PC)) for authorisations, refusals and their ends, Captured
// (PC) for the rest.
func (rd *reader) adyenAccountingRow() bool {
	typ := rd.v(fType)
	var buf [40]byte
	kind, dir, known := adyenAccountingType(keyOf(typ, buf[:0]))
	switch {
	case typ == "":
		rd.bad("empty Record Type")
	case !known:
		rd.bad("unknown Record Type %s (want Authorised, Refused, Settled, Refunded, Cancelled, Chargeback …)", csvin.Quote(typ))
	}
	paymentCurrency := rd.optCurrency(fCurrency)
	mainCurrency := rd.optCurrency(fMainCurrency)
	main := rd.optAmount(fMainAmount)
	captured := rd.optAmount(fAmount)
	authorised := rd.optAmount(fAuthorisedAmount)
	received := rd.optAmount(fReceivedAmount)
	payable := rd.optAmount(fNet)
	settleCurrency := rd.optCurrency(fNetCurrency)
	fee, hasFee := rd.feeSum()
	loc := rd.location(fTimeZone, time.UTC)
	created := rd.timestamp(fCreated, loc)

	var amt valueAmount
	currency := paymentCurrency
	switch {
	case main.ok:
		amt, currency = main, firstNonEmpty(mainCurrency, paymentCurrency)
	case kind == payment.KindAuthorization || kind == payment.KindDecline || kind == payment.KindAuthorizationReversal:
		amt = firstAmount(authorised, received, captured)
	default:
		amt = firstAmount(captured, authorised, received)
	}
	if !amt.ok && len(rd.msgs) == 0 {
		rd.bad("no amount for record type %s", csvin.Quote(typ))
	}
	if currency == "" && len(rd.msgs) == 0 {
		rd.bad("no currency (Payment Currency is empty)")
	}
	if skip, ok := rd.skipped(); skip || !ok {
		return ok
	}
	if dir == "" {
		dir = signDirection(amt.d, payment.Credit)
	}
	ev := rd.newEvent(kind, dir)
	ev.Amount = amt.d.Abs()
	ev.Currency = currency
	cd := ev.Card
	cd.RawType = rd.keep(typ)
	if hasFee {
		cd.Fee = rd.newMoney(fee, firstNonEmpty(settleCurrency, currency))
	}
	if payable.ok {
		cd.Net = rd.newMoney(payable.d, firstNonEmpty(settleCurrency, currency))
	}
	rd.adyenRefs(ev)
	rd.adyenCard(cd)
	switch kind {
	case payment.KindDecline:
		if reason := rd.v(fResponseText); reason != "" {
			// The report gives the refusal reason's text; the code is
			// the catalog's number for it ("Not enough balance" is 12),
			// or the text itself when the catalog does not know it.
			cd.ResponseScheme = SchemeAdyenRefusal
			cd.ResponseText = rd.keep(reason)
			cd.ResponseCode = adyenRefusalCode(cd.ResponseText)
			setReason(ev, SchemeAdyenRefusal, cd.ResponseCode)
		}
	case payment.KindChargeback, payment.KindSecondChargeback, payment.KindChargebackReversal:
		rd.adyenDispute(ev)
	}
	return rd.finish(ev, created, payment.Date{}, payment.Date{})
}

func firstAmount(as ...valueAmount) valueAmount {
	for _, a := range as {
		if a.ok {
			return a
		}
	}
	return valueAmount{}
}
