package cards

import (
	"strings"
	"time"

	"github.com/payinv/payinv/csvin"
	"github.com/payinv/payinv/payment"
)

// Stripe exports (reference §1.1). Amounts are in major units, currency
// codes lower-case, times in UTC (the _utc columns; the created column of
// a report run in another time zone is read as UTC only when there is no
// created_utc).
//
// The merchant reference is not a column of Stripe's own: it is the
// metadata the company attaches to its payments. The readers take the
// first non-empty of the metadata keys reference, deposit_id and order_id
// (payment_metadata[KEY] in balance reports, "KEY (metadata)" in the
// payments export); a payments export without any of them falls back to
// the charge's Description. Another key needs the generic format with a
// mapping.

var stripeBalance = &format{
	name: FormatStripeBalance, processor: "stripe", ledger: true,
	idents: []string{"balance_transaction_id", "reporting_category"},
	cols: []col{
		required(fPSPEventID, "balance_transaction_id"),
		required(fCreated, "created_utc", "created"),
		optional(fAvailableOn, "available_on_utc", "available_on"),
		required(fCurrency, "currency"),
		required(fGross, "gross"),
		optional(fFee, "fee"),
		optional(fNet, "net"),
		required(fType, "reporting_category"),
		optional(fSourceID, "source_id"),
		optional(fPSPID, "charge_id"),
		optional(fTransactionID, "payment_intent_id"),
		optional(fDescription, "description"),
		optional(fSettleAmount, "customer_facing_amount"),
		optional(fSettleCurrency, "customer_facing_currency"),
		optional(fPayoutID, "automatic_payout_id"),
		optional(fName, "customer_name"),
		optional(fBrand, "card_brand"),
		optional(fFunding, "card_funding"),
		optional(fCountry, "card_country"),
		optional(fWallet, "card_wallet_type", "wallet_type"),
		optional(fDisputeReason, "dispute_reason"),
		optional(fDisputeCode, "dispute_network_reason_code", "network_reason_code"),
		optional(fMetaRef1, "payment_metadata[reference]"),
		optional(fMetaRef2, "payment_metadata[deposit_id]"),
		optional(fMetaRef3, "payment_metadata[order_id]"),
	},
	build: (*reader).stripeBalanceRow,
}

// SchemeStripeDispute is the scheme (the pseudo-network of the dispute
// catalog) of Stripe's own dispute reasons (fraudulent,
// product_not_received …), used when an export gives no network reason
// code: LookupDispute(code, SchemeStripeDispute) finds them.
const SchemeStripeDispute = "stripe_dispute"

// stripeBalanceRow reads one balance transaction.
func (rd *reader) stripeBalanceRow() bool {
	category := rd.v(fType)
	if category == "" {
		rd.bad("empty reporting_category")
	}
	gross := rd.amount(fGross)
	fee := rd.optAmount(fFee)
	net := rd.optAmount(fNet)
	currency := rd.currency(fCurrency)
	settle, settleCurrency := rd.settled(currency)
	created := rd.timestamp(fCreated, time.UTC)
	available := rd.day(fAvailableOn)
	if skip, ok := rd.skipped(); skip || !ok {
		return ok
	}

	var kind payment.Kind
	dir := signDirection(gross.d, payment.Debit)
	var buf [32]byte
	switch string(keyOf(category, buf[:0])) {
	case "charge":
		kind, dir = payment.KindCapture, payment.Credit
	case "refund":
		kind, dir = payment.KindRefund, payment.Debit
	case "refundfailure":
		kind, dir = payment.KindRefundFailure, payment.Credit
	case "dispute":
		kind, dir = payment.KindChargeback, payment.Debit
	case "disputereversal":
		kind, dir = payment.KindChargebackReversal, payment.Credit
	case "partialcapturereversal":
		kind, dir = payment.KindAuthorizationReversal, payment.Debit
	case "fee", "networkcost":
		kind = payment.KindFee
	default:
		// payout (the company's own payout to its bank, not a customer's
		// money), payout_reversal, transfer, topup, other_adjustment ...:
		// kept as status events, their direction the sign of gross.
		kind = payment.KindStatus
	}
	ev := rd.newEvent(kind, dir)
	ev.Amount = gross.d.Abs()
	ev.Currency = currency
	cd := ev.Card
	cd.RawType = rd.keep(category)
	if fee.ok {
		cd.Fee = rd.newMoney(fee.d, currency)
	}
	if net.ok {
		cd.Net = rd.newMoney(net.d, currency)
	}
	if settle.ok {
		cd.SettleAmount = rd.newMoney(settle.d.Abs(), settleCurrency)
	}

	ev.Refs.PSPEventID = rd.keep(rd.v(fPSPEventID))
	charge := rd.v(fPSPID)
	source := rd.v(fSourceID)
	if charge == "" && (strings.HasPrefix(source, "ch_") || strings.HasPrefix(source, "py_")) {
		charge = source
	}
	ev.Refs.PSPID = rd.keep(charge)
	switch kind {
	case payment.KindRefund, payment.KindRefundFailure, payment.KindChargeback, payment.KindChargebackReversal, payment.KindAuthorizationReversal:
		ev.Refs.OriginalPSPID = ev.Refs.PSPID
	}
	ev.Refs.TransactionID = rd.keep(rd.v(fTransactionID))
	ev.Refs.MerchantReference = rd.keep(rd.stripeReference(""))
	if strings.HasPrefix(source, "po_") {
		cd.PayoutID = rd.keep(source)
	} else {
		cd.PayoutID = rd.keep(rd.v(fPayoutID))
	}
	ev.Party.Name = rd.keep(rd.v(fName))
	rd.stripeCard(cd)
	if kind == payment.KindChargeback || kind == payment.KindChargebackReversal {
		rd.stripeDispute(ev)
	}
	return rd.finish(ev, created, payment.Date{}, available)
}

// stripeReference is the first metadata reference of the row, or
// fallback.
func (rd *reader) stripeReference(fallback string) string {
	for _, f := range [...]field{fMetaRef1, fMetaRef2, fMetaRef3} {
		if s := rd.v(f); s != "" {
			return s
		}
	}
	return fallback
}

// stripeCard fills in the card columns common to Stripe's exports.
func (rd *reader) stripeCard(cd *payment.CardDetail) {
	cd.Brand = normBrand(rd.v(fBrand))
	cd.Funding = strings.ToLower(rd.v(fFunding))
	if c := rd.v(fCountry); c != "" {
		cd.Country = strings.ToUpper(c)
	}
	cd.Wallet = normWallet(rd.v(fWallet))
	if l := rd.v(fLast4); l != "" {
		cd.Last4 = rd.keep(last4(l))
	}
	if l := rd.v(fDeviceLast4); l != "" {
		cd.DeviceLast4 = rd.keep(last4(l))
	}
}

// stripeDispute sets a chargeback's reason: the network's code when the
// export has it, else Stripe's reason word.
func (rd *reader) stripeDispute(ev *payment.Event) {
	network := disputeNetwork(ev.Card.Brand)
	if code := rd.v(fDisputeCode); code != "" && network != "" {
		ev.Card.DisputeReason = rd.keep(code)
		ev.Card.DisputeNetwork = network
		setReason(ev, network, ev.Card.DisputeReason)
		return
	}
	if reason := rd.v(fDisputeReason); reason != "" {
		ev.Card.DisputeReason = rd.keep(reason)
		ev.Card.DisputeNetwork = network
		setReason(ev, SchemeStripeDispute, ev.Card.DisputeReason)
	}
}

var stripePayments = &format{
	name: FormatStripePayments, processor: "stripe",
	idents: []string{"id", "Amount Refunded"},
	cols: []col{
		required(fPSPID, "id"),
		optional(fDescription, "Description"),
		optional(fResponseText, "Seller Message"),
		required(fCreated, "Created date (UTC)", "Created (UTC)", "Created"),
		required(fAmount, "Amount"),
		optional(fAmountRefunded, "Amount Refunded"),
		required(fCurrency, "Currency"),
		optional(fSettleAmount, "Converted Amount"),
		optional(fSettleCurrency, "Converted Currency"),
		optional(fFee, "Fee"),
		required(fStatus, "Status"),
		optional(fCaptured, "Captured"),
		optional(fName, "Card Name", "Customer Description"),
		optional(fLast4, "Card Last4"),
		optional(fBrand, "Card Brand"),
		optional(fFunding, "Card Funding"),
		optional(fCountry, "Card Issue Country"),
		optional(fWallet, "Card Tokenization Method"),
		optional(fDeviceLast4, "Card Wallet Dynamic Last4", "Card Dynamic Last4"),
		optional(fDisputedAmount, "Disputed Amount"),
		optional(fDisputeStatus, "Dispute Status"),
		optional(fDisputeReason, "Dispute Reason"),
		optional(fDisputeCode, "Dispute Network Reason Code"),
		optional(fDisputeDate, "Dispute Date (UTC)", "Dispute Date"),
		optional(fRefundedDate, "Refunded date (UTC)", "Refunded Date (UTC)", "Refunded date"),
		optional(fResponseCode, "Decline Code", "Decline Reason"),
		optional(fNetworkCode, "Network Decline Code"),
		optional(fTransactionID, "PaymentIntent ID"),
		optional(fMetaRef1, "reference (metadata)"),
		optional(fMetaRef2, "deposit_id (metadata)"),
		optional(fMetaRef3, "order_id (metadata)"),
	},
	build: (*reader).stripePaymentsRow,
}

// stripePaymentsRow reads one charge of the payments export: its capture
// (or authorization, decline, release), then, from the same row, a refund
// event when Amount Refunded is above zero and a chargeback event when
// Disputed Amount is. The export has no date for a won dispute's
// reversal: the dispute status is kept as the chargeback's RawStatus and
// the balance report carries the reversal.
func (rd *reader) stripePaymentsRow() bool {
	status := rd.v(fStatus)
	amount := rd.amount(fAmount)
	currency := rd.currency(fCurrency)
	refunded := rd.optAmount(fAmountRefunded)
	disputed := rd.optAmount(fDisputedAmount)
	fee := rd.optAmount(fFee)
	settle, settleCurrency := rd.settled(currency)
	created := rd.timestamp(fCreated, time.UTC)
	var refundedAt, disputedAt time.Time
	if refunded.ok && refunded.d.Sign() > 0 && rd.v(fRefundedDate) != "" {
		refundedAt = rd.timestamp(fRefundedDate, time.UTC)
	}
	if disputed.ok && disputed.d.Sign() > 0 && rd.v(fDisputeDate) != "" {
		disputedAt = rd.timestamp(fDisputeDate, time.UTC)
	}
	captured, capturedKnown := isTrue(rd.v(fCaptured))

	var kind payment.Kind
	var buf [32]byte
	switch string(keyOf(status, buf[:0])) {
	case "paid", "succeeded", "refunded", "partiallyrefunded", "disputed":
		kind = payment.KindCapture
		if capturedKnown && !captured {
			kind = payment.KindAuthorization
		}
	case "failed", "blocked", "declined":
		kind = payment.KindDecline
	case "uncaptured", "requirescapture", "authorized":
		kind = payment.KindAuthorization
	case "canceled", "cancelled":
		kind = payment.KindAuthorizationReversal
	case "pending", "incomplete", "processing", "requirespaymentmethod", "requiresaction", "requiresconfirmation":
		kind = payment.KindStatus
	case "":
		rd.bad("empty Status")
	default:
		rd.bad("unknown Status %s (want Paid, Refunded, Failed, Uncaptured, Canceled …)", csvin.Quote(status))
	}
	if skip, ok := rd.skipped(); skip || !ok {
		return ok
	}

	dir := payment.Credit
	if kind == payment.KindAuthorizationReversal {
		dir = payment.Debit
	}
	ev := rd.newEvent(kind, dir)
	ev.Amount = amount.d.Abs()
	ev.Currency = currency
	rd.stripeCharge(ev, status)
	cd := ev.Card
	if fee.ok && kind == payment.KindCapture {
		cd.Fee = rd.newMoney(fee.d, currency)
	}
	if settle.ok {
		cd.SettleAmount = rd.newMoney(settle.d.Abs(), settleCurrency)
	}
	if kind == payment.KindDecline {
		code := rd.v(fResponseCode)
		text := rd.v(fResponseText)
		if code == "" {
			code = declineCodeIn(text)
		}
		if nc := rd.v(fNetworkCode); nc != "" {
			text = strings.TrimSpace(text + " [network decline code " + nc + "]")
		}
		cd.ResponseScheme = SchemeStripeDecline
		cd.ResponseCode = rd.keep(code)
		cd.ResponseText = rd.keep(text)
		setReason(ev, SchemeStripeDecline, cd.ResponseCode)
	}
	if !rd.finish(ev, created, payment.Date{}, payment.Date{}) {
		return false
	}
	if kind != payment.KindCapture {
		return true
	}

	if refunded.ok && refunded.d.Sign() > 0 {
		rf := rd.newEvent(payment.KindRefund, payment.Debit)
		rf.Amount = refunded.d.Abs()
		rf.Currency = currency
		rd.stripeCharge(rf, status)
		rf.Refs.OriginalPSPID = rf.Refs.PSPID
		if !rd.finish(rf, refundedAt, payment.Date{}, payment.Date{}) {
			return false
		}
	}
	if disputed.ok && disputed.d.Sign() > 0 {
		cb := rd.newEvent(payment.KindChargeback, payment.Debit)
		cb.Amount = disputed.d.Abs()
		cb.Currency = currency
		rd.stripeCharge(cb, rd.v(fDisputeStatus))
		cb.Refs.OriginalPSPID = cb.Refs.PSPID
		rd.stripeDispute(cb)
		if !rd.finish(cb, disputedAt, payment.Date{}, payment.Date{}) {
			return false
		}
	}
	return true
}

// stripeCharge fills in what every event of a payments-export row shares.
func (rd *reader) stripeCharge(ev *payment.Event, rawStatus string) {
	ev.Refs.PSPID = rd.keep(rd.v(fPSPID))
	ev.Refs.TransactionID = rd.keep(rd.v(fTransactionID))
	ev.Refs.MerchantReference = rd.keep(rd.stripeReference(rd.v(fDescription)))
	ev.Party.Name = rd.keep(rd.v(fName))
	ev.Card.RawType = "charge"
	ev.Card.RawStatus = rd.keep(rawStatus)
	rd.stripeCard(ev.Card)
}

// declineCodeIn finds Stripe's decline code in a seller message such as
// "The bank returned the decline code `insufficient_funds`.".
func declineCodeIn(msg string) string {
	i := strings.IndexByte(msg, '`')
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(msg[i+1:], '`')
	if j <= 0 {
		return ""
	}
	code := msg[i+1 : i+1+j]
	for k := 0; k < len(code); k++ {
		if c := code[k]; !(c == '_' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return ""
		}
	}
	return code
}
