package reason

import "strings"

// StatusWord explains a status word a wire message carries
// (payment.WireDetail.Status): an ISO transaction status, a camt.029
// answer to a recall, a gpi status, a FAIM disposition or a SWIFT
// acknowledgment.
type StatusWord struct {
	Word  string // as catalogued: "ACSC", "accepted", "3"
	Title string // "Accepted, settlement completed"
	// Where says which messages carry the word.
	Where string
	// Outcome sums the word up for machines: accepted, pending, settled,
	// credited, rejected, cancelled, refused or partial.
	Outcome string
	// Final is true when no further status will follow for the payment
	// (from this reporter).
	Final bool
	// Meaning is for the analyst, Customer one sentence fit for a reply.
	Meaning  string
	Customer string
}

// Outcomes of status words.
const (
	OutcomeAccepted  = "accepted"  // taken in, not yet settled
	OutcomePending   = "pending"   // waiting for something
	OutcomeSettled   = "settled"   // settled between banks; not proof of credit
	OutcomeCredited  = "credited"  // on the beneficiary's account
	OutcomeRejected  = "rejected"  // stopped, no money moved
	OutcomeCancelled = "cancelled" // cancelled as asked (a recall accepted)
	OutcomeRefused   = "refused"   // a recall refused
	OutcomePartial   = "partial"   // partly done
)

// Status explains a status word; case and surrounding space do not
// matter. ok is false for a word the catalog does not know.
func Status(word string) (StatusWord, bool) {
	w, ok := statusWords[strings.ToUpper(strings.TrimSpace(word))]
	return w, ok
}

// StatusWords returns every status word, in display order.
func StatusWords() []StatusWord {
	out := make([]StatusWord, len(statusWordList))
	copy(out, statusWordList)
	return out
}

var statusWords = func() map[string]StatusWord {
	m := make(map[string]StatusWord, len(statusWordList))
	for _, w := range statusWordList {
		m[strings.ToUpper(w.Word)] = w
	}
	return m
}()

// Where the words come from.
const (
	whereTxSts  = "ISO 20022 transaction status: pacs.002 TxSts, and the gpi tracker's status"
	whereConf   = "camt.029 answer to a recall: Sts/Conf"
	whereTxCxl  = "camt.029 answer to a recall: TxCxlSts"
	whereFAIM   = "Fedwire FAIM disposition, as the reader words it"
	where1100   = "Fedwire FAIM {1100} message disposition status character"
	whereSwift  = "SWIFT FIN acknowledgment of a sent message"
	notCredited = " This is the interbank leg: it is not proof that the beneficiary's account was credited."
)

// statusWordList is every status word, grouped by where it comes from.
var statusWordList = []StatusWord{
	{Word: "RCVD", Title: "Received", Where: whereTxSts, Outcome: OutcomeAccepted,
		Meaning:  "The payment instruction was received; nothing is checked yet.",
		Customer: "Your payment has been received and is being processed."},
	{Word: "ACTC", Title: "Accepted, technical validation", Where: whereTxSts, Outcome: OutcomeAccepted,
		Meaning:  "The message passed authentication and syntax and content checks; not yet accepted for execution.",
		Customer: "Your payment has been received and is being processed."},
	{Word: "ACCP", Title: "Accepted, customer profile", Where: whereTxSts, Outcome: OutcomeAccepted,
		Meaning:  "The technical and customer profile checks passed.",
		Customer: "Your payment has been accepted and is being processed."},
	{Word: "ACFC", Title: "Accepted, funds checked", Where: whereTxSts, Outcome: OutcomeAccepted,
		Meaning:  "The technical, customer profile and funds checks passed.",
		Customer: "Your payment has been accepted and is being processed."},
	{Word: "ACSP", Title: "Accepted, settlement in process", Where: whereTxSts, Outcome: OutcomeAccepted,
		Meaning:  "All checks passed and the payment was accepted for execution; settlement is under way. On the gpi tracker: in progress, with a reason (G000–G006) saying where.",
		Customer: "Your payment is on its way; we'll let you know when it has been credited."},
	{Word: "ACWC", Title: "Accepted with change", Where: whereTxSts, Outcome: OutcomeAccepted,
		Meaning:  "Accepted, but something was changed (the date, say, or remittance not passed on).",
		Customer: "Your payment has been accepted with a small change by the bank and is on its way."},
	{Word: "ACWP", Title: "Accepted without posting", Where: whereTxSts, Outcome: OutcomePending,
		Meaning:  "The receiving bank accepted the payment but has not posted it to the beneficiary's account yet.",
		Customer: "Your payment has reached the receiving bank, which hasn't yet credited the account; we'll let you know when it does."},
	{Word: "ACSC", Title: "Accepted, settlement completed", Where: whereTxSts, Outcome: OutcomeSettled, Final: true,
		Meaning:  "Settlement completed: from the Fed, the wire settled between the banks and is final and irrevocable." + notCredited,
		Customer: "Your payment has been sent and settled with the receiving bank; the receiving bank then credits the account, usually the same day."},
	{Word: "ACCC", Title: "Accepted, credited to the creditor's account", Where: whereTxSts, Outcome: OutcomeCredited, Final: true,
		Meaning:  "The beneficiary's account was credited (gpi: the final, confirmed status).",
		Customer: "Your payment has been credited to the receiving account."},
	{Word: "PDNG", Title: "Pending", Where: whereTxSts, Outcome: OutcomePending,
		Meaning:  "The payment is pending: more checks, and a status update, will follow.",
		Customer: "Your payment is being checked by the bank; we'll let you know as soon as it moves on."},
	{Word: "PART", Title: "Partially accepted", Where: whereTxSts, Outcome: OutcomePartial,
		Meaning:  "Some transactions of the message were accepted, others not yet (a group status).",
		Customer: "Part of the payment instruction has been accepted; we're checking the rest and will let you know."},
	{Word: "BLCK", Title: "Blocked", Where: whereTxSts, Outcome: OutcomePending,
		Meaning:  "A payment reported as accepted without posting (ACWP) is blocked: the money is neither credited to the beneficiary nor returned. Often a hold for review; treat it with care.",
		Customer: "Your payment is on hold at the receiving bank; we're looking into it and will contact you."},
	{Word: "RJCT", Title: "Rejected", Where: whereTxSts, Outcome: OutcomeRejected, Final: true,
		Meaning:  "The payment was rejected before it was credited; the reason code says why. From the Fed, nothing settled.",
		Customer: "Your payment couldn't be completed; we're looking into why and will let you know what happens next."},
	{Word: "CANC", Title: "Cancelled", Where: whereTxSts, Outcome: OutcomeCancelled, Final: true,
		Meaning:  "The payment initiation was cancelled after a cancellation request (used in APIs).",
		Customer: "Your payment was cancelled as requested."},

	{Word: "CNCL", Title: "Cancelled as per request", Where: whereConf, Outcome: OutcomeCancelled, Final: true,
		Meaning:  "The recall was accepted: the money comes back as a return (pacs.004 with FOCR, or MT103/202 /RETN/).",
		Customer: "The receiving bank agreed to send the money back; it should arrive shortly and we'll confirm when it does."},
	{Word: "RJCR", Title: "Rejected cancellation request", Where: whereConf + "; " + whereTxCxl, Outcome: OutcomeRefused, Final: true,
		Meaning:  "The recall was refused; the reason code says why. The money stays where it is.",
		Customer: "The receiving bank did not agree to send the money back; we're looking into the next steps and will contact you."},
	{Word: "PECR", Title: "Partially executed cancellation request", Where: whereConf, Outcome: OutcomePartial, Final: true,
		Meaning:  "The recall was partly accepted: part of the money comes back as a return.",
		Customer: "The receiving bank agreed to send part of the money back; we'll confirm the amount when it arrives."},
	{Word: "PDCR", Title: "Pending cancellation request", Where: whereConf + "; " + whereTxCxl, Outcome: OutcomePending,
		Meaning:  "The recall is pending at the receiving bank (often waiting for the beneficiary's consent).",
		Customer: "The request to send the money back is still being considered by the receiving bank; we'll let you know the outcome."},
	{Word: "ACCR", Title: "Accepted cancellation request", Where: whereTxCxl, Outcome: OutcomeCancelled, Final: true,
		Meaning:  "The recall of this transaction was accepted: the money comes back as a return.",
		Customer: "The receiving bank agreed to send the money back; it should arrive shortly and we'll confirm when it does."},
	{Word: "PACR", Title: "Partially accepted cancellation request", Where: whereTxCxl, Outcome: OutcomePartial, Final: true,
		Meaning:  "The recall was partly accepted: part of the money comes back as a return.",
		Customer: "The receiving bank agreed to send part of the money back; we'll confirm the amount when it arrives."},

	{Word: "accepted", Title: "Accepted by the Fed", Where: whereFAIM, Outcome: OutcomeSettled, Final: true,
		Meaning:  "The Fed accepted the transfer (disposition status 2 or 7): a value transfer settled and is final and irrevocable." + notCredited,
		Customer: "Your payment has been sent and settled with the receiving bank; the receiving bank then credits the account, usually the same day."},
	{Word: "rejected", Title: "Rejected by the Fed", Where: whereFAIM, Outcome: OutcomeRejected, Final: true,
		Meaning:  "The Fed rejected the message (disposition status 3); {1130} gives the error category and code. Nothing settled.",
		Customer: "The wire was stopped by the payment system before it was sent, so no money left; we're correcting it and will let you know."},
	{Word: "intercepted", Title: "Intercepted or in process at the Fed", Where: whereFAIM, Outcome: OutcomePending,
		Meaning:  "The Fed holds the message, in process or intercepted (disposition status 0); a final disposition will follow.",
		Customer: "Your wire is still being processed by the payment system; we'll let you know when it's done."},
	{Word: "0", Title: "In process or intercepted", Where: where1100, Outcome: OutcomePending,
		Meaning:  "An outgoing message the Fed holds, in process or intercepted; a final disposition will follow.",
		Customer: "Your wire is still being processed by the payment system; we'll let you know when it's done."},
	{Word: "2", Title: "Successful with value", Where: where1100, Outcome: OutcomeSettled, Final: true,
		Meaning:  "The Fed accepted an outgoing value message: it settled, final and irrevocable." + notCredited,
		Customer: "Your payment has been sent and settled with the receiving bank; the receiving bank then credits the account, usually the same day."},
	{Word: "3", Title: "Rejected", Where: where1100, Outcome: OutcomeRejected, Final: true,
		Meaning:  "The Fed rejected the outgoing message; {1130} gives the error. Nothing settled.",
		Customer: "The wire was stopped by the payment system before it was sent, so no money left; we're correcting it and will let you know."},
	{Word: "7", Title: "Successful without value", Where: where1100, Outcome: OutcomeAccepted, Final: true,
		Meaning:  "The Fed accepted an outgoing non-value message (a service message, a drawdown request, a request for reversal); no money moves with it.",
		Customer: "Your request has been delivered to the other bank; we'll let you know its answer."},
	{Word: "N", Title: "Incoming value message", Where: where1100, Outcome: OutcomeSettled, Final: true,
		Meaning:  "A value message the Fed delivered to our bank: the money settled into our bank's account." + notCredited,
		Customer: "The payment has reached our bank; we'll credit it once it's matched to your account."},
	{Word: "S", Title: "Incoming non-value message", Where: where1100, Outcome: OutcomeAccepted, Final: true,
		Meaning:  "A non-value message the Fed delivered to our bank (a service message, a request); no money moved with it.",
		Customer: "We've received a message from the other bank about this payment and are looking into it."},

	{Word: "ACK", Title: "Acknowledged by SWIFT", Where: whereSwift, Outcome: OutcomeAccepted,
		Meaning:  "SWIFT accepted the message for delivery (a positive FIN acknowledgment, service 21 with {451:0}). It says nothing about the payment's settlement or credit.",
		Customer: "Your payment has been sent to the receiving bank's network and is on its way."},
	{Word: "NAK", Title: "Not acknowledged by SWIFT", Where: whereSwift, Outcome: OutcomeRejected, Final: true,
		Meaning:  "SWIFT refused the message ({451:1}, with an error code in {405:}); it was never delivered and must be corrected and sent again.",
		Customer: "A technical problem stopped this payment before it reached the receiving bank; we're correcting it and will let you know if we need anything from you."},
}
