package payment

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Rail is the payment network an event travelled on.
type Rail string

// The rails payinv reads.
const (
	RailACH  Rail = "ach"
	RailCard Rail = "card"
	RailWire Rail = "wire"
)

// Kind says what an event is in the life of a payment.
type Kind string

// Event kinds. ACH uses the first group; cards and wires add theirs.
const (
	KindPayment                   Kind = "payment"
	KindPrenote                   Kind = "prenote"
	KindReturn                    Kind = "return"
	KindNOC                       Kind = "noc"
	KindRefusedNOC                Kind = "refused_noc"
	KindDishonoredReturn          Kind = "dishonored_return"
	KindContestedDishonoredReturn Kind = "contested_dishonored_return"
	KindReversal                  Kind = "reversal"
	KindAdvice                    Kind = "advice"

	KindAuthorization         Kind = "authorization"
	KindAuthorizationReversal Kind = "authorization_reversal" // a void, or a hold that expired
	KindCapture               Kind = "capture"
	KindRefund                Kind = "refund"
	KindRefundFailure         Kind = "refund_failure"
	KindDecline               Kind = "decline"
	KindChargeback            Kind = "chargeback"
	KindChargebackReversal    Kind = "chargeback_reversal"
	KindSecondChargeback      Kind = "second_chargeback"
	KindPayout                Kind = "payout"        // push-to-card and other payouts to the customer
	KindPayoutReturn          Kind = "payout_return" // a payout the card's bank sent back
	KindFee                   Kind = "fee"
	KindRejection             Kind = "rejection"
	KindRecall                Kind = "recall"
	KindRecallResponse        Kind = "recall_response" // the answer to a recall: accepted, refused, pending
	KindStatus                Kind = "status"
)

// Direction is the effect of an event on the company's own account:
// a deposit pulled from a customer is a credit, a withdrawal paid out and the
// return of a deposit are debits.
type Direction string

// Directions. The empty Direction means "moves no money" (a NOC, a prenote
// of zero dollars is still given the direction its code implies).
const (
	Debit  Direction = "debit"
	Credit Direction = "credit"
)

// Event is one normalized record of money movement.
type Event struct {
	Rail      Rail
	Format    string // "nacha", later "stripe", "pacs.008", "mt103" ...
	Kind      Kind
	Direction Direction
	Amount    decimal.Decimal
	Currency  string // ISO 4217

	EffectiveDate  Date
	SettlementDate Date
	// SettlementEstimated is true when SettlementDate was worked out from
	// the effective date and the banking calendar rather than read from the
	// file (originated NACHA files carry no settlement date).
	SettlementEstimated bool

	Refs   Refs
	Party  Party
	Reason *Reason // nil when the event carries no reason code
	Timing Timing
	Source Source

	ACH  *ACHDetail  // set for ACH events only
	Card *CardDetail // set for card events only
	Wire *WireDetail // set for wire events only
}

// Day is the day an event counts on: its settlement date (as read, or
// estimated), else its effective date. The history store filters events
// by the same day (COALESCE(settlement_date, effective_date)).
func (e *Event) Day() Date {
	if !e.SettlementDate.IsZero() {
		return e.SettlementDate
	}
	return e.EffectiveDate
}

// Refs are the references an event can be looked up and matched by.
// Empty fields are omitted from JSON. Each rail fills its own; the
// Original* fields name the payment an answer (a return, refund,
// chargeback, recall) refers to.
type Refs struct {
	// ACH
	Trace        string // trace number of this entry
	IndividualID string // individual identification number (the company's reference)
	// OriginalTrace is the trace of the entry a return, NOC, dishonored or
	// contested return refers to.
	OriginalTrace string
	// ReturnTrace is the trace of the return a dishonored or contested
	// return refers to.
	ReturnTrace string
	// DishonoredReturnTrace is the trace of the dishonored return a
	// contested dishonored return answers.
	DishonoredReturnTrace string

	// Wires (Fedwire, ISO 20022, SWIFT MT)
	UETR            string // lower case
	IMAD            string
	OMAD            string
	MessageID       string
	EndToEndID      string
	InstructionID   string
	TransactionID   string
	SenderReference string

	// Cards
	PSPID             string // the processor's payment id (Stripe ch_/pi_, Adyen PSP reference …)
	PSPEventID        string // the processor's id of this event (Stripe txn_/re_/dp_, Adyen modification reference, Checkout act_)
	MerchantReference string // the company's reference sent with the payment (order or deposit id)
	ARN               string // acquirer reference number

	// What an answer refers to, for wires and cards.
	OriginalUETR       string
	OriginalIMAD       string
	OriginalEndToEndID string
	OriginalPSPID      string
	// OriginalMessageID is the message id of the payment a wire answer
	// refers to (ISO OrgnlMsgId when it is no IMAD); OriginalSenderReference
	// its sender's reference (MT :21: or /MREF/ of a return, reject,
	// confirmation or cover).
	OriginalMessageID       string
	OriginalSenderReference string
}

// Each calls fn with the name (as in JSON) and value of every reference
// that identifies the event itself.
func (r *Refs) Each(fn func(name, value string)) {
	for _, f := range []struct{ name, value string }{
		{"trace", r.Trace}, {"individual_id", r.IndividualID},
		{"uetr", r.UETR}, {"imad", r.IMAD}, {"omad", r.OMAD}, {"message_id", r.MessageID},
		{"end_to_end_id", r.EndToEndID}, {"instruction_id", r.InstructionID}, {"transaction_id", r.TransactionID},
		{"sender_reference", r.SenderReference}, {"psp_id", r.PSPID}, {"psp_event_id", r.PSPEventID},
		{"merchant_reference", r.MerchantReference}, {"arn", r.ARN},
	} {
		if f.value != "" {
			fn(f.name, f.value)
		}
	}
}

// EachOriginal calls fn with every reference to the payment an answer
// refers to, named after the reference of that payment it equals
// ("trace" for an original trace).
func (r *Refs) EachOriginal(fn func(name, value string)) {
	for _, f := range []struct{ name, value string }{
		{"trace", r.OriginalTrace}, {"uetr", r.OriginalUETR}, {"imad", r.OriginalIMAD},
		{"end_to_end_id", r.OriginalEndToEndID}, {"psp_id", r.OriginalPSPID},
		{"message_id", r.OriginalMessageID}, {"sender_reference", r.OriginalSenderReference},
	} {
		if f.value != "" {
			fn(f.name, f.value)
		}
	}
}

// Party is the customer side of an event: the Receiver of an ACH entry.
type Party struct {
	Name        string
	Account     string // full number; masked on output unless revealed
	Routing     string
	AccountType string // checking, savings, general_ledger, loan
}

// Reason is the code an event carries: a return reason, a change code ...
type Reason struct {
	Scheme string // nacha_return, nacha_change
	Code   string // as found in the file, e.g. "R01" or a private "R97"
	Title  string // official title; empty when the code is unknown
	Known  bool   // false for codes that are not part of the scheme
}

// Timing holds the dates that follow from an event and the banking
// calendar. Unknown dates are zero and omitted from JSON.
type Timing struct {
	// ReturnableUntil is the last settlement date on which an ordinary
	// (two-banking-day) return of this entry is timely.
	ReturnableUntil Date
	// UnauthorizedReturnableUntil is the same for an unauthorized-debit
	// return of a consumer debit (60 calendar days).
	UnauthorizedReturnableUntil Date
	// OriginalSettlementDate is the settlement date of the entry a return
	// refers to, when that entry was among the inputs.
	OriginalSettlementDate Date
	// BankingDaysAfter is the number of banking days between the original
	// settlement and this return's settlement; nil when unknown.
	BankingDaysAfter *int
	// Deadline is the last settlement date allowed for this return under
	// its code's time frame.
	Deadline Date
	// Timely says whether the return arrived within its time frame; nil
	// when that cannot be told from the inputs.
	Timely *bool
	// DishonorableUntil is the last day the ODFI may dishonor this return.
	DishonorableUntil Date
	// ContestableUntil is the last day the RDFI may contest this dishonor.
	ContestableUntil Date
	// CorrectionDue is when the change a NOC asks for must be made
	// (or before the next entry, whichever is later).
	CorrectionDue Date
	// ReversibleUntil is the last day a reversal of this entry may settle.
	ReversibleUntil Date
	// HoldExpiresOn is when a card authorization not captured drops off the
	// customer's account.
	HoldExpiresOn Date
	// RefundArrivesFrom / RefundArrivesBy bound when a card refund shows on
	// the customer's statement.
	RefundArrivesFrom Date
	RefundArrivesBy   Date
	// DisputeResponseDue is the last day to answer a chargeback.
	DisputeResponseDue Date
	// AvailableOn is when the money is available to whoever receives it:
	// an ACH or wire payment's receiver, the company for a processor's
	// payout.
	AvailableOn Date
}

// Source is where an event (or a problem) was read: file and line. For
// NACHA files without line breaks, Line is the record number.
type Source struct {
	File string
	Line int
}

// String returns "file:line", or just the file when the line is unknown.
func (s Source) String() string {
	if s.Line <= 0 {
		return s.File
	}
	return fmt.Sprintf("%s:%d", s.File, s.Line)
}

// ACHDetail holds what is particular to a NACHA entry.
type ACHDetail struct {
	SECCode          string
	TransactionCode  int
	BatchNumber      int
	CompanyName      string
	CompanyID        string
	EntryDescription string
	DescriptiveDate  string
	ODFI             string
	SameDay          bool
	// Addenda holds the payment-related text of addenda 05 and the terminal
	// data of addenda 02.
	Addenda []string
	// ReturnInfo is the free text of a return's addenda (positions 36–79).
	ReturnInfo string
	// OriginalDFI is the receiving bank of the original entry (8 digits).
	OriginalDFI string
	// Corrected is the decoded corrected data of a NOC.
	Corrected *CorrectedData
	// OriginalChangeCode is the change code of the NOC a refused NOC refuses.
	OriginalChangeCode string
	// DishonoredReturnCode / OriginalReturnCode: for dishonored and contested
	// returns, the codes of the returns they answer.
	OriginalReturnCode   string
	DishonoredReturnCode string
	// ReturnSettlementDate is the settlement date of the return that a
	// dishonored or contested return answers.
	ReturnSettlementDate Date
	// DishonoredSettlementDate is the settlement date of the dishonored
	// return a contested return answers.
	DishonoredSettlementDate Date
	// OriginalReturnSentOn is the day a contested dishonored return says
	// the original return was sent (R73 and others).
	OriginalReturnSentOn Date
	// FieldErrors lists what an R69 dishonored return says is wrong.
	FieldErrors []string
	// IAT holds international details for IAT entries.
	IAT *IATDetail
}

// CorrectedData is what a Notification of Change says must change.
type CorrectedData struct {
	AccountNumber   string // masked on output unless revealed
	RoutingNumber   string
	TransactionCode int
	AccountType     string
	IndividualID    string
	Name            string
	// Raw is the corrected-data field as found (positions 36–64); masked
	// on output unless revealed because it may hold an account number.
	Raw string
}

// CardDetail holds what is particular to a card event: the processor's
// own words for it, the card as the export shows it, fees and codes.
type CardDetail struct {
	Processor string // stripe, adyen, braintree, checkout, generic
	Report    string // which export: stripe_balance, stripe_payments, adyen_settlement ...
	RawType   string // the processor's type or category, verbatim
	RawStatus string

	Brand   string // visa, mastercard, amex, discover ...
	Funding string // credit, debit, prepaid
	BIN     string // first six digits
	Last4   string // the last four digits the export shows
	// Wallet is apple_pay, google_pay … when the card was in a wallet; the
	// last four digits are then usually the device account number's.
	Wallet string
	// DeviceLast4 is the device account number's last four digits, when
	// the export gives them apart from the card's.
	DeviceLast4 string
	Country     string

	// Fee and Net are in the event's currency; SettleAmount/SettleCurrency
	// what the processor booked, when another currency.
	Fee            *Money
	Net            *Money
	SettleAmount   *Money
	ResponseCode   string // issuer response code, processor decline code
	ResponseScheme string // iso8583, stripe_decline, braintree ...
	ResponseText   string
	AdviceCode     string
	AuthCode       string
	// DisputeReason is the network's reason code of a chargeback, with its
	// network (visa, mastercard, amex, discover).
	DisputeReason  string
	DisputeNetwork string
	PayoutID       string
	// CreatedAt is the export's timestamp of the event, with its zone.
	CreatedAt string
}

// WireDetail holds what is particular to a wire message: which message
// it was, who paid whom through which banks, the charges, and the status
// or reason it carries.
type WireDetail struct {
	// Network is the system the message travelled on: fedwire, chips,
	// swift, or book for a bank's statement entry.
	Network string
	// MessageType names the message: "pacs.008.001.08", "MT103",
	// "fedwire 1000 CTR", "camt.054.001.08".
	MessageType string
	// Inbound is true for a message the company's bank received (money or
	// news coming in), false for one it sent.
	Inbound bool
	// Test is true for a message marked as a test (BAH BizSvc TEST, FAIM
	// {1500} T).
	Test bool

	BusinessFunction string // FAIM {3600}: CTR, BTR, DRW ...
	TypeSubtype      string // FAIM {1510}: 1000, 1008 ...
	LocalInstrument  string // ISO PmtTpInf/LclInstrm: CTRC, COVS ...
	// Status is the message's status word: ISO TxSts (ACSC, RJCT ...),
	// camt.029 confirmation (CNCL, RJCR, PECR, PDCR), gpi status (ACSP,
	// ACCC), the FAIM disposition.
	Status string

	// Debtor and Creditor are who pays and who is paid in this message:
	// in a return, the debtor is the original payment's creditor.
	Debtor   WireParty
	Creditor WireParty
	// Intermediaries are the banks between, in order.
	Intermediaries []WireAgent

	// InstructedAmount is what the sender instructed (ISO InstdAmt, MT
	// :33B:), when the message gives it.
	InstructedAmount *Money
	// OriginalAmount is the amount of the payment a return, status or
	// recall refers to.
	OriginalAmount *Money
	// ChargeBearer is OUR, SHA or BEN (MT :71A:) or the ISO word (DEBT,
	// SHAR, CRED, SLEV) as found.
	ChargeBearer string
	// Charges are the fees taken on the way (MT :71F:/:71G:, ISO
	// ChrgsInf, FAIM {3700}).
	Charges []Money
	FXRate  string // as found, with a point as decimal separator

	// Remittance is the text for the beneficiary (ISO Ustrd, MT :70:,
	// FAIM {6000}); BankInfo the text between banks (ISO AddtlInf and
	// InstrForNxtAgt, MT :72: and :79:, FAIM {6100}–{6500}, {9000}).
	Remittance string
	BankInfo   string
	// ReasonText is the words given with a reason code, or the narrative
	// a reason was inferred from.
	ReasonText string
	// ReasonInferred is true when the reason code was worked out from
	// free text (FAIM has no reason codes) rather than read.
	ReasonInferred bool

	// CycleDate is the Fedwire cycle (business) date of the IMAD.
	CycleDate Date
	// CreatedAt and AcceptedAt are instants in RFC 3339 with their zone.
	CreatedAt  string
	AcceptedAt string

	CaseID           string // camt.056/029 case
	ReturnID         string // pacs.004 RtrId
	RelatedReference string // MT :21:
	// OriginalMessageID is the message id (for Fedwire an IMAD) of the
	// payment an answer refers to; OriginalMessageType its type.
	OriginalMessageID     string
	OriginalMessageType   string
	OriginalInstructionID string
	OriginalSettlement    Date
}

// WireParty is the debtor or creditor of a wire: the customer and their
// bank.
type WireParty struct {
	Name    string
	Account string // masked on output unless revealed
	Agent   WireAgent
}

// WireAgent is a bank in a wire's chain: its routing number (ABA), BIC or
// other identifier, and its name.
type WireAgent struct {
	ID   string // "021040078", "CHASUS33XXX"
	Name string
}

// Money is an amount with its currency.
type Money struct {
	Amount   decimal.Decimal
	Currency string
}

// IATDetail holds the international fields of an IAT entry.
type IATDetail struct {
	ForeignExchangeIndicator string
	DestinationCountry       string
	OriginatingCurrency      string
	DestinationCurrency      string
	OriginatorName           string
	OriginatorCountry        string
	ForeignAccount           string // masked on output unless revealed
}

// Problem is something wrong in an input: it names the file, the line and
// what is wrong. Readers report problems and go on where the format allows.
type Problem struct {
	Source  Source
	Message string
	// Warning marks a deviation from the format that loses no data, such
	// as a header line whose trailing blanks were trimmed. Errors (the
	// default) mean data may be missing or wrong.
	Warning bool
}

// Error returns "file:line: message", with "warning: " before the message
// for warnings.
func (p *Problem) Error() string {
	if p.Warning {
		return p.Source.String() + ": warning: " + p.Message
	}
	return p.Source.String() + ": " + p.Message
}

// Problemf returns an error Problem at src with a formatted message.
func Problemf(src Source, format string, args ...any) *Problem {
	return &Problem{Source: src, Message: fmt.Sprintf(format, args...)}
}

// Warningf returns a warning Problem at src with a formatted message.
func Warningf(src Source, format string, args ...any) *Problem {
	return &Problem{Source: src, Message: fmt.Sprintf(format, args...), Warning: true}
}

// WireDirection is the direction, from the company's side, of a wire event
// of kind k carried by a message the company's bank received (inbound) or
// sent. A payment, advice, return or reversal moves money the way it
// travels: received is a credit. A rejection, status report or answer to
// a recall received is about a payment the company sent, a debit; a
// recall received asks for a deposit back, a credit.
func WireDirection(k Kind, inbound bool) Direction {
	switch k {
	case KindRejection, KindStatus, KindRecallResponse:
		inbound = !inbound
	}
	if inbound {
		return Credit
	}
	return Debit
}
