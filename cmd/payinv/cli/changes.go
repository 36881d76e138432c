package cli

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/payinv/payinv/store"
)

// Kinds of change between two runs of the same reconciliation.
const (
	changeNew      = "new"      // a break the previous run did not have
	changeChanged  = "changed"  // still a break, with another status
	changeResolved = "resolved" // a break of the previous run that is no more
)

// breakChange is one break that changed between two runs.
type breakChange struct {
	change   string
	now      store.Break // for resolved: the subject's status now, when known
	previous string      // the status in the previous run ("" for new)
}

// runChanges is what changed between a run and the previous run of the
// same reconciliation (nil previous: there was none, and every break is
// new).
type runChanges struct {
	runID     int64
	previous  *store.Run
	changes   []breakChange
	unchanged int
}

// count returns how many changes of kind there are.
func (c *runChanges) count(kind string) int {
	n := 0
	for _, ch := range c.changes {
		if ch.change == kind {
			n++
		}
	}
	return n
}

// compareRuns lines this run's breaks up against the previous run's, by
// subject (a record's id, or an unclaimed story's first event): new and
// changed breaks in this run's order, then resolved ones in the previous
// run's order. status tells a resolved record's status now ("" when the
// record is no longer reconciled).
func compareRuns(runID int64, prev *store.Run, prevBreaks, breaks []store.Break, status func(recordID string) string) *runChanges {
	c := &runChanges{runID: runID, previous: prev}
	before := make(map[string]store.Break, len(prevBreaks))
	for _, b := range prevBreaks {
		before[b.Key()] = b
	}
	now := make(map[string]bool, len(breaks))
	for _, b := range breaks {
		now[b.Key()] = true
		old, seen := before[b.Key()]
		switch {
		case !seen:
			c.changes = append(c.changes, breakChange{change: changeNew, now: b})
		case old.Status != b.Status:
			c.changes = append(c.changes, breakChange{change: changeChanged, now: b, previous: old.Status})
		default:
			c.unchanged++
		}
	}
	for _, b := range prevBreaks {
		if now[b.Key()] {
			continue
		}
		res := store.Break{RecordID: b.RecordID, Source: b.Source, Why: b.Why}
		switch {
		case b.RecordID != "":
			res.Status = status(b.RecordID)
			res.Why = "no longer a break; was: " + b.Why
			if res.Status == "" {
				res.Why = "the record is no longer among the records reconciled; was: " + b.Why
			}
		default:
			res.Status = "claimed"
			res.Why = "a record now claims it; was: " + b.Why
		}
		c.changes = append(c.changes, breakChange{change: changeResolved, now: res, previous: b.Status})
	}
	return c
}

// needsSomeone reports whether a change is news someone must act on: a new
// break, or one whose status changed.
func (c *runChanges) needsSomeone() bool {
	return c.count(changeNew)+c.count(changeChanged) > 0
}

func (c *runChanges) write(w io.Writer, format string) error {
	switch format {
	case "json":
		return c.writeJSON(w)
	case "csv":
		return c.writeCSV(w)
	}
	return c.writeTable(w)
}

func (c *runChanges) headline() string {
	since := "no earlier run of this reconciliation: every break is new"
	if c.previous != nil {
		since = fmt.Sprintf("since run %d (as of %s)", c.previous.ID, c.previous.AsOf)
	}
	run := fmt.Sprintf("Run %d", c.runID)
	if c.runID == 0 {
		run = "This run (not kept)"
	}
	return fmt.Sprintf("%s, %s: %d %s, %d changed, %d resolved, %d unchanged",
		run, since, c.count(changeNew), plural(c.count(changeNew), "new break", "new breaks"), c.count(changeChanged), c.count(changeResolved), c.unchanged)
}

func (c *runChanges) writeTable(w io.Writer) error {
	b := &bytes.Buffer{}
	fmt.Fprintln(b, c.headline())
	if len(c.changes) == 0 {
		fmt.Fprintln(b, "\nNothing changed.")
		_, err := w.Write(b.Bytes())
		return err
	}
	fmt.Fprintln(b)
	var rows [][]string
	for _, ch := range c.changes {
		subject := ch.now.RecordID
		if subject == "" {
			subject = "(no record) " + ch.now.Source
		}
		status := ch.now.Status
		if status == "" {
			status = "(gone)"
		}
		rows = append(rows, []string{ch.change, subject, status, ch.previous, ch.now.Why})
	}
	if err := writeTable(b, []column{{title: "change"}, {title: "record"}, {title: "status"}, {title: "was"}, {title: "why"}}, rows); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// changesCSVHeader is the column list of match --changes -o csv. Columns
// are only ever added at the end.
var changesCSVHeader = []string{"run_id", "previous_run_id", "change", "record_id", "source", "status", "previous_status", "why"}

func (c *runChanges) writeCSV(w io.Writer) error {
	rows := newCSVRows(w, changesCSVHeader)
	prev := ""
	if c.previous != nil {
		prev = strconv.FormatInt(c.previous.ID, 10)
	}
	for _, ch := range c.changes {
		rows.write([]string{strconv.FormatInt(c.runID, 10), prev, ch.change, ch.now.RecordID, ch.now.Source,
			ch.now.Status, ch.previous, ch.now.Why})
	}
	return rows.flush()
}

func (c *runChanges) writeJSON(w io.Writer) error {
	out := newJSONOut(w)
	out.raw(`{"run_id":`)
	if c.runID == 0 {
		out.raw("null")
	} else {
		out.int(int(c.runID))
	}
	out.raw(`,"previous_run_id":`)
	if c.previous == nil {
		out.raw("null")
	} else {
		out.int(int(c.previous.ID))
	}
	out.raw(`,"previous_as_of":`)
	if c.previous == nil {
		out.raw("null")
	} else {
		out.str(c.previous.AsOf)
	}
	for _, kind := range []string{changeNew, changeChanged, changeResolved} {
		out.raw(`,"` + kind + `":`)
		out.int(c.count(kind))
	}
	out.raw(`,"unchanged":`)
	out.int(c.unchanged)
	out.raw(`,"changes":[`)
	for i, ch := range c.changes {
		if i > 0 {
			out.raw(",")
		}
		out.raw("\n{\"change\":")
		out.str(ch.change)
		for _, kv := range [][2]string{{"record_id", ch.now.RecordID}, {"source", ch.now.Source},
			{"status", ch.now.Status}, {"previous_status", ch.previous}, {"why", ch.now.Why}} {
			out.raw(`,"` + kv[0] + `":`)
			out.str(kv[1])
		}
		out.raw("}")
	}
	out.raw("\n]}\n")
	return out.flush()
}
