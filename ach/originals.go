package ach

import (
	"hash/maphash"
	"strconv"
	"strings"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// Originals remembers the forward entries read so far, so that the
// returns, notifications of change and reversals read with them can be
// dated against the entry they answer.
//
// A day's originated file can hold a million entries while the returns
// that answer them are a handful, so it keeps about 60 bytes per entry and
// no strings: traces are kept as numbers, and what a reversal shares with
// the entry it reverses (bank, account, amount; company, SEC code and
// reference) as 64-bit hashes.
type Originals struct {
	entries []original
	files   []string
	fileIdx map[string]int32
	// byTrace and byPayee hold the index of the latest entry with a key;
	// each entry links to the one before it with the same key.
	byTrace map[uint64]int32
	byPayee map[uint64]int32
	// oddTraces keeps, rarely, traces that are not 15 digits.
	oddTraces map[string]int32
	seed      maphash.Seed
}

type original struct {
	settled   payment.Date
	line      int32
	file      int32
	prevTrace int32 // -1 ends the chain
	prevPayee int32
	trace     uint64 // numeric trace; 0 when odd
	tie       uint64 // hash of company ID, SEC code and individual ID
	debit     bool   // the entry debited the receiver
}

// NewOriginals returns an empty index.
func NewOriginals() *Originals {
	return &Originals{
		fileIdx:   map[string]int32{},
		byTrace:   map[uint64]int32{},
		byPayee:   map[uint64]int32{},
		oddTraces: map[string]int32{},
		seed:      maphash.MakeSeed(),
	}
}

// Add remembers a forward entry (payment, prenote or reversal); other
// entries are ignored.
func (o *Originals) Add(e *Entry) {
	kind := e.Kind()
	switch kind {
	case payment.KindPayment, payment.KindPrenote, payment.KindReversal:
	default:
		return
	}
	idx := int32(len(o.entries))
	orig := original{
		settled:   e.Batch.ExpectedSettlement,
		line:      int32(e.Source.Line),
		file:      o.file(e.Source.File),
		prevTrace: -1,
		prevPayee: -1,
		tie:       o.hash(strings.TrimSpace(e.Batch.CompanyID), e.Batch.SECCode, e.IndividualID),
		debit:     isReceiverDebit(e.TransactionCode),
	}
	if n, ok := traceNumber(e.Trace); ok {
		orig.trace = n
		if prev, ok := o.byTrace[n]; ok {
			orig.prevTrace = prev
		}
		o.byTrace[n] = idx
	} else if e.Trace != "" {
		if prev, ok := o.oddTraces[e.Trace]; ok {
			orig.prevTrace = prev
		}
		o.oddTraces[strings.Clone(e.Trace)] = idx
	}
	if kind == payment.KindPayment {
		k := o.hash(e.Routing(), strings.TrimSpace(e.Account), strconv.FormatInt(e.Amount, 10))
		if prev, ok := o.byPayee[k]; ok {
			orig.prevPayee = prev
		}
		o.byPayee[k] = idx
	}
	o.entries = append(o.entries, orig)
}

func (o *Originals) file(name string) int32 {
	if i, ok := o.fileIdx[name]; ok {
		return i
	}
	i := int32(len(o.files))
	o.files = append(o.files, name)
	o.fileIdx[name] = i
	return i
}

func (o *Originals) hash(parts ...string) uint64 {
	var h maphash.Hash
	h.SetSeed(o.seed)
	for _, p := range parts {
		h.WriteString(p)
		h.WriteByte(0)
	}
	return h.Sum64()
}

func traceNumber(s string) (uint64, bool) {
	if len(s) != 15 {
		return 0, false
	}
	n, ok := parseDigits(s)
	return uint64(n), ok && n > 0
}

func (o *Originals) source(orig original) payment.Source {
	return payment.Source{File: o.files[orig.file], Line: int(orig.line)}
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
// arrival, a reversal's five-banking-day limit. Call it before the event's
// account numbers are masked.
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
		// The receiving bank sends a NOC within 2 banking days of the
		// original entry's settlement.
		ev.Timing.OriginalSettlementDate = orig.settled
		dateAgainst(ev, orig.settled, settlement.ACHDeadline(orig.settled, settlement.ACHNOCBankingDays, cal), cal)
	default:
		if ev.Timing.OriginalSettlementDate.IsZero() {
			ev.Timing.OriginalSettlementDate = orig.settled
		}
	}
	return Link{Original: o.source(orig), Candidates: 1}
}

// find picks the entry with the trace that settled last on or before
// settled (trace numbers repeat across days).
func (o *Originals) find(trace string, settled payment.Date) (original, bool) {
	idx := int32(-1)
	if n, ok := traceNumber(trace); ok {
		if i, ok := o.byTrace[n]; ok {
			idx = i
		}
	} else if i, ok := o.oddTraces[trace]; ok {
		idx = i
	}
	var best original
	found := false
	for ; idx >= 0; idx = o.entries[idx].prevTrace {
		c := o.entries[idx]
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
	if ev.ACH == nil {
		return Link{}
	}
	debit := isReceiverDebit(ev.ACH.TransactionCode)
	amount := ev.Amount.Shift(2).String() // cents, as Add keyed it
	key := o.hash(ev.Party.Routing, strings.TrimSpace(ev.Party.Account), amount)
	var cands []original
	idx, ok := o.byPayee[key]
	for ; ok && idx >= 0; idx = o.entries[idx].prevPayee {
		c := o.entries[idx]
		if c.debit != debit && !c.settled.After(ev.SettlementDate) {
			cands = append(cands, c)
		}
	}
	if len(cands) > 1 {
		tie := o.hash(strings.TrimSpace(ev.ACH.CompanyID), ev.ACH.SECCode, ev.Refs.IndividualID)
		var same []original
		for _, c := range cands {
			if c.tie == tie {
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
	if orig.trace != 0 {
		ev.Refs.OriginalTrace = strconv.FormatUint(orig.trace, 10)
		for len(ev.Refs.OriginalTrace) < 15 {
			ev.Refs.OriginalTrace = "0" + ev.Refs.OriginalTrace
		}
	}
	ev.Timing.OriginalSettlementDate = orig.settled
	if !orig.settled.IsZero() {
		dateAgainst(ev, orig.settled, settlement.ACHReversalDeadline(orig.settled, cal), cal)
	}
	return Link{Original: o.source(orig), Candidates: 1}
}
