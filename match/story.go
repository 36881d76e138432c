package match

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// Story is a payment and everything that happened to it afterwards, in
// time order. Forward is nil when only answers were found (a return whose
// original entry is not among the inputs).
type Story struct {
	Forward *Evidence
	Events  []*Evidence // Forward first, then the answers by date and source
	// Outcome is what the evidence says became of the payment.
	Outcome Status

	key     payment.Source // deterministic identity: the first event's source
	claimed bool
	owner   *RecordResult // the record that claimed the story by reference or score
	first1  [1]*Evidence  // backs Events for the many stories of one event

	nameCache *string // the canonical name, worked out on first use
}

// name is the story's party name, made canonical for comparison.
func (s *Story) name() string {
	if s.nameCache == nil {
		n := canonicalName(s.first().Name)
		s.nameCache = &n
	}
	return *s.nameCache
}

// amountKey is the story's direction, currency and amount, as matching
// looks records up by them.
func (s *Story) amountKey() amountKey {
	return newAmountKey(s.Direction(), s.Currency(), s.Amount())
}

// Amount is the story's amount: the payment's, or the first answer's.
func (s *Story) Amount() decimal.Decimal { return s.first().Amount }

// Currency is the story's currency.
func (s *Story) Currency() string { return s.first().Currency }

// Direction is the payment's effect on the company's account. An
// answer-only story takes it from the first answer, reversed (a return of a
// deposit debits the company, the deposit credited it).
func (s *Story) Direction() payment.Direction {
	if s.Forward != nil {
		return s.Forward.Direction
	}
	for _, e := range s.Events {
		if e.Direction != "" {
			if e.Kind == payment.KindReturn || e.Kind == payment.KindContestedDishonoredReturn {
				return opposite(e.Direction)
			}
			return e.Direction
		}
	}
	return ""
}

// Day is the payment's settlement (or effective) date, or the first
// answer's.
func (s *Story) Day() payment.Date { return s.first().Day() }

func (s *Story) first() *Evidence {
	if s.Forward != nil {
		return s.Forward
	}
	return s.Events[0]
}

func opposite(d payment.Direction) payment.Direction {
	switch d {
	case payment.Credit:
		return payment.Debit
	case payment.Debit:
		return payment.Credit
	}
	return d
}

// refs are the references the story can be found by: the payment's own,
// the company's reference carried by its answers (an ACH return keeps the
// individual ID) and the original references of answer-only stories.
func (s *Story) refs() []string {
	out := make([]string, 0, 4)
	s.eachRef(func(v string) bool {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
		return true
	})
	return out
}

// hasRef reports whether the story can be found by ref (normalized).
func (s *Story) hasRef(ref string) bool {
	found := false
	s.eachRef(func(v string) bool {
		found = v == ref
		return !found
	})
	return found
}

// eachRef calls fn with each normalized reference of the story, possibly
// more than once, until fn returns false.
func (s *Story) eachRef(fn func(string) bool) {
	for _, e := range s.Events {
		if e.isForward() || e.Kind == payment.KindReversal {
			for _, r := range e.Refs() {
				if v := normalizeRef(r.Value); v != "" && !fn(v) {
					return
				}
			}
			continue
		}
		if v := normalizeRef(e.Ref("individual_id")); v != "" && !fn(v) {
			return
		}
		for _, r := range e.Originals() {
			if v := normalizeRef(r.Value); v != "" && !fn(v) {
				return
			}
		}
	}
}

// buildStories links events into stories. An answer (return, NOC,
// dishonor, contest) joins the payment whose trace it names, the latest
// one settled on or before it when a trace repeats; a reversal joins the
// payment it reverses (same bank, account and amount, the other
// direction, settled before it). Answers whose payment is not among the
// events form stories of their own, one per original trace.
func buildStories(events []*Evidence) []*Story {
	if !slices.IsSortedFunc(events, compareEvidence) {
		slices.SortFunc(events, compareEvidence)
	}

	stories := make([]*Story, 0, len(events))
	block := make([]Story, 0, len(events)) // one allocation for the stories of payments
	var answers []*Evidence
	// Only the references some answer names are worth indexing: answers are
	// few, payments many.
	named := map[Ref]bool{}
	for _, e := range events {
		if !e.isForward() {
			answers = append(answers, e)
			for _, r := range e.Originals() {
				named[r] = true
			}
		}
	}
	// A named reference → the payments that have it, chained when it
	// repeats (trace numbers do, across days).
	byRef := map[Ref]int32{}
	var links []refLink
	for _, e := range events {
		if !e.isForward() {
			continue
		}
		block = append(block, Story{Forward: e, key: e.Source})
		s := &block[len(block)-1]
		s.first1[0] = e
		s.Events = s.first1[:]
		stories = append(stories, s)
		for _, r := range e.Refs() {
			if !named[r] {
				continue
			}
			prev, ok := byRef[r]
			if !ok {
				prev = -1
			}
			byRef[r] = int32(len(links))
			links = append(links, refLink{story: int32(len(stories) - 1), next: prev})
		}
	}
	// Reversals are rare: the index they need is built only for them.
	var byPayee map[payeeKey][]*Story
	for _, a := range answers {
		if a.Kind == payment.KindReversal && byPayee == nil {
			byPayee = map[payeeKey][]*Story{}
			for _, s := range stories {
				if s.Forward.Kind == payment.KindPayment {
					k := payeeOf(s.Forward)
					byPayee[k] = append(byPayee[k], s)
				}
			}
		}
	}

	orphans := map[Ref]*Story{} // first original reference → answer-only story
	for _, a := range answers {
		var s *Story
		if a.Kind == payment.KindReversal {
			s = reversedStory(byPayee[payeeOf(a)], a)
			if s == nil {
				s = &Story{key: a.Source}
				stories = append(stories, s)
			}
		} else {
			for _, r := range a.Originals() {
				var cands []*Story
				i, ok := byRef[r]
				for ; ok && i >= 0; i = links[i].next {
					cands = append(cands, stories[links[i].story])
				}
				if s = latestBefore(cands, a.Day()); s != nil {
					break
				}
			}
			if s == nil {
				key := Ref{"source", a.Source.String()}
				if orig := a.Originals(); len(orig) > 0 {
					key = orig[0]
				}
				if s = orphans[key]; s == nil {
					s = &Story{key: a.Source}
					orphans[key] = s
					stories = append(stories, s)
				}
			}
		}
		s.Events = append(s.Events, a)
	}
	for _, s := range stories {
		s.Outcome, _ = outcome(s)
	}
	return stories
}

// compareEvidence orders events by day, then by where they were read, so
// that stories come out the same whatever order the inputs were given in.
func compareEvidence(a, b *Evidence) int {
	if c := cmp.Compare(a.day, b.day); c != 0 {
		return c
	}
	return compareSources(a.Source, b.Source)
}

// compareSources orders places in the inputs by file, then line.
func compareSources(a, b payment.Source) int {
	if c := cmp.Compare(a.File, b.File); c != 0 {
		return c
	}
	return cmp.Compare(a.Line, b.Line)
}

// latestBefore picks, among stories with the same payment trace, the one
// settled last on or before day.
func latestBefore(cands []*Story, day payment.Date) *Story {
	var best *Story
	for _, s := range cands {
		if !day.IsZero() && s.Forward.Day().After(day) {
			continue
		}
		if best == nil || !s.Forward.Day().Before(best.Forward.Day()) {
			best = s
		}
	}
	return best
}

// refLink chains the payments that share a reference.
type refLink struct{ story, next int32 }

type payeeKey struct{ routing, account, amount, currency string }

func payeeOf(e *Evidence) payeeKey {
	return payeeKey{e.Routing, normalizeRef(e.Account), e.Amount.String(), e.Currency}
}

// reversedStory finds the payment a reversal undoes; with several
// candidates, the one with the same individual ID, else the latest.
func reversedStory(cands []*Story, rev *Evidence) *Story {
	var fits []*Story
	for _, s := range cands {
		f := s.Forward
		if f.Direction == rev.Direction || f.Day().After(rev.Day()) {
			continue
		}
		fits = append(fits, s)
	}
	id := normalizeRef(rev.Ref("individual_id"))
	for _, s := range fits {
		if id != "" && normalizeRef(s.Forward.Ref("individual_id")) == id {
			return s
		}
	}
	if len(fits) > 0 {
		return fits[len(fits)-1]
	}
	return nil
}

// Notes are what an analyst should know of a story that does not change
// its outcome (a NOC to apply, a dishonored return).
func (s *Story) Notes() []string {
	_, notes := outcome(s)
	return notes
}

// outcome says what the evidence makes of a story: a return stands unless
// our bank dishonored it and the dishonor was not contested.
func outcome(s *Story) (Status, []string) {
	var notes []string
	returned, dishonored, contested, reversed := false, false, false, false
	var refunded, chargedBack, chargebackReversed, rejected bool
	for _, e := range s.Events {
		switch e.Kind {
		case payment.KindReturn:
			returned = true
		case payment.KindDishonoredReturn:
			dishonored = true
		case payment.KindContestedDishonoredReturn:
			contested = true
		case payment.KindReversal:
			reversed = true
		case payment.KindNOC:
			notes = append(notes, "notification of change "+e.Code+": update the stored bank details")
		case payment.KindRefusedNOC:
			notes = append(notes, "refused notification of change "+e.Code)
		case payment.KindRefund:
			refunded = true
		case payment.KindChargeback:
			chargedBack = true
		case payment.KindChargebackReversal:
			chargebackReversed = true
		case payment.KindRejection, payment.KindDecline:
			rejected = true
		}
	}
	switch {
	case returned && dishonored && !contested:
		notes = append(notes, "the return was dishonored by our bank: the payment stands")
	case returned && dishonored && contested:
		notes = append(notes, "our bank dishonored the return and the receiving bank contested it: the return stands")
	}
	switch {
	case rejected:
		return StatusRejected, notes
	case reversed:
		return StatusReversed, notes
	case returned && !(dishonored && !contested):
		return StatusReturned, notes
	case chargedBack && !chargebackReversed:
		return StatusChargedBack, notes
	case refunded:
		return StatusRefunded, notes
	}
	return StatusMatched, notes
}
