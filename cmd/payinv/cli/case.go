package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
	"github.com/payinv/payinv/settlement"
)

// caseFlags are the flags of commands about one record or one payment
// (reply, note, explain --record): which one, and the records and sources
// it is reconciled with.
type caseFlags struct {
	record, event    string
	records, mapping string
	window           int
	read             inputFlags
}

// add registers the flags on a command.
func (c *caseFlags) add(cmd *cobra.Command) {
	c.read.add(cmd)
	f := cmd.Flags()
	f.StringVar(&c.record, "record", "", "the record `ID` (needs --records)")
	f.StringVar(&c.event, "event", "", "a `REF`erence of the payment, when there is no record (trace, UETR, IMAD, end-to-end id, processor id ...)")
	f.StringVar(&c.records, "records", "", "the company's records, CSV or JSON Lines")
	f.StringVar(&c.mapping, "map", "", "a YAML or TOML file describing the records' layout")
	f.IntVar(&c.window, "window", match.DefaultWindow, "banking days a record and its payment may be apart")
}

// given reports whether the command was asked about a record or payment.
func (c *caseFlags) given() bool { return c.record != "" || c.event != "" }

// check says what is wrong with the flags; errors are usage errors.
func (c *caseFlags) check(command string) error {
	switch {
	case c.record != "" && c.event != "":
		return usageErrorf(command, "give --record or --event, not both")
	case strings.TrimSpace(c.record) == "" && strings.TrimSpace(c.event) == "":
		return usageErrorf(command, "--record ID (with --records FILE) or --event REF is required")
	case c.record != "" && c.records == "":
		return usageErrorf(command, "--records FILE is required with --record")
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
	// files are the payment files read; records how many records were.
	files   []string
	records int
	// standIn is true when no record claims the payment asked about and
	// the evidence stands in for one.
	standIn bool
}

// loadCase reads the records and the sources, reconciles them as match
// does and finds the record (or payment) the flags name; each, when set,
// also sees every event. A record or reference not found is an exit
// status 1 error that says so.
func loadCase(o *options, c *caseFlags, args []string, each func(*payment.Event)) (*loadedCase, error) {
	rep, sources := o.inputs(args)
	lc := &loadedCase{rep: rep}
	m := match.NewMatcher(match.Options{Window: c.window, AsOf: o.today})
	if c.records != "" {
		mo := &matchOptions{options: o, records: c.records, mapping: c.mapping}
		recs := readRecords(mo, rep, nil)
		if recs == nil && rep.errors > 0 {
			return nil, rep.result()
		}
		lc.records = len(recs)
		found := false
		for _, r := range recs {
			m.AddRecord(r)
			found = found || sameRef(c.record, r.ID)
		}
		if c.record != "" && !found {
			return nil, lc.notFound(c)
		}
	}
	readInOrder(sources, rep, func(src source, rep *reporter, begin func(string), each func(*payment.Event)) int {
		return readEventsInto(src, rep, &c.read, begin, each)
	}, func(name string) { lc.files = append(lc.files, name) }, func(ev *payment.Event) {
		if each != nil {
			each(ev)
		}
		m.AddEvent(ev)
	})
	res := m.Run()
	if c.event != "" {
		lc.rr = resultForEvent(res, strings.TrimSpace(c.event))
		if lc.rr == nil {
			return nil, &exitError{code: ExitNothing, message: fmt.Sprintf("no event in the sources has the reference %q", c.event)}
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
