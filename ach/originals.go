package ach

import (
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// Originals remembers the forward entries read so far, so that the
// returns, notifications of change and reversals read with them can be
// dated against the entry they answer. It keeps a few fields per entry,
// not the events.
type Originals struct {
	byTrace map[string][]original
	byPayee map[payee][]original
}

type original struct {
	trace         string
	individualID  string
	companyID     string
	secCode       string
	receiverDebit bool
	settled       payment.Date
	source        payment.Source
}

// payee is what a reversal shares with the entry it reverses.
type payee struct {
	routing, account, amount string
}

// NewOriginals returns an empty index.
func NewOriginals() *Originals {
	return &Originals{byTrace: map[string][]original{}, byPayee: map[payee][]original{}}
}

// Add remembers a forward entry (payment, prenote or reversal); other
// events are ignored.
func (o *Originals) Add(ev *payment.Event) {
	if ev.ACH == nil {
		return
	}
	switch ev.Kind {
	case payment.KindPayment, payment.KindPrenote, payment.KindReversal:
	default:
		return
	}
	orig := original{
		trace:         ev.Refs.Trace,
		individualID:  ev.Refs.IndividualID,
		companyID:     ev.ACH.CompanyID,
		secCode:       ev.ACH.SECCode,
		receiverDebit: isReceiverDebit(ev.ACH.TransactionCode),
		settled:       ev.SettlementDate,
		source:        ev.Source,
	}
	if orig.trace != "" {
		o.byTrace[orig.trace] = append(o.byTrace[orig.trace], orig)
	}
	if ev.Kind == payment.KindPayment {
		k := payee{ev.Party.Routing, ev.Party.Account, ev.Amount.String()}
		o.byPayee[k] = append(o.byPayee[k], orig)
	}
}

// Link is what Date found about the entry an event answers.
type Link struct {
	// Original is where the original entry was read; zero when it was not
	// among the inputs.
	Original payment.Source
	// Candidates counts the entries that could be the original of a
	// reversal; more than one means it could not be told which.
	Candidates int
}

// Date fills in an event's timing against the original entry it answers,
// when that entry was added: a return's banking days and deadline, a NOC's
// arrival, a reversal's five-banking-day limit.
func (o *Originals) Date(ev *payment.Event, cal *settlement.Calendar) Link {
	switch ev.Kind {
	case payment.KindReversal:
		return o.dateReversal(ev, cal)
	case payment.KindReturn, payment.KindNOC, payment.KindRefusedNOC,
		payment.KindDishonoredReturn, payment.KindContestedDishonoredReturn:
	default:
		return Link{}
	}
	orig, ok := o.find(ev.Refs.OriginalTrace, ev.SettlementDate)
	if !ok {
		return Link{}
	}
	switch ev.Kind {
	case payment.KindReturn:
		DateReturn(ev, orig.settled, cal)
	case payment.KindNOC:
		ev.Timing.OriginalSettlementDate = orig.settled
		if !ev.SettlementDate.IsZero() {
			n := cal.BankingDaysBetween(orig.settled, ev.SettlementDate)
			ev.Timing.BankingDaysAfter = &n
		}
	default:
		if ev.Timing.OriginalSettlementDate.IsZero() {
			ev.Timing.OriginalSettlementDate = orig.settled
		}
	}
	return Link{Original: orig.source, Candidates: 1}
}

// find picks the entry with the trace that settled last on or before
// settled (trace numbers repeat across days).
func (o *Originals) find(trace string, settled payment.Date) (original, bool) {
	var best original
	found := false
	for _, c := range o.byTrace[trace] {
		if !settled.IsZero() && c.settled.After(settled) {
			continue
		}
		if !found || c.settled.After(best.settled) {
			best, found = c, true
		}
	}
	return best, found
}

// dateReversal finds the entry a reversal undoes: same receiving bank,
// account and amount, the opposite direction, settled before it; the
// company, SEC code and individual ID settle a tie.
func (o *Originals) dateReversal(ev *payment.Event, cal *settlement.Calendar) Link {
	debit := isReceiverDebit(ev.ACH.TransactionCode)
	var cands []original
	for _, c := range o.byPayee[payee{ev.Party.Routing, ev.Party.Account, ev.Amount.String()}] {
		if c.receiverDebit == debit || c.settled.After(ev.SettlementDate) {
			continue
		}
		cands = append(cands, c)
	}
	if len(cands) > 1 {
		var same []original
		for _, c := range cands {
			if c.individualID == ev.Refs.IndividualID && c.companyID == ev.ACH.CompanyID && c.secCode == ev.ACH.SECCode {
				same = append(same, c)
			}
		}
		if len(same) > 0 {
			cands = same
		}
	}
	if len(cands) != 1 {
		return Link{Candidates: len(cands)}
	}
	orig := cands[0]
	ev.Refs.OriginalTrace = orig.trace
	ev.Timing.OriginalSettlementDate = orig.settled
	if !ev.SettlementDate.IsZero() && !orig.settled.IsZero() {
		n := cal.BankingDaysBetween(orig.settled, ev.SettlementDate)
		deadline := cal.AddBankingDays(orig.settled, 5)
		timely := !ev.SettlementDate.After(deadline)
		ev.Timing.BankingDaysAfter = &n
		ev.Timing.Deadline = deadline
		ev.Timing.Timely = &timely
	}
	return Link{Original: orig.source, Candidates: 1}
}
