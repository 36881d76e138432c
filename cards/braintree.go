package cards

import (
	"strings"
	"time"

	"github.com/payinv/payinv/csvin"
	"github.com/payinv/payinv/payment"
)

// Braintree's Control Panel transaction search CSV (reference §1.3). One
// row is one transaction: a sale, or a credit (a refund, a transaction of
// its own that names the sale in Refunded Transaction ID). Created
// Datetime is in the zone of Created Timezone (an IANA name, an
// abbreviation such as CST, or a Rails name such as "Central Time (US &
// Canada)"); Settlement Date and Disbursement Date are days.

var braintree = &format{
	name: FormatBraintree, processor: "braintree",
	idents: []string{"Transaction ID", "Transaction Type", "Transaction Status"},
	cols: []col{
		required(fPSPID, "Transaction ID"),
		required(fType, "Transaction Type"),
		required(fStatus, "Transaction Status"),
		required(fCreated, "Created Datetime"),
		optional(fTimeZone, "Created Timezone"),
		optional(fSettlementDate, "Settlement Date"),
		optional(fAvailableOn, "Disbursement Date"),
		required(fCurrency, "Currency ISO Code"),
		optional(fAuthorisedAmount, "Amount Authorized"),
		optional(fAmount, "Amount Submitted For Settlement"),
		optional(fSettleAmount, "Settlement Amount"),
		optional(fSettleCurrency, "Settlement Currency ISO Code", "Settlement Currency"),
		optional(fMerchantRef, "Order ID"),
		optional(fOriginalPSPID, "Refunded Transaction ID"),
		optional(fInstrumentType, "Payment Instrument Type"),
		optional(fBrand, "Card Type"),
		optional(fBIN, "First Six of Credit Card"),
		optional(fLast4, "Last Four of Credit Card"),
		optional(fCountry, "Issuing Bank Country", "Credit Card Customer Location"),
		optional(fFunding, "Debit", "Card Funding"),
		optional(fResponseCode, "Processor Response Code"),
		optional(fResponseText, "Processor Response Text"),
		optional(fAuthCode, "Processor Authorization Code"),
		optional(fGatewayReason, "Gateway Rejection Reason"),
		optional(fFirstName, "Customer First Name"),
		optional(fLastName, "Customer Last Name"),
		optional(fName, "Cardholder Name"),
	},
	anyOf: [][]field{{fAmount, fAuthorisedAmount}},
	build: (*reader).braintreeRow,
}

// braintreeKind maps a transaction type and status to a kind.
func braintreeKind(typ, status []byte) (kind payment.Kind, dir payment.Direction, why string) {
	switch string(typ) {
	case "sale":
		switch string(status) {
		case "authorized", "authorizing":
			return payment.KindAuthorization, payment.Credit, ""
		case "authorizationexpired", "voided":
			return payment.KindAuthorizationReversal, payment.Debit, ""
		case "submittedforsettlement", "settling", "settlementpending", "settled", "settlementconfirmed":
			return payment.KindCapture, payment.Credit, ""
		case "processordeclined", "gatewayrejected", "failed", "settlementdeclined":
			return payment.KindDecline, payment.Credit, ""
		}
	case "credit":
		switch string(status) {
		case "authorized", "authorizing", "submittedforsettlement", "settling", "settlementpending", "settled", "settlementconfirmed":
			return payment.KindRefund, payment.Debit, ""
		case "processordeclined", "gatewayrejected", "failed", "settlementdeclined", "voided", "authorizationexpired":
			// A refund that never went out: no money moved.
			return payment.KindStatus, payment.Debit, ""
		}
	default:
		return "", "", "unknown Transaction Type %s (want sale or credit)"
	}
	return "", "", "unknown Transaction Status %s"
}

// braintreeRow reads one transaction. Captures and refunds take Amount
// Submitted For Settlement (else Amount Authorized); authorizations,
// declines and voids Amount Authorized (else the submitted amount).
// gateway_rejected is a decline by Braintree's own rules (AVS, CVV, fraud,
// duplicate), not by the bank: its RawStatus says so and its response text
// names the rejection reason.
func (rd *reader) braintreeRow() bool {
	typ, status := rd.v(fType), rd.v(fStatus)
	var tb, sb [40]byte
	kind, dir, why := braintreeKind(keyOf(typ, tb[:0]), keyOf(status, sb[:0]))
	if why != "" {
		if strings.Contains(why, "Type") {
			rd.bad(why, csvin.Quote(typ))
		} else {
			rd.bad(why, csvin.Quote(status))
		}
	}
	currency := rd.currency(fCurrency)
	submitted := rd.optAmount(fAmount)
	authorized := rd.optAmount(fAuthorisedAmount)
	settle, settleCurrency := rd.settled(currency)
	loc := rd.location(fTimeZone, time.UTC)
	created := rd.timestamp(fCreated, loc)
	settled := rd.day(fSettlementDate)
	disbursed := rd.day(fAvailableOn)
	var amt valueAmount
	switch {
	case kind == payment.KindCapture, kind == payment.KindRefund, string(keyOf(typ, tb[:0])) == "credit":
		amt = firstAmount(submitted, authorized)
	default:
		amt = firstAmount(authorized, submitted)
	}
	if !amt.ok && len(rd.msgs) == 0 {
		rd.bad("no amount: Amount Submitted For Settlement and Amount Authorized are empty")
	}
	if skip, ok := rd.skipped(); skip || !ok {
		return ok
	}

	ev := rd.newEvent(kind, dir)
	ev.Amount = amt.d.Abs()
	ev.Currency = currency
	cd := ev.Card
	cd.RawType = rd.keep(typ)
	cd.RawStatus = rd.keep(status)
	ev.Refs.PSPID = rd.keep(rd.v(fPSPID))
	ev.Refs.MerchantReference = rd.keep(rd.v(fMerchantRef))
	if string(keyOf(typ, tb[:0])) == "credit" {
		ev.Refs.OriginalPSPID = rd.keep(rd.v(fOriginalPSPID))
	}
	if settle.ok {
		cd.SettleAmount = rd.newMoney(settle.d.Abs(), settleCurrency)
	}

	// The card. Apple Pay cards are "Apple Pay - Visa"; their BIN and last
	// four may be the device account number's.
	cardType := rd.v(fBrand)
	cd.Brand = normBrand(cardType)
	cd.Wallet = normWallet(rd.v(fInstrumentType))
	if cd.Wallet == "" {
		var kb [48]byte
		k := keyOf(cardType, kb[:0])
		switch {
		case strings.HasPrefix(string(k), "applepay"):
			cd.Wallet = "apple_pay"
		case strings.HasPrefix(string(k), "googlepay"), strings.HasPrefix(string(k), "androidpay"):
			cd.Wallet = "google_pay"
		}
	}
	if w := cd.Wallet; strings.HasSuffix(w, "account") {
		cd.Wallet = strings.TrimSuffix(strings.TrimSuffix(w, "account"), "_") // paypal_account → paypal
	}
	cd.BIN = rd.keep(bin(rd.v(fBIN)))
	cd.Last4 = rd.keep(last4(rd.v(fLast4)))
	if c := rd.v(fCountry); len(c) == 2 || len(c) == 3 {
		cd.Country = strings.ToUpper(c)
	}
	switch funding := strings.ToLower(rd.v(fFunding)); funding {
	case "yes", "y", "true":
		cd.Funding = "debit" // the Debit column
	case "no", "n", "false", "unknown", "":
	default:
		cd.Funding = funding
	}
	cd.AuthCode = rd.keep(rd.v(fAuthCode))
	name := rd.v(fName)
	if first, last := rd.v(fFirstName), rd.v(fLastName); first != "" || last != "" {
		name = strings.TrimSpace(first + " " + last)
	}
	ev.Party.Name = rd.keep(name)

	if kind == payment.KindDecline || kind == payment.KindStatus {
		cd.ResponseScheme = SchemeBraintree
		cd.ResponseCode = rd.keep(rd.v(fResponseCode))
		cd.ResponseText = rd.keep(rd.v(fResponseText))
		var kb [40]byte
		if string(keyOf(status, kb[:0])) == "gatewayrejected" {
			text := "rejected by Braintree's own rules, not by the bank"
			if r := rd.v(fGatewayReason); r != "" {
				text += ": " + r
			}
			cd.ResponseText = text
		}
		if kind == payment.KindDecline {
			setReason(ev, SchemeBraintree, cd.ResponseCode)
		}
	} else if code := rd.v(fResponseCode); code != "" {
		cd.ResponseScheme = SchemeBraintree
		cd.ResponseCode = rd.keep(code)
		cd.ResponseText = rd.keep(rd.v(fResponseText))
	}
	return rd.finish(ev, created, settled, disbursed)
}
