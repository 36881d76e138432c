package match

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/adrg/strutil/metrics"

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
)

// Statuses lists every status in the order reports show them.
var Statuses = []Status{
	StatusMatched, StatusPending, StatusReturned, StatusReversed, StatusChargedBack, StatusRefunded,
	StatusRejected, StatusMissing, StatusAmountMismatch, StatusDuplicate, StatusAmbiguous, StatusUnexpected,
}

// Options tune matching.
type Options struct {
	// Window is how many banking days a record's date and its payment's
	// settlement date may be apart, for matches not made by reference.
	Window int
	// AsOf is "today": records younger than the window are pending.
	AsOf payment.Date
	// Calendar counts banking days; the Federal Reserve's by default.
	Calendar *settlement.Calendar
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
	// MatchedBy says how the story was found: "reference DEP-2611090001"
	// or "amount, date and name (score 87)".
	MatchedBy string
	Score     int
	// DuplicateOf names the record that already claims this record's
	// payment; Duplicates are further payments this record's reference
	// found.
	DuplicateOf string
	Duplicates  []*Story
	// NearMiss explains, for a record with no story, the candidate that
	// came closest and what did not fit.
	NearMiss *NearMiss
	// Ambiguous lists the stories that fit equally well.
	Ambiguous []*Story
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

	// Built by run: stories by reference, by amount (either direction) and
	// by name, for matching and for explaining near misses.
	byRef    map[string][]*Story
	byAmount map[string][]*Story
	byName   map[string][]*Story
}

// NewMatcher returns an empty Matcher.
func NewMatcher(opts Options) *Matcher { return newMatcher(opts) }

func newMatcher(opts Options) *Matcher {
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
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
	if ev.Kind == payment.KindAdvice {
		return // accounting advices between banks are no one's deposit
	}
	m.evidence = append(m.evidence, evidenceOf(ev))
}

func (m *Matcher) run() *Result {
	stories := buildStories(m.evidence)
	m.index(stories)
	recs := slices.Clone(m.records)
	slices.SortStableFunc(recs, func(a, b *records.Record) int {
		if c := cmp.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.Source.Line, b.Source.Line)
	})
	results := make([]*RecordResult, len(recs))
	for i, r := range recs {
		results[i] = &RecordResult{Record: r}
	}

	m.matchByReference(results)
	m.matchByScore(results, stories)
	m.attachDuplicates(results, stories)
	for _, res := range results {
		m.conclude(res)
	}

	out := &Result{Records: results}
	for _, s := range stories {
		if !s.claimed {
			out.Unexpected = append(out.Unexpected, s)
		}
	}
	return out
}

// matchByReference gives each record the story its reference or ID names.
// When two records name the same story, the earlier record (by creation
// time, then ID) keeps it and the other is a duplicate.
func (m *Matcher) matchByReference(results []*RecordResult) {
	claimedBy := map[*Story]*RecordResult{}
	order := slices.Clone(results)
	slices.SortStableFunc(order, func(a, b *RecordResult) int {
		if c := a.Record.CreatedAt.Compare(b.Record.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.Record.ID, b.Record.ID)
	})
	for _, res := range order {
		r := res.Record
		var found []*Story
		var via string
		for _, ref := range []string{r.Reference, r.ID} {
			key := normalizeRef(ref)
			if key == "" {
				continue
			}
			for _, s := range m.byRef[key] {
				if railFits(r.Rail, s.first().Rail) && !slices.Contains(found, s) {
					found = append(found, s)
					if via == "" {
						via = "reference " + strings.TrimSpace(ref)
					}
				}
			}
		}
		if len(found) == 0 {
			continue
		}
		primary := found[0]
		if owner, taken := claimedBy[primary]; taken {
			res.Status = StatusDuplicate
			res.DuplicateOf = owner.Record.ID
			res.Story = primary
			res.MatchedBy = via
			continue
		}
		primary.claimed = true
		claimedBy[primary] = res
		res.Story, res.MatchedBy, res.Score = primary, via, 100
		for _, extra := range found[1:] {
			if _, taken := claimedBy[extra]; !taken {
				extra.claimed = true
				claimedBy[extra] = res
				res.Duplicates = append(res.Duplicates, extra)
			}
		}
	}
}

// railFits says whether a record's rail and an event's rail can be the
// same payment (an empty record rail fits any).
func railFits(recordRail string, rail payment.Rail) bool {
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
			k := amountKey{s.Direction(), s.Currency(), s.Amount().String()}
			byAmount[k] = append(byAmount[k], s)
		}
	}
	open := map[*RecordResult][]candidate{}
	for _, res := range results {
		if res.Story != nil || res.Status == StatusDuplicate {
			continue
		}
		r := res.Record
		var cands []candidate
		for _, s := range byAmount[amountKey{r.Direction(), r.Currency, r.Amount.String()}] {
			if score, ok := m.score(r, s); ok {
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
			s.claimed = true
			res.Story, res.Score = s, storyTop[s].score
			res.MatchedBy = fmt.Sprintf("amount, date, name and account (score %d)", res.Score)
			delete(open, res)
			paired = true
		}
		if !paired {
			break
		}
	}
	// What is left ties: report every story that fits equally well.
	for res, cands := range open {
		top := topScore(cands)
		for _, c := range cands {
			if c.score == top {
				res.Ambiguous = append(res.Ambiguous, c.story)
			}
		}
		slices.SortFunc(res.Ambiguous, func(a, b *Story) int { return cmp.Compare(a.key, b.key) })
		res.Status = StatusAmbiguous
	}
}

type amountKey struct {
	direction payment.Direction
	currency  string
	amount    string
}

func topScore(cands []candidate) int {
	top := -1
	for _, c := range cands {
		top = max(top, c.score)
	}
	return top
}

// score rates a story for a record whose amount, direction and currency
// it shares: up to 40 for the date, 35 for the name, 25 for the account's
// last four digits. ok is false outside the date window, on another rail,
// or below minScore.
func (m *Matcher) score(r *records.Record, s *Story) (int, bool) {
	if !railFits(r.Rail, s.first().Rail) {
		return 0, false
	}
	gap, ok := m.dayGap(r, s)
	if !ok || gap > m.opts.Window {
		return 0, false
	}
	score := 40 - gap*40/(m.opts.Window+1)
	score += int(35 * nameSimilarity(r.Name, s.first().Name))
	if r.AccountLast4 != "" && r.AccountLast4 == s.first().last4() {
		score += 25
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
	a, b = canonicalName(a), canonicalName(b)
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
		if res.Status == StatusPending && r.Status == records.StatusCompleted {
			res.Conflict = "the record says completed, but no payment is in the evidence yet"
			res.Break = true
		}
		return
	}
	s := res.Story
	res.Status = s.Outcome
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

// index builds the story indexes.
func (m *Matcher) index(stories []*Story) {
	m.byRef = map[string][]*Story{}
	m.byAmount = map[string][]*Story{}
	m.byName = map[string][]*Story{}
	for _, s := range stories {
		for _, ref := range s.refs() {
			m.byRef[ref] = append(m.byRef[ref], s)
		}
		k := s.Currency() + " " + s.Amount().String()
		m.byAmount[k] = append(m.byAmount[k], s)
		if name := canonicalName(s.first().Name); name != "" {
			m.byName[name] = append(m.byName[name], s)
		}
	}
}

// maxNearMissCandidates bounds the work spent explaining one unmatched
// record.
const maxNearMissCandidates = 500

// nearMiss finds the story that comes closest to an unmatched record and
// says which criteria failed. Candidates share the record's reference, its
// amount (in either direction) or its name.
func (m *Matcher) nearMiss(r *records.Record) *NearMiss {
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
	add(m.byRef[normalizeRef(r.Reference)])
	add(m.byRef[normalizeRef(r.ID)])
	add(m.byName[canonicalName(r.Name)])
	add(m.byAmount[r.Currency+" "+r.Amount.String()])
	var best *NearMiss
	bestRank := 0
	for _, s := range cands {
		failed, rank := m.compare(r, s)
		if rank > bestRank || (rank == bestRank && best != nil && s.key < best.Story.key) {
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
	if sim := nameSimilarity(r.Name, f.Name); sim >= 0.9 {
		rank += 3
	} else if r.Name != "" && f.Name != "" {
		failed = append(failed, fmt.Sprintf("name %q", f.Name))
	}
	if r.AccountLast4 != "" {
		if r.AccountLast4 == f.last4() {
			rank += 3
		} else {
			failed = append(failed, "account ending "+f.last4())
		}
	}
	if !railFits(r.Rail, f.Rail) {
		failed = append(failed, "rail "+string(f.Rail))
		rank--
	}
	if s.claimed {
		failed = append(failed, "already matched to another record")
	}
	// Only stories sharing the reference, the amount, or name and account
	// are worth showing.
	if !refMatch && !s.Amount().Equal(r.Amount) && rank < 6 {
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
