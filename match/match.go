package match

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"

	"github.com/adrg/strutil/metrics"
	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
	"github.com/payinv/payinv/settlement"
)

// Status is what reconciliation concludes about a record (or, for
// unexpected, about a story no record claims).
type Status string

// Statuses.
const (
	StatusMatched        Status = "matched"
	StatusPending        Status = "pending"
	StatusMissing        Status = "missing"
	StatusAmountMismatch Status = "amount_mismatch"
	StatusReturned       Status = "returned"
	StatusReversed       Status = "reversed"
	StatusChargedBack    Status = "charged_back"
	StatusRefunded       Status = "refunded"
	StatusRejected       Status = "rejected"
	StatusDuplicate      Status = "duplicate"
	StatusAmbiguous      Status = "ambiguous"
	StatusUnexpected     Status = "unexpected"
	// StatusAttempt is a story no record claims in which no money moved (a
	// declined card, a voided authorization). It is never a break.
	StatusAttempt Status = "attempt"
)

// Statuses lists every status in the order reports show them.
var Statuses = []Status{
	StatusMatched, StatusPending, StatusReturned, StatusReversed, StatusChargedBack, StatusRefunded,
	StatusRejected, StatusMissing, StatusAmountMismatch, StatusDuplicate, StatusAmbiguous, StatusUnexpected, StatusAttempt,
}

// Method is how a record found its story.
type Method string

// Methods.
const (
	ByReference Method = "reference"
	ByScore     Method = "score"
)

// Options tune matching.
type Options struct {
	// Window is how many banking days a record's date and its payment's
	// settlement date may be apart, for matches not made by reference.
	Window int
	// AsOf is "today": records younger than the window are pending.
	AsOf payment.Date
	// Calendar counts banking days; the Federal Reserve's by default.
	Calendar *settlement.Calendar
	// Rules time the rails for the expected settlement of pending records;
	// the published defaults when nil.
	Rules *settlement.Rules
}

// DefaultWindow is the default date window, in banking days.
const DefaultWindow = 3

// minScore is the lowest score a match without a reference may have:
// amount, direction and date must agree, and at least the name or the
// account digits must too.
const minScore = 60

// Result is the outcome of a reconciliation.
type Result struct {
	Records    []*RecordResult // in record ID order
	Unexpected []*Story        // stories no record claims, in date order
	// Attempts are stories no record claims in which no money moved: a
	// declined card, an authorization voided or lapsed. They are listed,
	// not breaks: a customer whose card is declined often leaves no record.
	Attempts []*Story
	Stories  []*Story // every story, in date order
}

// RecordResult is what reconciliation says about one record.
type RecordResult struct {
	Record *records.Record
	Status Status
	// Break is true when the record needs an analyst: it is missing,
	// ambiguous, duplicated, for the wrong amount, or its own status
	// disagrees with the evidence.
	Break bool
	// Conflict says how the record's own status disagrees with the
	// evidence ("the record says completed; the bank returned it").
	Conflict string
	Story    *Story
	// Method says how the story was found: by a reference (MatchedRef) or
	// by amount, date, name and account (Score, out of 100).
	Method     Method
	MatchedRef string
	Score      int
	// DuplicateOf names the record that already claims this record's
	// payment; Duplicates are further payments this record's reference
	// found.
	DuplicateOf string
	Duplicates  []*Story
	// Attempts are further stories the record's reference names in which
	// no money moved: declined tries before the card that went through.
	Attempts []*Story
	// ExpectedSettlement is, for a pending record with no payment in the
	// evidence yet, when its payment should settle (from the settlement
	// engine's timeline of its rail); zero otherwise.
	ExpectedSettlement payment.Date
	// NearMiss explains, for a record with no story, the candidate that
	// came closest and what did not fit.
	NearMiss *NearMiss
	// Ambiguous lists the stories that fit equally well; Rivals the other
	// records that fit them as well as this one.
	Ambiguous []*Story
	Rivals    []string
}

// NearMiss is the closest candidate of an unmatched record.
type NearMiss struct {
	Story *Story
	// Failed lists the criteria that did not hold, in words.
	Failed []string
}

// Reconcile matches records against events.
func Reconcile(recs []*records.Record, events []*payment.Event, opts Options) *Result {
	m := newMatcher(opts)
	for _, r := range recs {
		m.addRecord(r)
	}
	for _, ev := range events {
		m.addEvent(ev)
	}
	return m.run()
}

// Matcher accumulates records and events, then reconciles them. Use it to
// stream events without holding them whole.
type Matcher struct {
	opts     Options
	records  []*records.Record
	evidence []*Evidence
	blocks   evidenceBlock

	// Built by run: stories by reference, for matching; by amount (either
	// direction) and by account digits, for explaining near misses.
	stories  []*Story
	seed     maphash.Seed
	refIndex []refEntry
	byAmount map[amountKey][]*Story
	byLast4  map[string][]*Story
}

// NewMatcher returns an empty Matcher.
func NewMatcher(opts Options) *Matcher { return newMatcher(opts) }

func newMatcher(opts Options) *Matcher {
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	if opts.Rules == nil {
		opts.Rules = settlement.DefaultRules()
	}
	if opts.Calendar == nil {
		opts.Calendar = settlement.Fed
	}
	return &Matcher{opts: opts}
}

// AddRecord adds a record.
func (m *Matcher) AddRecord(r *records.Record) { m.addRecord(r) }

// AddEvent keeps what matching needs of an event.
func (m *Matcher) AddEvent(ev *payment.Event) { m.addEvent(ev) }

// Run reconciles everything added.
func (m *Matcher) Run() *Result { return m.run() }

func (m *Matcher) addRecord(r *records.Record) { m.records = append(m.records, r) }

func (m *Matcher) addEvent(ev *payment.Event) {
	if ev.Kind == payment.KindAdvice && ev.Rail != payment.RailWire {
		return // ACH accounting advices between banks are no one's deposit
	}
	m.evidence = append(m.evidence, evidenceOf(ev, m.blocks.next()))
}

func (m *Matcher) run() *Result {
	stories := buildStories(m.evidence)
	for _, s := range stories {
		s.expire(m.opts.AsOf)
	}
	m.stories = stories
	m.index(stories)
	recs := slices.Clone(m.records)
	if !slices.IsSortedFunc(recs, compareRecords) { // exports are often in ID order already
		slices.SortFunc(recs, compareRecords)
	}
	block := make([]RecordResult, len(recs)) // one allocation for all results
	results := make([]*RecordResult, len(recs))
	for i, r := range recs {
		block[i].Record = r
		results[i] = &block[i]
	}

	m.matchByReference(results)
	m.matchByScore(results, stories)
	m.attachDuplicates(results, stories)
	for _, res := range results {
		m.conclude(res)
	}

	out := &Result{Records: results, Stories: stories}
	for _, s := range stories {
		switch {
		case s.claimed:
		case s.movedNoMoney():
			out.Attempts = append(out.Attempts, s)
		default:
			out.Unexpected = append(out.Unexpected, s)
		}
	}
	return out
}

// compareRecords orders records by ID, then by where they were read.
func compareRecords(a, b *records.Record) int {
	if c := cmp.Compare(a.ID, b.ID); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Source.File, b.Source.File); c != 0 {
		return c
	}
	return cmp.Compare(a.Source.Line, b.Source.Line)
}

// matchByReference gives each record the story its reference or ID names
// (the earliest, when several do). When two records name the same story,
// the one made first (by creation time, then ID) keeps it and the other is
// its duplicate. Further stories a record's reference names are duplicate
// payments of that record, when no record claims them as its own.
func (m *Matcher) matchByReference(results []*RecordResult) {
	var found []*Story
	extras := map[*RecordResult][]*Story{} // rare: a reference naming several payments
	for _, res := range results {
		r := res.Record
		found = found[:0]
		via := ""
		var looked string
		for _, ref := range [2]string{r.Reference, r.ID} {
			key := normalizeRef(ref)
			if key == "" || key == looked { // the reference is often the ID
				continue
			}
			looked = key
			m.lookupRef(key, func(s *Story) {
				if RailFits(r.Rail, s.first().Rail) && !slices.Contains(found, s) {
					found = append(found, s)
					if via == "" {
						via = strings.TrimSpace(ref)
					}
				}
			})
		}
		if len(found) == 0 {
			continue
		}
		if len(found) > 1 {
			// A declined try and the retry that went through share the
			// company's reference: the record is the payment's.
			slices.SortStableFunc(found, func(a, b *Story) int {
				return cmp.Compare(b2i(a.movedNoMoney()), b2i(b.movedNoMoney()))
			})
		}
		res.Method, res.MatchedRef, res.Score = ByReference, via, 100
		res.Story = found[0]
		if len(found) > 1 {
			extras[res] = slices.Clone(found[1:])
		}
		owner := res.Story.owner
		switch {
		case owner == nil:
			res.Story.claimed, res.Story.owner = true, res
		case earlierRecord(r, owner.Record):
			res.Story.owner = res
			owner.Status, owner.DuplicateOf = StatusDuplicate, r.ID
		default:
			res.Status, res.DuplicateOf = StatusDuplicate, owner.Record.ID
		}
	}
	// A record displaced by an earlier one may have been named the
	// duplicate of a record that was displaced in turn: point each at the
	// story's final owner.
	for _, res := range results {
		if res.Status == StatusDuplicate {
			res.DuplicateOf = res.Story.owner.Record.ID
		}
	}
	for _, res := range results {
		if res.Status == StatusDuplicate {
			continue
		}
		for _, s := range extras[res] {
			if s.owner != nil {
				continue
			}
			s.claimed, s.owner = true, res
			if s.movedNoMoney() {
				res.Attempts = append(res.Attempts, s)
			} else {
				res.Duplicates = append(res.Duplicates, s)
			}
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// earlierRecord orders records by creation time, then as compareRecords.
func earlierRecord(a, b *records.Record) bool {
	if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
		return c < 0
	}
	return compareRecords(a, b) < 0
}

// railFits says whether a record's rail and an event's rail can be the
// same payment (an empty record rail fits any).
func RailFits(recordRail string, rail payment.Rail) bool {
	switch recordRail {
	case "":
		return true
	case records.RailApplePay:
		return rail == payment.RailCard
	}
	return recordRail == string(rail)
}

// candidate is a possible story for a record, with its score.
type candidate struct {
	story *Story
	score int
}

// matchByScore pairs the remaining records and stories by amount,
// direction, date window, name and account digits. A pair is made when the
// story is the record's single best candidate and the record is the
// story's single best claimant; what is left after no more pairs can be
// made ties, and is reported as ambiguous. Nothing here depends on the
// order of records or stories.
func (m *Matcher) matchByScore(results []*RecordResult, stories []*Story) {
	byAmount := map[amountKey][]*Story{}
	for _, s := range stories {
		if !s.claimed {
			k := s.amountKey()
			byAmount[k] = append(byAmount[k], s)
		}
	}
	open := map[*RecordResult][]candidate{}
	for _, res := range results {
		if res.Story != nil || res.Status == StatusDuplicate {
			continue
		}
		r := res.Record
		name := canonicalName(r.Name)
		var cands []candidate
		for _, s := range byAmount[newAmountKey(r.Direction(), r.Currency, r.Amount)] {
			if score, ok := m.score(r, name, s); ok {
				cands = append(cands, candidate{s, score})
			}
		}
		if len(cands) > 0 {
			open[res] = cands
		}
	}
	for {
		recordTop := map[*RecordResult]*Story{}
		type claim struct {
			res   *RecordResult
			score int
			tied  bool
		}
		storyTop := map[*Story]claim{}
		for res, cands := range open {
			cands = slices.DeleteFunc(cands, func(c candidate) bool { return c.story.claimed })
			if len(cands) == 0 {
				delete(open, res)
				continue
			}
			open[res] = cands
			top := topScore(cands)
			var winners []*Story
			for _, c := range cands {
				if c.score == top {
					winners = append(winners, c.story)
				}
				switch cl, ok := storyTop[c.story]; {
				case !ok || c.score > cl.score:
					storyTop[c.story] = claim{res: res, score: c.score}
				case c.score == cl.score:
					cl.tied = true
					storyTop[c.story] = cl
				}
			}
			if len(winners) == 1 {
				recordTop[res] = winners[0]
			}
		}
		paired := false
		for res, s := range recordTop {
			if cl := storyTop[s]; cl.res != res || cl.tied {
				continue
			}
			s.claimed, s.owner = true, res
			res.Story, res.Score, res.Method = s, storyTop[s].score, ByScore
			delete(open, res)
			paired = true
		}
		if !paired {
			break
		}
	}
	// What is left ties: report every story that fits equally well, and
	// the other records that want the same stories as much.
	for res, cands := range open {
		top := topScore(cands)
		for _, c := range cands {
			if c.score == top {
				res.Ambiguous = append(res.Ambiguous, c.story)
			}
		}
		slices.SortFunc(res.Ambiguous, func(a, b *Story) int { return compareSources(a.key, b.key) })
		res.Status = StatusAmbiguous
	}
	for res := range open {
		for other, cands := range open {
			if other == res {
				continue
			}
			for _, c := range cands {
				if c.score == topScore(cands) && slices.Contains(res.Ambiguous, c.story) && !slices.Contains(res.Rivals, other.Record.ID) {
					res.Rivals = append(res.Rivals, other.Record.ID)
				}
			}
		}
		slices.Sort(res.Rivals)
	}
}

// amountKey finds stories by direction, currency and amount. Amounts that
// fit are kept as whole cents, so no decimal text is made for a million
// stories; finer amounts are kept as text.
type amountKey struct {
	direction payment.Direction
	currency  string
	cents     int64
	text      string
}

func newAmountKey(d payment.Direction, currency string, amount decimal.Decimal) amountKey {
	k := amountKey{direction: d, currency: currency}
	// NumDigits and CoefficientInt64 read the amount without copying it.
	if exp := amount.Exponent(); exp >= -2 && exp <= 6 && amount.NumDigits() <= 12 {
		v := amount.CoefficientInt64()
		for i := exp; i > -2; i-- {
			v *= 10
		}
		k.cents = v
		return k
	}
	k.text = amount.String()
	return k
}

func topScore(cands []candidate) int {
	top := -1
	for _, c := range cands {
		top = max(top, c.score)
	}
	return top
}

// score rates a story for a record (whose canonical name is name) whose
// amount, direction and currency it shares: up to 40 for the date, 35 for the name, 25 for the account's
// last four digits. ok is false outside the date window, on another rail,
// or below minScore.
func (m *Matcher) score(r *records.Record, name string, s *Story) (int, bool) {
	if !RailFits(r.Rail, s.first().Rail) {
		return 0, false
	}
	gap, ok := m.dayGap(r, s)
	if !ok || gap > m.opts.Window {
		return 0, false
	}
	score := 40 - gap*40/(m.opts.Window+1)
	score += int(35 * canonicalSimilarity(name, s.name()))
	if s.first().HasLast4(r.AccountLast4) {
		score += 25
	}
	if s.movedNoMoney() {
		score-- // a declined try loses a tie with the payment that went through
	}
	if score < minScore {
		return score, false
	}
	return score, true
}

// dayGap is the number of banking days between a record's date and its
// story's settlement.
func (m *Matcher) dayGap(r *records.Record, s *Story) (int, bool) {
	day := s.Day()
	if day.IsZero() || r.CreatedAt.IsZero() {
		return 0, false
	}
	gap := m.opts.Calendar.BankingDaysBetween(recordDay(r), day)
	if gap < 0 {
		gap = -gap
	}
	return gap, true
}

// recordDay is the day a record was made, in US Eastern time.
func recordDay(r *records.Record) payment.Date { return settlement.DateOf(r.CreatedAt) }

var jaroWinkler = &metrics.JaroWinkler{CaseSensitive: false}

// nameSimilarity compares names after putting words in order, so that
// "CHEN, DAVID" and "David Chen" agree.
func nameSimilarity(a, b string) float64 {
	return canonicalSimilarity(canonicalName(a), canonicalName(b))
}

// canonicalSimilarity compares two names already made canonical.
func canonicalSimilarity(a, b string) float64 {
	if a == "" || b == "" {
		return 0
	}
	if a == b {
		return 1
	}
	return jaroWinkler.Compare(a, b)
}

func canonicalName(s string) string {
	words := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127)
	})
	slices.Sort(words)
	return strings.Join(words, " ")
}

// attachDuplicates finds, for each matched record, unclaimed stories that
// repeat its payment: same bank account, amount and direction within the
// window (a payout sent twice under two references). A repeat that was
// reversed or returned is a corrected mistake and only noted.
func (m *Matcher) attachDuplicates(results []*RecordResult, stories []*Story) {
	byPayee := map[payeeKey][]*Story{}
	for _, s := range stories {
		if !s.claimed && s.Forward != nil && s.Forward.Kind == payment.KindPayment {
			k := payeeOf(s.Forward)
			byPayee[k] = append(byPayee[k], s)
		}
	}
	for _, res := range results {
		if res.Story == nil || res.Story.Forward == nil || res.Status == StatusDuplicate {
			continue
		}
		f := res.Story.Forward
		for _, s := range byPayee[payeeOf(f)] {
			if s.claimed || s.Forward.Direction != f.Direction {
				continue
			}
			gap := m.opts.Calendar.BankingDaysBetween(f.Day(), s.Forward.Day())
			if gap < -m.opts.Window || gap > m.opts.Window {
				continue
			}
			s.claimed = true
			res.Duplicates = append(res.Duplicates, s)
		}
	}
}

// conclude gives a record its status, break flag and conflict.
func (m *Matcher) conclude(res *RecordResult) {
	r := res.Record
	switch {
	case res.Status == StatusDuplicate || res.Status == StatusAmbiguous:
		res.Break = true
		return
	case res.Story == nil:
		if m.opts.AsOf.IsZero() || !m.opts.AsOf.After(m.opts.Calendar.AddBankingDays(recordDay(r), m.opts.Window)) {
			res.Status = StatusPending
		} else {
			res.Status = StatusMissing
			res.Break = true
		}
		if res.Status == StatusMissing || r.Status == records.StatusCompleted {
			res.NearMiss = m.nearMiss(r)
		}
		if res.Status == StatusPending {
			res.ExpectedSettlement = expectedSettlement(r, m.opts.Rules, m.opts.Calendar)
		}
		if res.Status == StatusPending && r.Status == records.StatusCompleted {
			res.Conflict = "the record says completed, but no payment is in the evidence yet"
			res.Break = true
		}
		return
	}
	s := res.Story
	res.Status = s.Outcome
	if s.Outcome == StatusPending && r.Status == records.StatusCompleted {
		res.Conflict = "the record says completed, but the card was only authorized, not captured"
		res.Break = true
	}
	if !s.Amount().Equal(r.Amount) && (s.Forward != nil || s.Outcome != StatusMatched) && !isZeroNOC(s) {
		res.Status = StatusAmountMismatch
		res.Break = true
	}
	if res.Status == StatusMatched && s.Day().After(m.opts.AsOf) && !m.opts.AsOf.IsZero() {
		res.Status = StatusPending
	}
	for _, d := range res.Duplicates {
		if d.Outcome == StatusMatched {
			res.Status = StatusDuplicate
			res.Break = true
			break
		}
	}
	if c := conflict(r.Status, res.Status); c != "" {
		res.Conflict = c
		res.Break = true
	}
}

// isZeroNOC reports whether a story is only a zero-dollar notice (a NOC
// whose payment is not among the inputs), which says nothing of amounts.
func isZeroNOC(s *Story) bool {
	return s.Forward == nil && s.Amount().IsZero()
}

// conflict compares the record's own status with the evidence.
func conflict(recorded string, evidence Status) string {
	moneyBack := evidence == StatusReturned || evidence == StatusReversed || evidence == StatusChargedBack ||
		evidence == StatusRefunded || evidence == StatusRejected
	switch {
	case recorded == "":
		return ""
	case moneyBack && (recorded == records.StatusCompleted || recorded == records.StatusPending):
		return fmt.Sprintf("the record says %s, but the evidence says %s", recorded, words(evidence))
	case evidence == StatusMatched && (recorded == records.StatusFailed || recorded == records.StatusReturned ||
		recorded == records.StatusReversed || recorded == records.StatusCancelled):
		return fmt.Sprintf("the record says %s, but the payment went through", recorded)
	}
	return ""
}

// words says a status in plain words.
func words(s Status) string {
	switch s {
	case StatusReturned:
		return "it was returned"
	case StatusReversed:
		return "it was reversed"
	case StatusChargedBack:
		return "it was charged back"
	case StatusRefunded:
		return "it was refunded"
	case StatusRejected:
		return "it was rejected"
	}
	return string(s)
}

// index builds the index of stories by reference: each reference is
// hashed, and the (hash, story) pairs are sorted, so that a million stories
// cost one 16-byte entry per reference and a lookup is a binary search.
func (m *Matcher) index(stories []*Story) {
	m.seed = maphash.MakeSeed()
	idx := make([]refEntry, 0, 2*len(stories))
	for i, s := range stories {
		var last string
		s.eachRef(func(ref string) bool {
			if ref != last { // a return repeating its payment's reference
				idx = append(idx, refEntry{hash: maphash.String(m.seed, ref), story: int32(i)})
				last = ref
			}
			return true
		})
	}
	slices.SortFunc(idx, func(a, b refEntry) int {
		if c := cmp.Compare(a.hash, b.hash); c != 0 {
			return c
		}
		return cmp.Compare(a.story, b.story)
	})
	m.refIndex = slices.Compact(idx)
}

// refEntry is one reference of one story, hashed.
type refEntry struct {
	hash  uint64
	story int32
}

// lookupRef calls fn with every story that has the (normalized) reference,
// earliest story first.
func (m *Matcher) lookupRef(ref string, fn func(*Story)) {
	h := maphash.String(m.seed, ref)
	i, _ := slices.BinarySearchFunc(m.refIndex, h, func(e refEntry, h uint64) int { return cmp.Compare(e.hash, h) })
	for ; i < len(m.refIndex) && m.refIndex[i].hash == h; i++ {
		if s := m.stories[m.refIndex[i].story]; s.hasRef(ref) { // not merely the same hash
			fn(s)
		}
	}
}

// storiesWithRef lists the stories that have a reference.
func (m *Matcher) storiesWithRef(ref string) []*Story {
	var out []*Story
	m.lookupRef(ref, func(s *Story) { out = append(out, s) })
	return out
}

// indexForNearMisses builds, the first time an unmatched record needs
// explaining, the indexes of the stories no record claims, by amount
// (either direction) and by the account's last four digits. (Claimed
// stories are explained already; the reference still finds them.)
func (m *Matcher) indexForNearMisses() {
	if m.byAmount != nil {
		return
	}
	m.byAmount = map[amountKey][]*Story{}
	m.byLast4 = map[string][]*Story{}
	for _, s := range m.stories {
		if s.claimed {
			continue
		}
		k := s.amountKey()
		k.direction = "" // either way
		m.byAmount[k] = append(m.byAmount[k], s)
		if l4 := s.first().last4(); l4 != "" {
			m.byLast4[l4] = append(m.byLast4[l4], s)
		}
		if l4 := s.first().DeviceLast4(); l4 != "" && l4 != s.first().last4() {
			m.byLast4[l4] = append(m.byLast4[l4], s)
		}
	}
}

// maxNearMissCandidates bounds the work spent explaining one unmatched
// record.
const maxNearMissCandidates = 500

// nearMiss finds the story that comes closest to an unmatched record and
// says which criteria failed. Candidates share the record's reference, its
// amount (in either direction), or its name and account digits.
func (m *Matcher) nearMiss(r *records.Record) *NearMiss {
	m.indexForNearMisses()
	var cands []*Story
	seen := map[*Story]bool{}
	add := func(list []*Story) {
		for _, s := range list {
			if !seen[s] && len(cands) < maxNearMissCandidates {
				seen[s] = true
				cands = append(cands, s)
			}
		}
	}
	if ref := normalizeRef(r.Reference); ref != "" {
		add(m.storiesWithRef(ref))
	}
	add(m.storiesWithRef(normalizeRef(r.ID)))
	add(m.byAmount[newAmountKey("", r.Currency, r.Amount)])
	if name := canonicalName(r.Name); name != "" && r.AccountLast4 != "" {
		// Same account digits and name, the same way, within a month.
		day := recordDay(r)
		var same []*Story
		for _, s := range m.byLast4[r.AccountLast4] {
			gap := day.DaysUntil(s.Day())
			if s.Direction() == r.Direction() && gap >= -31 && gap <= 31 && canonicalSimilarity(name, s.name()) >= 0.9 {
				same = append(same, s)
			}
		}
		add(same)
	}
	var best *NearMiss
	bestRank := 0
	for _, s := range cands {
		failed, rank := m.compare(r, s)
		if rank > bestRank || (rank == bestRank && best != nil && compareSources(s.key, best.Story.key) < 0) {
			best, bestRank = &NearMiss{Story: s, Failed: failed}, rank
		}
	}
	return best
}

// compare ranks how close a story comes to a record (0: nothing in
// common) and lists the criteria that fail.
func (m *Matcher) compare(r *records.Record, s *Story) ([]string, int) {
	var failed []string
	rank := 0
	f := s.first()
	refMatch := false
	for _, ref := range s.refs() {
		if ref == normalizeRef(r.Reference) || ref == normalizeRef(r.ID) {
			refMatch = true
		}
	}
	if refMatch {
		rank += 8
	} else if r.Reference != "" {
		failed = append(failed, fmt.Sprintf("reference %q is not on the payment", r.Reference))
	}
	if s.Amount().Equal(r.Amount) {
		rank += 4
	} else {
		failed = append(failed, fmt.Sprintf("amount %s instead of %s", payment.FormatAmount(s.Amount(), s.Currency()),
			payment.FormatAmount(r.Amount, r.Currency)))
	}
	if s.Direction() == r.Direction() {
		rank++
	} else {
		failed = append(failed, fmt.Sprintf("money moves the other way (%s the company's account)", debitWord(s.Direction())))
	}
	if gap, ok := m.dayGap(r, s); ok {
		if gap <= m.opts.Window {
			rank += 2
		} else {
			failed = append(failed, fmt.Sprintf("settled %s, %d banking days from the record's date (window %d)", s.Day(), gap, m.opts.Window))
		}
	}
	recName := canonicalName(r.Name)
	if sim := canonicalSimilarity(recName, s.name()); sim >= 0.9 {
		rank += 3
	} else if r.Name != "" && f.Name != "" {
		failed = append(failed, fmt.Sprintf("name %q", f.Name))
	}
	if r.AccountLast4 != "" {
		switch {
		case f.HasLast4(r.AccountLast4):
			rank += 3
		case f.DeviceLast4() != "" && f.DeviceLast4() != f.last4():
			failed = append(failed, "card ending "+f.last4()+" (device "+f.DeviceLast4()+")")
		default:
			failed = append(failed, "account ending "+f.last4())
		}
	}
	if !RailFits(r.Rail, f.Rail) {
		failed = append(failed, "rail "+string(f.Rail))
		rank--
	}
	if s.claimed {
		failed = append(failed, "already matched to another record")
	}
	// Worth showing: a story with the record's reference, or its amount in
	// the same direction, or its name and account digits.
	sameWay := s.Amount().Equal(r.Amount) && s.Direction() == r.Direction()
	namesAgree := canonicalSimilarity(recName, s.name()) >= 0.9 && f.HasLast4(r.AccountLast4)
	if !refMatch && !sameWay && !namesAgree {
		return failed, 0
	}
	return failed, rank
}

func debitWord(d payment.Direction) string {
	if d == payment.Credit {
		return "credits"
	}
	return "debits"
}
