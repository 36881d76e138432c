package fedwire

import "github.com/payinv/payinv/payment"

// kindOfSubtype is the kind of a message by its {1510} subtype; ok is false
// for a subtype FAIM does not define.
func kindOfSubtype(subtype string) (k payment.Kind, ok bool) {
	switch subtype {
	case "00", "32": // basic transfer; transfer honoring a drawdown request
		return payment.KindPayment, true
	case "02", "08": // reversal of a transfer received today / on a prior day
		return payment.KindReversal, true
	case "01", "07": // request for reversal (today / prior day)
		return payment.KindRecall, true
	case "31", "33", "90": // drawdown request; refusal of one; service message
		return payment.KindStatus, true
	}
	return payment.KindPayment, false
}

// valueKind reports whether an event of kind k moves money and so has a
// settlement date.
func valueKind(k payment.Kind) bool {
	return k == payment.KindPayment || k == payment.KindReversal || k == payment.KindReturn
}

// moneyMarket are the business functions of the Fed funds market: FFR (Fed
// funds returned) is the repayment of an overnight loan between banks, not
// the return of a payment.
func moneyMarket(bfc string) bool { return bfc == "FFR" || bfc == "FFS" }

// disposition is what a {1100} message disposition says.
type disposition struct {
	status  string       // Wire.Status: accepted, rejected, intercepted, received
	kind    payment.Kind // the kind it forces (rejection, status); "" keeps the message's own
	inbound bool         // the message was delivered to the company's bank
	known   bool
}

// dispositionOf reads the status indicator of {1100}: for a message the
// bank sent, 0 in process or intercepted, 2 accepted (value), 3 rejected,
// 7 accepted (non-value); for one it received, N (value) or S (non-value).
func dispositionOf(status string) disposition {
	switch status {
	case "0":
		return disposition{status: "intercepted", kind: payment.KindStatus, known: true}
	case "2", "7":
		return disposition{status: "accepted", known: true}
	case "3":
		return disposition{status: "rejected", kind: payment.KindRejection, known: true}
	case "N", "S":
		return disposition{status: "received", inbound: true, known: true}
	}
	return disposition{}
}
