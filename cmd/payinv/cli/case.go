package cli

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
	"github.com/payinv/payinv/settlement"
	"github.com/payinv/payinv/store"
)

// caseDBHelp says what --db does, in the help of the commands about one
// record or payment.
const caseDBHelp = `
With --db PATH (a SQLite file written by payinv ingest; a postgres:// URL
is handed to the store as it is), the record comes from the history store
when --records is not given or does not have it (the latest version
ingested), and the store is evidence as well as the SOURCE files, which
become optional: the events the record's id and reference (or --event's
REF) name and those they lead to (a return, NOC, chargeback ...), and the
events and records of the banking days around the case, so that it is
reconciled as from the files that were ingested. The store keeps how many
problems each file had when it was ingested, not what they were: a case
note counts them.`

// caseFlags are the flags of commands about one record or one payment
// (reply, note, explain --record): which one, and the records and sources
// it is reconciled with.
type caseFlags struct {
	record, event    string
	records, mapping string
	// db is the history store the record and the evidence are also taken
	// from.
	db     string
	window int
	read   inputFlags
}

// add registers the flags on a command.
func (c *caseFlags) add(cmd *cobra.Command) {
	c.read.add(cmd)
	f := cmd.Flags()
	f.StringVar(&c.record, "record", "", "the record `ID` (in --records, or in the --db store)")
	f.StringVar(&c.event, "event", "", "a `REF`erence of the payment, when there is no record (trace, UETR, IMAD, end-to-end id, processor id ...)")
	f.StringVar(&c.records, "records", "", "the company's records, CSV or JSON Lines")
	f.StringVar(&c.mapping, "map", "", "a YAML or TOML file describing the records' layout")
	f.StringVar(&c.db, "db", "", "also take the record and the payment's events from the history store (payinv ingest): a SQLite file or a postgres:// URL")
	f.IntVar(&c.window, "window", match.DefaultWindow, "banking days a record and its payment may be apart")
}

// given reports whether the command was asked about a record or payment.
func (c *caseFlags) given() bool { return c.record != "" || c.event != "" }

// sourcesArgs checks the SOURCE arguments: at least one, unless the
// history store is the evidence.
func (c *caseFlags) sourcesArgs(cmd *cobra.Command, args []string) error {
	if c.db != "" {
		return nil
	}
	return minArgs(1, "SOURCE")(cmd, args)
}

// check says what is wrong with the flags; errors are usage errors.
func (c *caseFlags) check(command string) error {
	switch {
	case c.record != "" && c.event != "":
		return usageErrorf(command, "give --record or --event, not both")
	case strings.TrimSpace(c.record) == "" && strings.TrimSpace(c.event) == "":
		return usageErrorf(command, "--record ID (with --records FILE or --db PATH) or --event REF is required")
	case c.record != "" && c.records == "" && c.db == "":
		return usageErrorf(command, "--records FILE (or --db PATH) is required with --record")
	case c.window < 0:
		return usageErrorf(command, "--window must be 0 or more banking days")
	}
	return c.read.resolve(command)
}

// loadedCase is one record, or one payment with no record, reconciled with
// the evidence.
type loadedCase struct {
	rr  *match.RecordResult
	rep *reporter
	// files are the payment files read, with the files the history store's
	// events were ingested from; records how many records were read.
	files   []string
	records int
	// standIn is true when no record claims the payment asked about and
	// the evidence stands in for one.
	standIn bool
	// stored are the problems the store counted when it ingested its
	// files: told in a case note, not the command's own problems.
	stored []*payment.Problem
}

// problems are the problems of the evidence: those met reading the
// sources, then those the store counted when it ingested its files.
func (lc *loadedCase) problems() []*payment.Problem {
	if len(lc.stored) == 0 {
		return lc.rep.problems
	}
	return slices.Concat(lc.rep.problems, lc.stored)
}

// loadCase reads the records and the sources, reconciles them as match
// does and finds the record (or payment) the flags name; each, when set,
// also sees every event. With --db, the record comes from the history
// store when --records does not have it, and the store's events that bear
// on the case join the sources' (see storedCase). A record or reference
// not found, in --records or the store, is an exit status 1 error that says
// so.
func loadCase(o *options, c *caseFlags, args []string, each func(*payment.Event)) (*loadedCase, error) {
	rep, sources := o.inputs(args)
	lc := &loadedCase{rep: rep}
	m := match.NewMatcher(match.Options{Window: c.window, AsOf: o.today})
	var fileRecs []*records.Record
	found := false
	if c.records != "" {
		mo := &matchOptions{options: o, records: c.records, mapping: c.mapping}
		fileRecs = readRecords(mo, rep, nil)
		if fileRecs == nil && rep.errors > 0 {
			return nil, rep.result()
		}
		lc.records = len(fileRecs)
		for _, r := range fileRecs {
			m.AddRecord(r)
			found = found || sameRef(c.record, r.ID)
		}
		if c.record != "" && !found && c.db == "" {
			return nil, lc.notFound(c)
		}
	}
	var sc *storedCase
	if c.db != "" {
		var err error
		if sc, err = openStoredCase(c); err != nil {
			return nil, err
		}
		defer sc.close()
		if c.record != "" {
			if err := sc.findRecord(c, fileRecs, lc); err != nil {
				return nil, err
			}
		}
	}
	add := func(ev *payment.Event) {
		if each != nil {
			each(ev)
		}
		m.AddEvent(ev)
	}
	readInOrder(sources, rep, func(src source, rep *reporter, begin func(string), each func(*payment.Event)) int {
		return readEventsInto(src, rep, &c.read, begin, each)
	}, func(name string) { lc.files = append(lc.files, name) }, func(ev *payment.Event) {
		if sc != nil {
			sc.sawFileEvent(ev)
		}
		add(ev)
	})
	if sc != nil {
		if err := sc.load(fileRecs, lc.files); err != nil {
			return nil, &exitError{code: ExitInput, message: "store " + store.Redact(c.db) + ": " + err.Error()}
		}
		for _, r := range sc.records {
			m.AddRecord(r)
		}
		for _, ev := range sc.events() {
			add(ev)
		}
		var err error
		if lc.files, lc.stored, err = sc.sourceFiles(lc.files); err != nil {
			return nil, &exitError{code: ExitInput, message: "store " + store.Redact(c.db) + ": " + err.Error()}
		}
	}
	res := m.Run()
	if c.event != "" {
		lc.rr = resultForEvent(res, strings.TrimSpace(c.event))
		if lc.rr == nil {
			where := "the sources"
			if c.db != "" {
				where = "the sources or the store " + store.Redact(c.db)
			}
			return nil, &exitError{code: ExitNothing, message: fmt.Sprintf("no event in %s has the reference %q", where, c.event)}
		}
		lc.standIn = lc.rr.Record.ID == strings.TrimSpace(c.event)
		return lc, nil
	}
	for _, r := range res.Records {
		if sameRef(c.record, r.Record.ID) {
			lc.rr = r
			return lc, nil
		}
	}
	return nil, lc.notFound(c)
}

// notFound is the error of a record that is not in the records file.
func (lc *loadedCase) notFound(c *caseFlags) error {
	return &exitError{code: ExitNothing, message: fmt.Sprintf("record %s is not in %s (%s read)",
		strings.TrimSpace(c.record), c.records, countOf(lc.records, "record", "records"))}
}

// resultForEvent finds the payment a reference names and the record that
// claims it; with no record, it stands one in from the evidence: the
// payment's amount, direction, rail, customer and day, the reference as
// its id.
func resultForEvent(res *match.Result, ref string) *match.RecordResult {
	var story *match.Story
	for _, s := range res.Stories {
		if storyHasRef(s, ref) {
			story = s
			break
		}
	}
	if story == nil {
		return nil
	}
	for _, rr := range res.Records {
		if rr.Story == story {
			return rr
		}
	}
	head := storyHead(story)
	rec := &records.Record{
		ID: ref, Type: records.Withdrawal, Rail: recordRail(head), Amount: story.Amount().Abs(), Currency: story.Currency(),
		CreatedAt: story.Day().Time(settlement.Eastern).Add(12 * time.Hour), Name: head.Name,
		AccountLast4: head.CardLast4(), Source: head.Source,
	}
	if story.Direction() == payment.Credit {
		rec.Type = records.Deposit
	}
	if rec.AccountLast4 == "" && len(head.Account) >= 4 {
		rec.AccountLast4 = head.Account[len(head.Account)-4:]
	}
	return &match.RecordResult{Record: rec, Status: story.Outcome, Story: story}
}

// storyHasRef reports whether some event of the story has ref as one of
// its references or the references of the payment it answers.
func storyHasRef(s *match.Story, ref string) bool {
	for _, e := range s.Events {
		for _, r := range e.Refs() {
			if sameRef(ref, r.Value) {
				return true
			}
		}
		for _, r := range e.Originals() {
			if sameRef(ref, r.Value) {
				return true
			}
		}
	}
	return false
}

// recordRail is the records' name of an event's rail: apple_pay for a card
// in Apple Pay.
func recordRail(e *match.Evidence) string {
	if e.Rail == payment.RailCard && e.Wallet == "apple_pay" {
		return records.RailApplePay
	}
	return string(e.Rail)
}

// caseRefsPerQuery bounds the references looked for in one query of the
// records: each takes up to six parameters, and databases limit them.
const caseRefsPerQuery = 500

// uniqueRefs are refs without blanks and repeats, case aside, in order.
func uniqueRefs(refs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range refs {
		if k := store.NormalizeRef(v); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out
}

// caseLinkRounds bounds how far the store is followed from reference to
// reference: a payment, its return, the return's dishonor, its contest.
const caseLinkRounds = 4

// caseSpan is how many banking days around the case's days the store's
// events and records are read: the window a record and its payment may be
// apart, that of a rival record wanting the same payment and of the
// payments that rival could take instead, and a week for reversals and
// late settlements.
func caseSpan(window int) int { return 3*window + 5 }

// storedCase is what the history store brings to a case, without reading
// the whole store: the record asked about (when --records does not have
// it); the stored events the record's id and reference name, and the
// events those name in turn (its payment's return, NOC, chargeback ...);
// the stored events and records of the banking days around the case, so
// that matching by amount, date, name and account, and the records
// competing for the same payment, come out as they would from the files;
// and, for the payments of those days that could be the case's (the
// amount it is for) and for answers whose payment is elsewhere, the events
// their references name.
type storedCase struct {
	ctx context.Context
	st  *store.Store
	c   *caseFlags
	// anchors are the references the case starts from: the record's id
	// and reference, or --event's.
	anchors []string
	// days are the days the case is about: the record's, and those of the
	// events the anchors name.
	days []payment.Date
	// amounts are the case's amounts, as Abs().String(): the days' events
	// for one of them are followed to their answers.
	amounts map[string]bool
	// originals are the payments the source files' answers name.
	originals []string
	looked    map[string]bool
	found     map[int64]bool
	stored    []store.Stored
	// records are the records from the store: the one asked about and
	// those that could compete for its payment.
	records []*records.Record
	recKeys map[string]bool
}

// openStoredCase opens the history store of --db.
func openStoredCase(c *caseFlags) (*storedCase, error) {
	ctx := context.Background()
	st, err := store.Open(ctx, c.db)
	if err != nil {
		return nil, &exitError{code: ExitInput, message: "store: " + err.Error()}
	}
	sc := &storedCase{ctx: ctx, st: st, c: c, amounts: map[string]bool{}, looked: map[string]bool{},
		found: map[int64]bool{}, recKeys: map[string]bool{}}
	if ref := strings.TrimSpace(c.event); ref != "" {
		sc.anchors = append(sc.anchors, ref)
	}
	return sc, nil
}

func (sc *storedCase) close() { sc.st.Close() }

// findRecord finds the record --record names: in --records (which wins)
// or else in the store. Either way its id and reference are the anchors of
// the case, its day and amount those the store is searched around.
func (sc *storedCase) findRecord(c *caseFlags, fileRecs []*records.Record, lc *loadedCase) error {
	var versions []*records.Record
	for _, r := range fileRecs {
		if sameRef(c.record, r.ID) {
			versions = append(versions, r)
		}
	}
	if len(versions) == 0 {
		list, err := sc.st.FindRecord(sc.ctx, c.record)
		if err != nil {
			return &exitError{code: ExitInput, message: "store " + store.Redact(c.db) + ": " + err.Error()}
		}
		if len(list) == 0 {
			return sc.notFound(c, lc)
		}
		for i := range list {
			r := &list[i]
			sc.addRecord(r)
			versions = append(versions, r)
		}
	}
	for _, r := range versions {
		sc.anchors = append(sc.anchors, r.ID, r.Reference)
		if !r.CreatedAt.IsZero() {
			sc.days = append(sc.days, settlement.DateOf(r.CreatedAt))
		}
		sc.amounts[r.Amount.Abs().String()] = true
	}
	return nil
}

// notFound is the error of a record neither --records nor the store has:
// nothing found (status 1), as for a record not in --records.
func (sc *storedCase) notFound(c *caseFlags, lc *loadedCase) error {
	n, err := sc.st.Count(sc.ctx)
	if err != nil {
		return &exitError{code: ExitInput, message: "store " + store.Redact(c.db) + ": " + err.Error()}
	}
	held := countOf(n.Records, "record", "records") + " stored"
	if n.Records == 0 {
		held = "no records stored: payinv ingest --records FILE keeps them"
	}
	msg := fmt.Sprintf("record %s is not in the store %s (%s)", strings.TrimSpace(c.record), store.Redact(c.db), held)
	if c.records != "" {
		msg = fmt.Sprintf("record %s is not in %s (%s read) nor in the store %s (%s)", strings.TrimSpace(c.record), c.records,
			countOf(lc.records, "record", "records"), store.Redact(c.db), held)
	}
	return &exitError{code: ExitNothing, message: msg}
}

// addRecord keeps a stored record once.
func (sc *storedCase) addRecord(r *records.Record) {
	k := r.ID + "\x00" + r.Source.String()
	if !sc.recKeys[k] {
		sc.recKeys[k] = true
		sc.records = append(sc.records, r)
	}
}

// sawFileEvent notes what a source file's event tells about where to look
// in the store: the payment an answer names and, for --event, the day and
// amount of the payment asked about.
func (sc *storedCase) sawFileEvent(ev *payment.Event) {
	ev.Refs.EachOriginal(func(_, v string) { sc.originals = append(sc.originals, v) })
	if ref := strings.TrimSpace(sc.c.event); ref != "" && eventHasRef(ev, ref) {
		if d := ev.Day(); !d.IsZero() {
			sc.days = append(sc.days, d)
		}
		sc.amounts[ev.Amount.Abs().String()] = true
	}
}

// eventHasRef reports whether ref is one of an event's references or of
// those of the payment it answers.
func eventHasRef(ev *payment.Event, ref string) bool {
	has := false
	check := func(_, v string) { has = has || sameRef(ref, v) }
	ev.Refs.Each(check)
	ev.Refs.EachOriginal(check)
	return has
}

// follow looks values up in the store's references, then the references
// of what it finds, for caseLinkRounds rounds; direct, when set, sees the
// events the values themselves name.
func (sc *storedCase) follow(values []string, direct func(*store.Stored)) error {
	for round := 0; round < caseLinkRounds && len(values) > 0; round++ {
		var next []string
		more := func(_, v string) { next = append(next, v) }
		for _, v := range values {
			k := store.NormalizeRef(v)
			if k == "" || sc.looked[k] {
				continue
			}
			sc.looked[k] = true
			list, err := sc.st.FindByRef(sc.ctx, k)
			if err != nil {
				return err
			}
			for i := range list {
				s := &list[i]
				if round == 0 && direct != nil {
					direct(s)
				}
				if sc.found[s.ID] {
					continue
				}
				sc.keep(*s)
				s.Event.Refs.Each(more)
				s.Event.Refs.EachOriginal(more)
			}
		}
		values = next
	}
	return nil
}

func (sc *storedCase) keep(s store.Stored) {
	sc.found[s.ID] = true
	sc.stored = append(sc.stored, s)
}

// load reads from the store the events and records that bear on the case
// (see storedCase). Stored events of the source files read are left out:
// the files say it themselves. Stored records whose id --records has are
// left out too: the file wins.
func (sc *storedCase) load(fileRecs []*records.Record, files []string) error {
	var refs []string
	collect := func(s *store.Stored) {
		s.Event.Refs.Each(func(_, v string) { refs = append(refs, v) })
		s.Event.Refs.EachOriginal(func(_, v string) { refs = append(refs, v) })
	}
	err := sc.follow(sc.anchors, func(s *store.Stored) {
		if d := s.Event.Day(); !d.IsZero() {
			sc.days = append(sc.days, d)
		}
		if sc.c.event != "" {
			sc.amounts[s.Event.Amount.Abs().String()] = true
		}
	})
	if err != nil {
		return err
	}
	for _, s := range sc.stored {
		collect(&s)
	}
	if err := sc.follow(sc.originals, nil); err != nil {
		return err
	}
	// The days around the case: payments that could be the case's, and
	// answers whose payment is elsewhere, are followed.
	spans := caseSpans(sc.days, caseSpan(sc.c.window))
	for _, w := range spans {
		var follow []string
		for s, err := range sc.st.Events(sc.ctx, store.Filter{From: w[0], To: w[1]}) {
			if err != nil {
				return err
			}
			if sc.found[s.ID] {
				continue
			}
			sc.keep(s)
			if sc.amounts[s.Event.Amount.Abs().String()] {
				s.Event.Refs.Each(func(_, v string) { follow = append(follow, v) })
			}
			s.Event.Refs.EachOriginal(func(_, v string) { follow = append(follow, v) })
		}
		if err := sc.follow(follow, nil); err != nil {
			return err
		}
	}
	// The records that could compete for the case's payment: those of the
	// days around it (a day more each side: records are dated as written,
	// in their own zone) and those that name its events.
	inFile := map[string]bool{}
	for _, r := range fileRecs {
		inFile[store.NormalizeRef(r.ID)] = true
	}
	add := func(r records.Record, err error) error {
		if err != nil {
			return err
		}
		if !inFile[store.NormalizeRef(r.ID)] {
			sc.addRecord(&r)
		}
		return nil
	}
	for _, w := range spans {
		for r, err := range sc.st.Records(sc.ctx, store.RecordFilter{From: w[0].AddDays(-1), To: w[1].AddDays(1)}) {
			if err := add(r, err); err != nil {
				return err
			}
		}
	}
	refs = uniqueRefs(refs)
	for chunk := range slices.Chunk(refs, caseRefsPerQuery) {
		for r, err := range sc.st.Records(sc.ctx, store.RecordFilter{Refs: chunk}) {
			if err := add(r, err); err != nil {
				return err
			}
		}
	}
	// Stored copies of the source files' events are left out.
	read := map[string]bool{}
	for _, f := range files {
		read[f] = true
	}
	sc.stored = slices.DeleteFunc(sc.stored, func(s store.Stored) bool { return read[s.Event.Source.File] })
	slices.SortFunc(sc.stored, func(a, b store.Stored) int { return cmp.Compare(a.ID, b.ID) })
	return nil
}

// events are the stored events of the case, in the order stored.
func (sc *storedCase) events() []*payment.Event {
	out := make([]*payment.Event, len(sc.stored))
	for i, s := range sc.stored {
		out[i] = s.Event
	}
	return out
}

// sourceFiles are the files the evidence comes from: the source files
// read, then those the store's events were ingested from; and the
// problems the store counted when it ingested them.
func (sc *storedCase) sourceFiles(files []string) ([]string, []*payment.Problem, error) {
	ingests, err := sc.st.Ingests(sc.ctx)
	if err != nil {
		return nil, nil, err
	}
	seen := map[string]bool{}
	for _, f := range files {
		seen[f] = true
	}
	read := maps.Clone(seen)
	var problems []*payment.Problem
	for _, in := range ingests {
		if in.Kind != store.KindEvents || read[in.File] {
			continue
		}
		if !seen[in.File] {
			seen[in.File] = true
			files = append(files, in.File)
		}
		if in.Problems > 0 {
			problems = append(problems, payment.Problemf(payment.Source{File: in.File}, "%s reported when it was ingested on %s",
				countOf(in.Problems, "problem", "problems"), in.IngestedAt.Format("2006-01-02")))
		}
	}
	return files, problems, nil
}

// caseSpans are the banking days within span of each day, as [from, to]
// ranges, overlapping ones merged, in date order.
func caseSpans(days []payment.Date, span int) [][2]payment.Date {
	days = slices.Clone(days)
	slices.SortFunc(days, payment.Date.Compare)
	days = slices.Compact(days)
	var out [][2]payment.Date
	for _, d := range days {
		from, to := settlement.Fed.AddBankingDays(d, -span), settlement.Fed.AddBankingDays(d, span)
		if n := len(out); n > 0 && !from.After(out[n-1][1].AddDays(1)) {
			out[n-1][1] = to
			continue
		}
		out = append(out, [2]payment.Date{from, to})
	}
	return out
}
