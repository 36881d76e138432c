// Package reply writes customer-ready replies: it works out, from a
// reconciled record and the evidence behind it, the customer's situation
// (a deposit returned for insufficient funds, a wire returned by the
// beneficiary's bank, a card refund on an Apple Pay device number …), the
// facts a reply needs (first name, amount, last four digits, dates
// computed from the evidence and the settlement engine), and renders them
// through text/template files embedded in the binary and overridable from
// a folder.
//
// Customer text never holds a full account number, an internal note or a
// code: a reason is given by its customer sentence from explain.Lookup,
// which is already neutral for codes marked not-for-customers.
package reply

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
	"github.com/payinv/payinv/settlement"
)

// Situation is a stable key for what happened to a customer's money; it
// names the template that explains it.
type Situation string

// Situations.
const (
	ACHReturnedInsufficientFunds Situation = "ach_returned_insufficient_funds"
	ACHReturnedAccountClosed     Situation = "ach_returned_account_closed"
	ACHUnauthorized              Situation = "ach_unauthorized"
	ACHReturned                  Situation = "ach_returned"
	ACHWithdrawalReturned        Situation = "ach_withdrawal_returned"
	ACHReversed                  Situation = "ach_reversed"
	ACHNOCCorrected              Situation = "ach_noc_corrected"
	DepositPendingHold           Situation = "deposit_pending_hold"
	WithdrawalPending            Situation = "withdrawal_pending"
	CardDeclined                 Situation = "card_declined"
	CardAuthorizationReleased    Situation = "card_authorization_released"
	CardRefunded                 Situation = "card_refunded"
	CardRefundWallet             Situation = "card_refund_wallet"
	CardChargeback               Situation = "card_chargeback"
	CardDisputeClosed            Situation = "card_dispute_closed"
	CardPayoutReturned           Situation = "card_payout_returned"
	WireReturned                 Situation = "wire_returned"
	WireRejected                 Situation = "wire_rejected"
	WireRecall                   Situation = "wire_recall"
	WireInFlight                 Situation = "wire_in_flight"
	DepositCompleted             Situation = "deposit_completed"
	WithdrawalCompleted          Situation = "withdrawal_completed"
	PaymentMissing               Situation = "payment_missing"
	NeedsReview                  Situation = "needs_review"
	// TradeUnsettled is a sale whose money cannot be withdrawn until the
	// trade settles (SituateTrade).
	TradeUnsettled Situation = "trade_unsettled"
)

// Situations lists every situation, in the order documentation shows them.
var Situations = []Situation{
	ACHReturnedInsufficientFunds, ACHReturnedAccountClosed, ACHUnauthorized, ACHReturned, ACHWithdrawalReturned,
	ACHReversed, ACHNOCCorrected, DepositPendingHold, WithdrawalPending, CardDeclined, CardAuthorizationReleased,
	CardRefunded, CardRefundWallet, CardChargeback, CardDisputeClosed, CardPayoutReturned, WireReturned,
	WireRejected, WireRecall, WireInFlight, DepositCompleted, WithdrawalCompleted, PaymentMissing, NeedsReview,
	TradeUnsettled,
}

// Facts are what a reply template may use. Every field is customer-safe:
// amounts are written for people, account digits are the last four only,
// dates are spelled out ("Friday, November 27, 2026") and empty when the
// evidence does not give them.
type Facts struct {
	// RecordID is the company's record, which customers see on statements.
	RecordID string
	// FirstName is the customer's first name, "" for a business.
	FirstName string
	// FullName is the customer's name as the record gives it, each word
	// capitalized ("Maria Gonzalez"), "" for a business: Japanese and
	// Chinese replies address the customer by full name.
	FullName string
	// Amount is the record's amount with its currency ("$2,500.00").
	Amount string
	// Deposit is true for money coming in to the company, false for a
	// withdrawal paid out.
	Deposit bool
	// Method is how the money moved, in words: "bank transfer", "card
	// payment", "Apple Pay payment", "wire transfer".
	Method string
	// Last4 is the last four digits of the customer's account or card.
	Last4 string
	// CardLast4 and DeviceLast4 are, for a card in a wallet, the digits of
	// the card and of the device account number the wallet shows.
	CardLast4, DeviceLast4 string
	// Wallet names the wallet ("Apple Pay"), "" for none.
	Wallet string
	// Requested is when the customer asked for the payment.
	Requested string
	// Settled is when the payment settled.
	Settled string
	// EventOn is when the situation's answer happened: the return, the
	// decline, the refund, the dispute, the rejection.
	EventOn string
	// Reason is the reason's customer sentence, "" when there is none.
	Reason string
	// ExpectedOn is when money is expected (from the settlement engine);
	// HoldUntil the last day the deposit can still be returned.
	ExpectedOn, HoldUntil string
	// RefundFrom and RefundBy frame when a card refund shows on the
	// customer's statement.
	RefundFrom, RefundBy string
	// BackAmount is the amount that came back, when it differs from
	// Amount (a wire returned short of bank charges); Charges the
	// difference.
	BackAmount, Charges string
	// RefundAmount is how much of the payment a card refund gave back,
	// when it is less than all of it; "" for a full refund.
	RefundAmount string
	// RecallOn is when a recall was asked for.
	RecallOn string
	// Complete is false when the evidence does not tell the whole story;
	// Missing then says what is missing, for the customer.
	Complete bool
	Missing  []string
	// VIP is true for the vip tone.
	VIP bool

	// v holds the values the strings above are written from, so that In
	// can write them in another language; unset for Facts built by hand.
	v values
}

// values are Facts' language-neutral values: dates, amounts, the rail,
// the reason code and the missing-information keys.
type values struct {
	set                            bool
	amount                         decimal.Decimal
	currency                       string
	rail                           string
	requested, settled, eventOn    payment.Date
	expectedOn, holdUntil          payment.Date
	refundFrom, refundBy, recallOn payment.Date
	short                          bool // a wire came back short: back and charges are set
	back, charges                  decimal.Decimal
	backCurrency                   string
	partRefund                     bool // a card refund gave back part of the payment: refund is set
	refund                         decimal.Decimal
	reason                         reason
	missing                        []string
}

// In returns the facts written in a language: amounts, dates, the method,
// the reason's customer sentence and the missing-information sentences.
// Facts built by hand (not by Situate) come back as they are; for Facts
// from Situate those strings are rewritten from the values, so a string
// changed by hand after Situate does not survive In (or Render).
func (f Facts) In(lang string) (Facts, error) {
	l, err := LoadLanguage(lang)
	if err != nil {
		return f, err
	}
	return f.in(l), nil
}

func (f Facts) in(l *Language) Facts {
	if !f.v.set {
		return f
	}
	v := f.v
	f.Amount = l.Money(v.amount, v.currency)
	f.Method = l.Method(v.rail)
	f.Requested, f.Settled, f.EventOn = l.Day(v.requested), l.Day(v.settled), l.Day(v.eventOn)
	f.ExpectedOn, f.HoldUntil = l.Day(v.expectedOn), l.Day(v.holdUntil)
	f.RefundFrom, f.RefundBy, f.RecallOn = l.Day(v.refundFrom), l.Day(v.refundBy), l.Day(v.recallOn)
	f.BackAmount, f.Charges = "", ""
	if v.short {
		f.BackAmount, f.Charges = l.Money(v.back, v.backCurrency), l.Money(v.charges, v.backCurrency)
	}
	f.RefundAmount = ""
	if v.partRefund {
		f.RefundAmount = l.Money(v.refund, v.currency)
	}
	f.Reason = l.Reason(v.reason)
	f.Missing = nil
	for _, k := range v.missing {
		f.Missing = append(f.Missing, l.Missing[k])
	}
	return f
}

// Options tune how situations are worked out.
type Options struct {
	// AsOf is "today".
	AsOf payment.Date
	// Rules and Calendar time the rails; the published defaults and the
	// Federal Reserve calendar when nil.
	Rules    *settlement.Rules
	Calendar *settlement.Calendar
}

// Situate works out a record's situation and the facts its reply needs,
// written in English; Facts.In writes them in another language (Render
// does).
func Situate(rr *match.RecordResult, opts Options) (Situation, Facts) {
	sit, f := situate(rr, opts)
	f.v.set = true
	return sit, f.in(english())
}

func situate(rr *match.RecordResult, opts Options) (Situation, Facts) {
	if opts.Rules == nil {
		opts.Rules = settlement.DefaultRules()
	}
	if opts.Calendar == nil {
		opts.Calendar = settlement.Fed
	}
	r := rr.Record
	f := Facts{
		RecordID:  r.ID,
		FirstName: firstName(r.Name),
		FullName:  fullName(r.Name),
		Deposit:   r.Type != records.Withdrawal,
		Last4:     r.AccountLast4,
		Complete:  true,
		v: values{amount: r.Amount, currency: r.Currency, rail: r.Rail,
			requested: settlement.DateOf(r.CreatedAt)},
	}
	s := rr.Story
	switch rr.Status {
	case match.StatusAmbiguous, match.StatusDuplicate, match.StatusAmountMismatch:
		f.Complete = false
		f.v.missing = append(f.v.missing, reviewWhy(rr.Status))
		return NeedsReview, f
	case match.StatusMissing:
		f.Complete = false
		f.v.missing = append(f.v.missing, MissingNoEvidence)
		return PaymentMissing, f
	}
	if s == nil { // pending, with no evidence yet: the schedule says when
		return pending(rr, opts, f)
	}
	if s.Forward == nil {
		f.Complete = false
		f.v.missing = append(f.v.missing, MissingNoOriginal)
	} else {
		f.v.settled = s.Forward.Date
	}
	first := s.Events[0]
	if f.Last4 == "" {
		f.Last4 = evidenceLast4(first)
	}
	switch first.Rail {
	case payment.RailACH:
		return achSituation(rr, s, f)
	case payment.RailCard:
		return cardSituation(rr, s, opts, f)
	case payment.RailWire:
		return wireSituation(rr, s, opts, f)
	}
	return completed(f)
}

func reviewWhy(st match.Status) string {
	switch st {
	case match.StatusAmbiguous:
		return MissingAmbiguous
	case match.StatusDuplicate:
		return MissingDuplicate
	}
	return MissingAmount
}

func completed(f Facts) (Situation, Facts) {
	if f.Deposit {
		return DepositCompleted, f
	}
	return WithdrawalCompleted, f
}

// pending is the situation of a record with no evidence yet, inside its
// window: the settlement engine says when its money should move.
func pending(rr *match.RecordResult, opts Options, f Facts) (Situation, Facts) {
	r := rr.Record
	f.v.expectedOn = rr.ExpectedSettlement
	rail := r.Rail
	if rail == records.RailApplePay {
		rail = settlement.RailCard
	}
	tl, err := opts.Rules.When(settlement.Request{Rail: rail, At: r.CreatedAt, Direction: r.Direction(),
		Consumer: true, AsOf: opts.AsOf.Time(settlement.Eastern)}, opts.Calendar)
	if err == nil {
		for _, st := range tl.Steps {
			switch st.Key {
			case "settles":
				if f.v.expectedOn.IsZero() {
					f.v.expectedOn = st.Day()
				}
			case "available":
				if !f.Deposit {
					f.v.expectedOn = st.Day()
				}
			case "returnable_until":
				f.v.holdUntil = st.Day()
			}
		}
	}
	if f.v.expectedOn.IsZero() {
		f.Complete = false
		f.v.missing = append(f.v.missing, MissingNoSettlement)
	}
	if f.Deposit {
		return DepositPendingHold, f
	}
	return WithdrawalPending, f
}

func achSituation(rr *match.RecordResult, s *match.Story, f Facts) (Situation, Facts) {
	switch s.Outcome {
	case match.StatusReturned:
		ret := lastOf(s, payment.KindReturn)
		if ret == nil {
			return completed(f)
		}
		f.v.eventOn = ret.Date
		f.v.reason = reasonOf(ret)
		if !f.Deposit {
			return ACHWithdrawalReturned, f
		}
		switch ret.Code {
		case "R01", "R09":
			return ACHReturnedInsufficientFunds, f
		case "R02":
			return ACHReturnedAccountClosed, f
		case "R05", "R07", "R10", "R11", "R29", "R51":
			return ACHUnauthorized, f
		}
		return ACHReturned, f
	case match.StatusReversed:
		if rev := lastOf(s, payment.KindReversal); rev != nil {
			f.v.eventOn = rev.Date
		}
		return ACHReversed, f
	}
	if noc := lastOf(s, payment.KindNOC); noc != nil {
		f.v.eventOn = noc.Date
		return ACHNOCCorrected, f
	}
	return completed(f)
}

func cardSituation(rr *match.RecordResult, s *match.Story, opts Options, f Facts) (Situation, Facts) {
	for _, e := range s.Events {
		if e.DeviceLast4() != "" {
			f.CardLast4, f.DeviceLast4 = e.CardLast4(), e.DeviceLast4()
		}
		if e.Wallet != "" {
			f.Wallet = walletName(e.Wallet)
		}
	}
	switch s.Outcome {
	case match.StatusRejected:
		if d := lastOf(s, payment.KindDecline, payment.KindRejection); d != nil {
			f.v.eventOn = d.Date
			f.v.reason = reasonOf(d)
		}
		return CardDeclined, f
	case match.StatusReversed:
		if v := lastOf(s, payment.KindAuthorizationReversal); v != nil {
			f.v.eventOn = v.Date
		}
		return CardAuthorizationReleased, f
	case match.StatusRefunded:
		ref := lastOf(s, payment.KindRefund)
		if ref != nil {
			f.v.eventOn = ref.Date
			from, by := settlement.CardRefundArrives(ref.Date, opts.Calendar)
			f.v.refundFrom, f.v.refundBy = from, by
		}
		if total := refunded(s); s.Forward != nil && total.IsPositive() && total.LessThan(s.Forward.Amount.Abs()) {
			f.v.partRefund, f.v.refund = true, total
		}
		if f.Wallet != "" {
			return CardRefundWallet, f
		}
		return CardRefunded, f
	case match.StatusChargedBack:
		if cb := firstOf(s, payment.KindChargeback); cb != nil {
			f.v.eventOn = cb.Date
			f.v.reason = reasonOf(cb)
		}
		return CardChargeback, f
	case match.StatusReturned:
		if ret := lastOf(s, payment.KindPayoutReturn, payment.KindReturn); ret != nil {
			f.v.eventOn = ret.Date
			f.v.reason = reasonOf(ret)
		}
		return CardPayoutReturned, f
	}
	if rev := lastOf(s, payment.KindChargebackReversal); rev != nil {
		f.v.eventOn = rev.Date
		return CardDisputeClosed, f
	}
	return completed(f)
}

func wireSituation(rr *match.RecordResult, s *match.Story, opts Options, f Facts) (Situation, Facts) {
	recall := firstOf(s, payment.KindRecall)
	if recall != nil {
		f.v.recallOn = recall.Date
	}
	switch s.Outcome {
	case match.StatusReturned, match.StatusReversed:
		ret := lastOf(s, payment.KindReturn, payment.KindReversal)
		if ret != nil {
			f.v.eventOn = ret.Date
			if s.Forward != nil && ret.Currency == s.Forward.Currency && ret.Amount.Abs().LessThan(s.Forward.Amount.Abs()) {
				f.v.short, f.v.backCurrency = true, ret.Currency
				f.v.back = ret.Amount.Abs()
				f.v.charges = s.Forward.Amount.Abs().Sub(ret.Amount.Abs())
			}
			if recall == nil {
				f.v.reason = reasonOf(ret)
			}
		}
		if recall != nil {
			return WireRecall, f
		}
		return WireReturned, f
	case match.StatusRejected:
		if rj := lastOf(s, payment.KindRejection); rj != nil {
			f.v.eventOn = rj.Date
			f.v.reason = reasonOf(rj)
		}
		return WireRejected, f
	}
	if recall != nil {
		f.Complete = false
		f.v.missing = append(f.v.missing, MissingRecallUnanswered)
		return WireRecall, f
	}
	if !f.Deposit && inFlight(s, opts.AsOf) {
		if tl, err := opts.Rules.When(settlement.Request{Rail: settlement.RailWire, At: rr.Record.CreatedAt,
			AsOf: opts.AsOf.Time(settlement.Eastern)}, opts.Calendar); err == nil {
			for _, st := range tl.Steps {
				if st.Key == "available" || st.Key == "credit_expected_by" {
					f.v.expectedOn = st.Day()
				}
			}
		}
		return WireInFlight, f
	}
	return completed(f)
}

// inFlight reports whether a wire's last word is that it is on its way
// (settled between the banks or in progress), with no word yet that the
// beneficiary was credited, or whether it settles after asOf.
func inFlight(s *match.Story, asOf payment.Date) bool {
	if !asOf.IsZero() && s.Day().After(asOf) {
		return true
	}
	last := ""
	for _, e := range s.Events {
		if e.WireStatus != "" && e.Kind == payment.KindStatus {
			last = e.WireStatus
		}
	}
	return slices.Contains([]string{"ACSC", "ACSP", "ACTC", "PDNG"}, last)
}

func firstOf(s *match.Story, kinds ...payment.Kind) *match.Evidence {
	for _, e := range s.Events {
		if slices.Contains(kinds, e.Kind) {
			return e
		}
	}
	return nil
}

func lastOf(s *match.Story, kinds ...payment.Kind) *match.Evidence {
	for _, e := range slices.Backward(s.Events) {
		if slices.Contains(kinds, e.Kind) {
			return e
		}
	}
	return nil
}

func evidenceLast4(e *match.Evidence) string {
	if e.Account != "" {
		return strings.TrimPrefix(payment.MaskAccount(e.Account), "****")
	}
	return e.CardLast4()
}

// firstName is the first word of a person's name, in title case; "" for
// names that look like a business.
func firstName(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return ""
	}
	for _, w := range words {
		switch strings.ToUpper(strings.Trim(w, ".,")) {
		case "LLC", "INC", "LTD", "CORP", "CO", "LP", "LLP", "PLC", "GMBH", "TRUST":
			return ""
		}
	}
	return capitalize(words[0])
}

// capitalize writes a word with its first letter upper case and the rest
// lower case: "MARÍA" and "maría" are "María".
func capitalize(w string) string {
	r := []rune(strings.ToLower(w))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// SituateTrade is the situation of a sale of investments timed by the
// settlement engine (payinv when --rail trade --kind sell): its trade date,
// when it settles and when its money can be withdrawn. name is the
// customer's, as the company records it; amount the sale's proceeds.
func SituateTrade(tl settlement.Timeline, amount decimal.Decimal, currency, name string) (Situation, Facts, error) {
	f := Facts{FirstName: firstName(name), FullName: fullName(name), Deposit: true, Complete: true}
	f.v = values{set: true, amount: amount, currency: currency, rail: records.RailACH}
	for _, st := range tl.Steps {
		switch st.Key {
		case "trade_date":
			f.v.eventOn = st.Day()
		case "settles":
			f.v.expectedOn = st.Day()
		case "proceeds_withdrawable":
			f.v.holdUntil = st.Day()
		}
	}
	if f.v.eventOn.IsZero() || f.v.expectedOn.IsZero() || f.v.holdUntil.IsZero() {
		return "", f, fmt.Errorf("the timeline of a sale lacks its trade date, settlement or withdrawal date")
	}
	return TradeUnsettled, f.in(english()), nil
}

// refunded is what a story's card refunds gave back: a refund read from
// two exports (the same amount on the same day in another file) counts
// once.
func refunded(s *match.Story) decimal.Decimal {
	total := decimal.Zero
	var counted []*match.Evidence
	for _, e := range s.Events {
		if e.Kind != payment.KindRefund {
			continue
		}
		twice := false
		for _, c := range counted {
			twice = twice || c.Source.File != e.Source.File && c.Date == e.Date && c.Amount.Equal(e.Amount)
		}
		if !twice {
			total = total.Add(e.Amount.Abs())
			counted = append(counted, e)
		}
	}
	return total
}

// fullName is a person's name with each word capitalized; "" for a
// business, as firstName decides.
func fullName(name string) string {
	if firstName(name) == "" {
		return ""
	}
	words := strings.Fields(name)
	for i, w := range words {
		words[i] = capitalize(w)
	}
	return strings.Join(words, " ")
}

func walletName(w string) string {
	switch w {
	case "apple_pay":
		return "Apple Pay"
	case "google_pay":
		return "Google Pay"
	case "samsung_pay":
		return "Samsung Pay"
	}
	return strings.ReplaceAll(w, "_", " ")
}

// Day writes a date for people in English, "Friday, November 27, 2026";
// "" for the zero date. Language.Day writes it in another language.
func Day(d payment.Date) string {
	return english().Day(d)
}

// english is the English language data, which is embedded and checked by
// the tests.
func english() *Language {
	l, err := LoadLanguage("en")
	if err != nil {
		panic("reply: " + err.Error())
	}
	return l
}
