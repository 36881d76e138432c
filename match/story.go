package match

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
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
	expired   bool    // an authorization whose hold lapsed before the as-of date
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
// answer-only story takes it from the first answer, reversed when the
// answer undoes the payment (a return of a deposit debits the company, the
// deposit credited it).
func (s *Story) Direction() payment.Direction {
	if s.Forward != nil && s.Forward.Direction != "" {
		return s.Forward.Direction
	}
	for _, e := range s.Events {
		if e.Direction != "" {
			if s.Forward == nil && undoes(e.Kind) {
				return opposite(e.Direction)
			}
			return e.Direction
		}
	}
	return ""
}

// undoes reports whether an answer of this kind moves the money back the
// way it came.
func undoes(k payment.Kind) bool {
	switch k {
	case payment.KindReturn, payment.KindContestedDishonoredReturn, payment.KindRefund, payment.KindChargeback,
		payment.KindSecondChargeback, payment.KindPayoutReturn:
		return true
	}
	return false
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
		// The company's own reference, as answers repeat it: an ACH
		// return's individual ID, a refund's merchant reference.
		if v := normalizeRef(e.Ref("individual_id")); v != "" && !fn(v) {
			return
		}
		if v := normalizeRef(e.Ref("merchant_reference")); v != "" && !fn(v) {
			return
		}
		for _, r := range e.Originals() {
			if v := normalizeRef(r.Value); v != "" && !fn(v) {
				return
			}
		}
	}
}

// buildStories links events into stories. A card authorization, its
// capture and the same charge read from a second export share a processor
// id and make one story. An answer (return, NOC, dishonor, contest,
// refund, chargeback …) joins the payment whose reference it names, the
// latest one settled on or before it when an ACH trace repeats; a reversal
// joins the payment it reverses (same bank, account and amount, the other
// direction, settled before it). Answers whose payment is not among the
// events form stories of their own, one per original reference, except
// fees and status changes, which only ever join a story.
func buildStories(events []*Evidence) []*Story {
	if !slices.IsSortedFunc(events, compareEvidence) {
		slices.SortFunc(events, compareEvidence)
	}

	stories := make([]*Story, 0, len(events))
	block := make([]Story, 0, len(events)) // one allocation for the stories of payments
	var answers, attached []*Evidence
	// Only the references some answer names are worth indexing: answers are
	// few, payments many.
	named := map[Ref]bool{}
	for _, e := range events {
		if !e.isForward() {
			if joinsOnly(e.Kind) {
				attached = append(attached, e)
			} else {
				answers = append(answers, e)
			}
			for _, r := range e.Originals() {
				named[refKey(r)] = true
			}
		}
	}
	// A named reference → the payments that have it, chained when it
	// repeats (trace numbers do, across days).
	byRef := map[Ref]int32{}
	var links []refLink
	var byCharge map[string]int32 // card processor id → its story
	for _, e := range events {
		if !e.isForward() {
			continue
		}
		id := transferID(e)
		n, joined := byCharge[id]
		if joined {
			stories[n].addForward(e)
		} else {
			block = append(block, Story{Forward: e, key: e.Source})
			s := &block[len(block)-1]
			s.first1[0] = e
			s.Events = s.first1[:]
			stories = append(stories, s)
			n = int32(len(stories) - 1)
			if id != "" {
				if byCharge == nil {
					byCharge = map[string]int32{}
				}
				byCharge[id] = n
			}
		}
		for _, r := range e.Refs() {
			if r = refKey(r); !named[r] {
				continue
			}
			prev, ok := byRef[r]
			if !ok {
				prev = -1
			}
			if ok && links[prev].story == n {
				continue // the same charge's capture after its authorization
			}
			byRef[r] = int32(len(links))
			links = append(links, refLink{story: n, next: prev})
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

	answered := func(a *Evidence) *Story {
		for _, r := range a.Originals() {
			var cands []*Story
			i, ok := byRef[refKey(r)]
			for ; ok && i >= 0; i = links[i].next {
				cands = append(cands, stories[links[i].story])
			}
			if s := latestBefore(cands, a.Day()); s != nil {
				return s
			}
			// Processor ids do not repeat the way traces do: an answer
			// dated before its payment settled (a refund before the
			// charge's payout) still belongs to it.
			if r.Name != "trace" && len(cands) > 0 {
				return cands[0]
			}
		}
		return nil
	}
	orphans := map[Ref]*Story{} // first original reference → answer-only story
	orphanKey := func(a *Evidence) Ref {
		if orig := a.Originals(); len(orig) > 0 {
			return refKey(orig[0])
		}
		return Ref{"source", a.Source.String()}
	}
	for _, a := range answers {
		// An answer joins the payment it names (a Fedwire reversal names the
		// IMAD it reverses); an ACH reversal, which names none, the payment
		// to the same account it undoes.
		s := answered(a)
		switch {
		case s != nil:
		case a.Kind == payment.KindReversal:
			if s = reversedStory(byPayee[payeeOf(a)], a); s == nil {
				s = &Story{key: a.Source}
				stories = append(stories, s)
			}
		default:
			key := orphanKey(a)
			if s = orphans[key]; s == nil {
				s = &Story{key: a.Source}
				orphans[key] = s
				stories = append(stories, s)
			}
		}
		s.Events = append(s.Events, a)
	}
	// Fees and status changes join the story they name, in date order;
	// alone they are not a payment anyone could have recorded.
	resort := map[*Story]bool{}
	for _, a := range attached {
		s := answered(a)
		if s == nil {
			if s = orphans[orphanKey(a)]; s == nil {
				continue
			}
		}
		s.Events = append(s.Events, a)
		resort[s] = true
	}
	for s := range resort { // each story's order is its own: the map's order does not matter
		s.sortAnswers()
	}
	for _, s := range stories {
		s.Outcome, _ = outcome(s)
	}
	return stories
}

// refKey is a reference as stories are linked by: its value normalized
// (a UETR may come back in capitals).
func refKey(r Ref) Ref { return Ref{r.Name, normalizeRef(r.Value)} }

// joinsOnly reports whether events of a kind only ever join a story.
func joinsOnly(k payment.Kind) bool { return k == payment.KindFee || k == payment.KindStatus }

// transferID is what makes several events one payment: the processor's
// id of a card payment attempt, which its authorization, capture and
// decline share; a wire's UETR (or, before UETRs, its IMAD), which the
// payment message, its cover and the bank statement's entry for it share.
// "" for other events.
func transferID(e *Evidence) string {
	switch e.Rail {
	case payment.RailCard:
		return normalizeRef(e.Ref("psp_id"))
	case payment.RailWire:
		if v := normalizeRef(e.Ref("uetr")); v != "" {
			return "uetr " + v
		}
		if v := normalizeRef(e.Ref("imad")); v != "" {
			return "imad " + v
		}
	}
	return ""
}

// addForward adds another payment event of the same charge (its capture,
// or the same capture read from a second export). The first event that
// moves money becomes the story's payment.
func (s *Story) addForward(e *Evidence) {
	s.Events = append(s.Events, e)
	if !s.Forward.movesMoney() && e.movesMoney() {
		s.Forward = e
	}
}

// sortAnswers puts the events after the payment's own in date order.
func (s *Story) sortAnswers() {
	i := 0
	for i < len(s.Events) && s.Events[i].isForward() && s.Forward != nil {
		i++
	}
	slices.SortStableFunc(s.Events[i:], compareEvidence)
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

// outcome says what the evidence makes of a story. An ACH return stands
// unless our bank dishonored it and the dishonor was not contested; a card
// chargeback stands unless it was reversed, and a second chargeback after
// that stands again; a refund counts unless it failed; an authorization
// never captured is pending, or reversed when it was voided.
func outcome(s *Story) (Status, []string) {
	var notes []string
	returned, dishonored, contested, reversed, rejected := false, false, false, false, false
	rejectedAfter := false // a status report rejected the payment the story holds
	authorized, captured, voided := false, false, false
	chargedBack := false
	refunded, refundFailed := decimal.Zero, decimal.Zero
	var counted []*Evidence // refunds counted in refunded
	for _, e := range s.Events {
		switch e.Kind {
		case payment.KindPayment, payment.KindCapture, payment.KindPayout, payment.KindAdvice:
			captured = true
		case payment.KindAuthorization:
			authorized = true
		case payment.KindAuthorizationReversal:
			voided = true
		case payment.KindReturn, payment.KindPayoutReturn:
			returned = true
			if e.Rail == payment.RailWire && s.Forward != nil && e.Amount.LessThan(s.Forward.Amount) && e.Currency == s.Forward.Currency {
				notes = append(notes, "returned "+payment.FormatAmount(e.Amount, e.Currency)+" of "+
					payment.FormatAmount(s.Forward.Amount, e.Currency)+": the banks on the way took "+
					payment.FormatAmount(s.Forward.Amount.Sub(e.Amount), e.Currency)+" in charges")
			}
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
			if !sameAsCounted(e, counted) { // the same refund read from a second export
				refunded = refunded.Add(e.Amount.Abs())
				counted = append(counted, e)
			}
		case payment.KindRefundFailure:
			refundFailed = refundFailed.Add(e.Amount.Abs())
			notes = append(notes, "a refund failed on "+e.Date.String()+": the money went back to the company, not to the customer")
		case payment.KindChargeback:
			chargedBack = true
		case payment.KindChargebackReversal:
			if chargedBack {
				notes = append(notes, "the chargeback was reversed in the company's favour on "+e.Date.String())
			}
			chargedBack = false
		case payment.KindSecondChargeback:
			chargedBack = true
			notes = append(notes, "second chargeback (pre-arbitration) on "+e.Date.String())
		case payment.KindRejection, payment.KindDecline:
			rejected = true
			rejectedAfter = rejectedAfter || !e.isForward()
		case payment.KindRecall, payment.KindRecallResponse, payment.KindStatus:
			if n := wireNote(e); n != "" {
				notes = append(notes, n)
			}
		}
	}
	switch {
	case returned && dishonored && !contested:
		notes = append(notes, "the return was dishonored by our bank: the payment stands")
	case returned && dishonored && contested:
		notes = append(notes, "our bank dishonored the return and the receiving bank contested it: the return stands")
	}
	if w := s.wallet(); w != "" {
		notes = append(notes, walletNote(w))
	}
	netRefund := refunded
	if !refundFailed.IsZero() {
		netRefund = refunded.Sub(refundFailed)
	}
	if netRefund.IsPositive() && s.Forward != nil && netRefund.LessThan(s.Amount().Abs()) {
		notes = append(notes, "partly refunded: "+payment.FormatAmount(netRefund, s.Currency())+" of "+
			payment.FormatAmount(s.Amount().Abs(), s.Currency()))
	}
	switch {
	case rejected && (!captured || rejectedAfter):
		return StatusRejected, notes
	case reversed:
		return StatusReversed, notes
	case returned && !(dishonored && !contested):
		return StatusReturned, notes
	case chargedBack:
		return StatusChargedBack, notes
	case netRefund.IsPositive():
		return StatusRefunded, notes
	case authorized && !captured && voided:
		return StatusReversed, append(notes, "the authorization was released without a capture: the customer was not charged")
	case authorized && !captured && s.expired:
		return StatusReversed, append(notes, "the authorization expired on "+s.holdExpires().String()+
			" without a capture: the customer was not charged")
	case authorized && !captured:
		note := "authorized, not captured"
		if holdExpires := s.holdExpires(); !holdExpires.IsZero() {
			note += ": the hold drops off by " + holdExpires.String() + " unless captured"
		}
		return StatusPending, append(notes, note)
	}
	return StatusMatched, notes
}

// wireNote says what a wire recall, its answer or a status report tells
// the analyst; "" when it tells nothing worth a note.
func wireNote(e *Evidence) string {
	if e.Rail != payment.RailWire {
		return ""
	}
	on := e.Date.String()
	why := ""
	if e.Code != "" {
		why = " (" + e.Code
		if found := reason.Lookup(e.Code, e.CodeScheme); len(found) > 0 && found[0].Title != "" {
			why += ": " + found[0].Title
		}
		why += ")"
	}
	switch e.Kind {
	case payment.KindRecall:
		return "a recall was asked for on " + on + why + ": the receiving bank decides, and needs the beneficiary's consent once the money is credited"
	case payment.KindRecallResponse:
		switch e.WireStatus {
		case "CNCL", "ACCR":
			return "the receiving bank accepted the recall on " + on + ": the money comes back as a return"
		case "RJCR":
			return "the receiving bank refused the recall on " + on + why
		case "PECR":
			return "the receiving bank accepted the recall in part on " + on + why
		case "PDCR":
			return "the recall is pending at the receiving bank (" + on + ")"
		}
		return "the receiving bank answered the recall on " + on + why
	}
	switch e.WireStatus {
	case "ACSC":
		return "settled between the banks on " + on + " (not yet proof that the beneficiary was credited)"
	case "ACCC":
		return "credited to the beneficiary's account on " + on
	case "ACSP", "ACTC", "PDNG":
		return "in progress on " + on + why
	}
	return ""
}

// holdExpires is when the story's first authorization hold lapses, if
// known.
func (s *Story) holdExpires() payment.Date {
	for _, e := range s.Events {
		if h := e.HoldExpiresOn(); e.Kind == payment.KindAuthorization && !h.IsZero() {
			return h
		}
	}
	return payment.Date{}
}

// expire marks an authorization never captured whose hold lapsed before
// asOf, which makes it reversed.
func (s *Story) expire(asOf payment.Date) {
	if s.Outcome != StatusPending || asOf.IsZero() {
		return
	}
	if h := s.holdExpires(); !h.IsZero() && asOf.After(h) {
		s.expired = true
		s.Outcome, _ = outcome(s)
	}
}

// movedNoMoney reports whether the story is a card attempt in which no
// money moved: declined, or authorized and then voided or lapsed.
func (s *Story) movedNoMoney() bool {
	if s.Forward == nil || s.Forward.movesMoney() {
		return false
	}
	switch s.Forward.Kind {
	case payment.KindDecline, payment.KindRejection:
		return true
	case payment.KindAuthorization:
		return s.Outcome == StatusReversed
	}
	return false
}

// sameAsCounted reports whether a refund is one already counted, read from
// another export: the same amount on the same day, from another file.
func sameAsCounted(e *Evidence, counted []*Evidence) bool {
	for _, c := range counted {
		if c.Source.File != e.Source.File && c.day == e.day && c.Amount.Equal(e.Amount) {
			return true
		}
	}
	return false
}

// wallet is the wallet the story's card was paid through, if any.
func (s *Story) wallet() string {
	for _, e := range s.Events {
		if e.Wallet != "" {
			return e.Wallet
		}
	}
	return ""
}

// walletNote tells the analyst what a wallet payment means for the digits
// the customer sees and for refunds.
func walletNote(wallet string) string {
	var name string
	switch wallet {
	case "apple_pay":
		name = "Apple Pay"
	case "google_pay":
		name = "Google Pay"
	case "samsung_pay":
		name = "Samsung Pay"
	default:
		name = strings.ReplaceAll(wallet, "_", " ")
	}
	return "paid with " + name + ": the last four digits the customer sees in the wallet are the device account number's (DPAN), " +
		"not those printed on the card, so \"that's not my card number\" is expected; refunds go back to the same card account"
}
