package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"github.com/payinv/payinv/explain"
	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
	"github.com/payinv/payinv/store"
)

type findOptions struct {
	*options
	trace, id, uetr, imad, e2e, arn string
	last4                           string
	amount, name, date, customer    string
	records, mapping                string
	db                              string
	window                          int
	read                            inputFlags

	amountValue decimal.Decimal
	dateValue   payment.Date
}

func newFindCmd(opts *options) *cobra.Command {
	fo := &findOptions{options: opts}
	cmd := &cobra.Command{
		Use:   "find [filters] SOURCE...",
		Short: "Find a payment by any reference, amount, name or date, with its whole story",
		Long: `Find every payment in the sources that fits all the filters given, and show
its story in time order: the payment and what happened to it later (a
return, a NOC, a dishonor and its contest, a reversal).

With --records, the company's records are reconciled with the sources first
and the records that fit are shown too, with their status; --customer then
finds a customer's records.

Filters compare references exactly (case aside), amounts exactly, names
loosely ("chen" finds DAVID CHEN) and dates by day (a payment's settlement
date, or its effective date when it has none; a record's creation date, US
Eastern).

With --db, the events come from the history store (payinv ingest) as well
as from the SOURCE files, which may then be left out. A search by reference
(--trace, --id, --uetr, --imad, --e2e, --arn) reads only the stored events
that carry it and those linked to them by their references; other filters
read every stored event.` + exitStatusHelp + `
  (1 here means: nothing fits)`,
		Example: `  $ payinv find --trace 074012501109013 fixtures/ach
  $ payinv find --id DEP-2611090013 fixtures/ach
  $ payinv find --name kowalski --amount 980.50 fixtures/ach
  $ payinv find --records fixtures/records/records.csv --customer CUS-1002 fixtures/ach
  $ payinv find --db history.db --uetr e4b2c1a0-93d7-4f5e-8a6b-1c2d3e4f5a6b`,
		Args: func(cmd *cobra.Command, args []string) error {
			if fo.db != "" {
				return nil
			}
			return minArgs(1, "SOURCE")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := fo.parse(cmd); err != nil {
				return err
			}
			if err := fo.read.resolve(cmd.CommandPath()); err != nil {
				return err
			}
			return runFind(fo, args)
		},
	}
	fo.read.add(cmd)
	f := cmd.Flags()
	f.StringVar(&fo.trace, "trace", "", "ACH trace number (also finds returns and NOCs naming it)")
	f.StringVar(&fo.id, "id", "", "any reference: ACH individual ID, processor payment id, record ID ...")
	f.StringVar(&fo.uetr, "uetr", "", "wire UETR")
	f.StringVar(&fo.imad, "imad", "", "Fedwire IMAD")
	f.StringVar(&fo.e2e, "e2e", "", "ISO 20022 end-to-end id")
	f.StringVar(&fo.arn, "arn", "", "card acquirer reference number")
	f.StringVar(&fo.last4, "last4", "", "last four digits of the account or card (for Apple Pay, the card's or the device's)")
	f.StringVar(&fo.amount, "amount", "", "amount, e.g. 980.50")
	f.StringVar(&fo.name, "name", "", "part of the customer's name")
	f.StringVar(&fo.date, "date", "", "a day, YYYY-MM-DD")
	f.StringVar(&fo.customer, "customer", "", "customer ID (needs --records)")
	f.StringVar(&fo.records, "records", "", "the company's records, CSV or JSON Lines")
	f.StringVar(&fo.mapping, "map", "", "a YAML or TOML file describing the records' layout")
	f.StringVar(&fo.db, "db", "", "also search the history store (payinv ingest): a SQLite file or a postgres:// URL")
	f.IntVar(&fo.window, "window", match.DefaultWindow, "banking days a record and its payment may be apart")
	return cmd
}

func (fo *findOptions) parse(cmd *cobra.Command) error {
	if fo.trace+fo.id+fo.uetr+fo.imad+fo.e2e+fo.arn+fo.last4+fo.amount+fo.name+fo.date+fo.customer == "" {
		return usageErrorf(cmd.CommandPath(), "give at least one filter (--trace, --id, --uetr, --imad, --e2e, --arn, --last4, --amount, --name, --date or --customer)")
	}
	if fo.last4 != "" && !isFourDigits(fo.last4) {
		return usageErrorf(cmd.CommandPath(), "--last4 %q: want the last four digits of an account or card", fo.last4)
	}
	if fo.customer != "" && fo.records == "" {
		return usageErrorf(cmd.CommandPath(), "--customer needs --records")
	}
	if fo.amount != "" {
		d, err := decimal.NewFromString(strings.ReplaceAll(strings.TrimPrefix(fo.amount, "$"), ",", ""))
		if err != nil {
			return usageErrorf(cmd.CommandPath(), "--amount %q is not an amount", fo.amount)
		}
		fo.amountValue = d
	}
	if fo.date != "" {
		d, err := payment.ParseDate(fo.date)
		if err != nil {
			return usageErrorf(cmd.CommandPath(), "--date: %v", err)
		}
		fo.dateValue = d
	}
	return nil
}

// hit is one answer of find: a story, with the record that claims it when
// records were given, or a record with no story.
type hit struct {
	story  *match.Story
	record *match.RecordResult
}

func runFind(fo *findOptions, args []string) error {
	rep, sources := fo.inputs(args)
	m := match.NewMatcher(match.Options{Window: fo.window, AsOf: fo.today})
	if fo.records != "" {
		mo := &matchOptions{options: fo.options, records: fo.records, mapping: fo.mapping}
		for _, r := range readRecords(mo, rep, nil) {
			m.AddRecord(r)
		}
	}
	if fo.db != "" {
		if err := fo.addStored(m.AddEvent); err != nil {
			return &exitError{code: ExitInput, message: "store: " + err.Error()}
		}
	}
	prog := newProgress(fo.io, "reading", progressThreshold, sources)
	prog.attach(sources)
	readInOrder(sources, rep, func(src source, rep *reporter, begin func(string), each func(*payment.Event)) int {
		return readEventsInto(src, rep, &fo.read, begin, each)
	}, func(string) {}, m.AddEvent)
	prog.done()
	res := m.Run()

	var hits []hit
	claimed := map[*match.Story]bool{}
	for _, rr := range res.Records {
		if fo.recordFits(rr) {
			hits = append(hits, hit{story: rr.Story, record: rr})
			if rr.Story != nil {
				claimed[rr.Story] = true
			}
		}
	}
	owner := map[*match.Story]*match.RecordResult{}
	for _, rr := range res.Records {
		if rr.Story != nil && rr.DuplicateOf == "" {
			owner[rr.Story] = rr
		}
	}
	if fo.customer == "" {
		for _, s := range res.Stories {
			if !claimed[s] && fo.storyFits(s) {
				hits = append(hits, hit{story: s, record: owner[s]})
			}
		}
	}

	var err error
	switch fo.output {
	case "json":
		err = fo.writeJSON(fo.io.Out, hits, rep.problems)
	case "csv":
		err = fo.writeCSV(fo.io.Out, hits)
	default:
		err = fo.writeTable(fo.io.Out, hits)
	}
	if err != nil {
		return err
	}
	if err := rep.result(); err != nil {
		return err
	}
	if len(hits) == 0 {
		return errNothingFound
	}
	return nil
}

// recordFits says whether a record (or the story it claims) fits every
// filter.
func (fo *findOptions) recordFits(rr *match.RecordResult) bool {
	r := rr.Record
	if fo.customer != "" && !strings.EqualFold(strings.TrimSpace(r.CustomerID), strings.TrimSpace(fo.customer)) {
		return false
	}
	if rr.Story != nil && fo.storyFits(rr.Story) {
		return true
	}
	if fo.trace != "" || fo.uetr != "" || fo.imad != "" || fo.e2e != "" || fo.arn != "" {
		return false // references a record does not carry
	}
	return (fo.id == "" || sameRef(fo.id, r.ID) || sameRef(fo.id, r.Reference)) &&
		(fo.last4 == "" || fo.last4 == r.AccountLast4) &&
		(fo.amount == "" || fo.amountValue.Equal(r.Amount)) &&
		(fo.name == "" || nameContains(r.Name, fo.name)) &&
		(fo.date == "" || settlement.DateOf(r.CreatedAt) == fo.dateValue)
}

// storyFits says whether some event of the story fits every filter.
func (fo *findOptions) storyFits(s *match.Story) bool {
	for _, e := range s.Events {
		if fo.eventFits(e) {
			return true
		}
	}
	return false
}

func (fo *findOptions) eventFits(e *match.Evidence) bool {
	refIs := func(want string, names ...string) bool {
		if want == "" {
			return true
		}
		for _, n := range names {
			if sameRef(want, e.Ref(n)) || sameRef(want, e.Original(n)) {
				return true
			}
		}
		return false
	}
	anyRef := func(want string) bool {
		if want == "" {
			return true
		}
		for _, r := range append(append([]match.Ref{}, e.Refs()...), e.Originals()...) {
			if sameRef(want, r.Value) {
				return true
			}
		}
		return false
	}
	return refIs(fo.trace, "trace") && anyRef(fo.id) && refIs(fo.uetr, "uetr") && refIs(fo.imad, "imad") &&
		refIs(fo.e2e, "end_to_end_id") && refIs(fo.arn, "arn") &&
		(fo.last4 == "" || e.HasLast4(fo.last4)) &&
		(fo.amount == "" || fo.amountValue.Equal(e.Amount)) &&
		(fo.name == "" || nameContains(e.Name, fo.name)) &&
		(fo.date == "" || e.Date == fo.dateValue)
}

func isFourDigits(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := range 4 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func sameRef(a, b string) bool {
	return b != "" && strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// nameContains finds every word of want in name, case aside.
func nameContains(name, want string) bool {
	name = strings.ToUpper(name)
	for _, w := range strings.Fields(strings.ToUpper(want)) {
		if !strings.Contains(name, w) {
			return false
		}
	}
	return name != ""
}

func (fo *findOptions) writeTable(w io.Writer, hits []hit) error {
	out := newBuffered(w)
	if len(hits) == 0 {
		out.printf("Nothing fits.\n")
		return out.flush()
	}
	for i, h := range hits {
		if i > 0 {
			out.printf("\n")
		}
		if rr := h.record; rr != nil {
			r := rr.Record
			out.printf("Record %s  %s  %s %s  %s  created %s  recorded as %s\n", r.ID, r.Name, money(r.Amount, r.Currency), r.Currency,
				r.Type, settlement.DateOf(r.CreatedAt), orUnknown(r.Status))
			line := "  status: " + string(rr.Status)
			if rr.Break {
				line += " (break)"
			}
			if rr.Conflict != "" {
				line += " — " + rr.Conflict
			}
			out.printf("%s\n", line)
		}
		if h.story == nil {
			out.printf("  no payment found\n")
			continue
		}
		if h.record == nil {
			out.printf("Payment with no record: %s %s\n", money(h.story.Amount(), h.story.Currency()), h.story.Currency())
		}
		var rows [][]string
		for _, e := range h.story.Events {
			what := string(e.Kind)
			if e.Code != "" {
				what += " " + e.Code
				if c := explain.Lookup(e.Code, e.CodeScheme); len(c) > 0 && c[0].Title != "" {
					what += " " + c[0].Title
				}
			}
			rows = append(rows, []string{e.Day().String(), what, money(e.Amount, e.Currency), e.Name,
				fo.evidenceAccount(e), e.Source.String(), refsText(e)})
		}
		if err := writeTable(out, []column{{title: "date"}, {title: "event"}, {title: "amount", right: true}, {title: "name"},
			{title: "account"}, {title: "source"}, {title: "references"}}, rows); err != nil {
			return err
		}
		for _, n := range h.story.Notes() {
			out.printf("  note: %s\n", n)
		}
	}
	return out.flush()
}

func (fo *findOptions) writeJSON(w io.Writer, hits []hit, problems []*payment.Problem) error {
	report := &matchReport{opts: &matchOptions{options: fo.options, window: fo.window}}
	out := newJSONOut(w)
	out.raw(`{"results":[`)
	for i, h := range hits {
		if i > 0 {
			out.raw(",")
		}
		out.raw("\n{\"record\":")
		if h.record == nil {
			out.raw("null")
		} else {
			report.recordJSON(out, h.record)
		}
		out.raw(`,"story":`)
		if h.story == nil {
			out.raw("null")
		} else {
			report.storyJSON(out, h.story)
		}
		out.raw("}")
	}
	if len(hits) > 0 {
		out.raw("\n")
	}
	out.raw("],")
	out.problems(problems)
	out.raw("}\n")
	return out.flush()
}

var findCSVHeader = []string{"record_id", "record_status", "status", "date", "kind", "code", "amount", "currency", "name", "account", "file", "line", "references"}

func (fo *findOptions) writeCSV(w io.Writer, hits []hit) error {
	rows := newCSVRows(w, findCSVHeader)
	for _, h := range hits {
		var id, recorded, status string
		if h.record != nil {
			id, recorded, status = h.record.Record.ID, h.record.Record.Status, string(h.record.Status)
		}
		if h.story == nil {
			rows.write([]string{id, recorded, status, "", "", "", "", "", "", "", "", "", ""})
			continue
		}
		for _, e := range h.story.Events {
			rows.write([]string{id, recorded, status, e.Day().String(), string(e.Kind), e.Code, payment.FormatAmount(e.Amount, e.Currency),
				e.Currency, e.Name, fo.evidenceAccount(e), e.Source.File, fmt.Sprint(e.Source.Line), refsText(e)})
		}
	}
	return rows.flush()
}

// storedLinkRounds bounds how far addStored follows references from the
// events found to the events they name (a payment, its return, the
// dishonor of that return, its contest).
const storedLinkRounds = 4

// addStored hands add the stored events the search needs: with a reference
// filter, the events carrying it and, round after round, those sharing a
// reference with them (the rest of their stories); without one, every
// stored event.
func (fo *findOptions) addStored(add func(*payment.Event)) error {
	ctx := context.Background()
	st, err := store.Open(ctx, fo.db)
	if err != nil {
		return err
	}
	defer st.Close()
	var wanted []string
	for _, v := range []string{fo.trace, fo.id, fo.uetr, fo.imad, fo.e2e, fo.arn} {
		if store.NormalizeRef(v) != "" {
			wanted = append(wanted, v)
		}
	}
	if len(wanted) == 0 {
		for stored, err := range st.Events(ctx, store.Filter{}) {
			if err != nil {
				return err
			}
			add(stored.Event)
		}
		return nil
	}
	looked := map[string]bool{}
	found := map[int64]*payment.Event{}
	for round := 0; round < storedLinkRounds && len(wanted) > 0; round++ {
		var next []string
		for _, v := range wanted {
			k := store.NormalizeRef(v)
			if looked[k] {
				continue
			}
			looked[k] = true
			list, err := st.FindByRef(ctx, k)
			if err != nil {
				return err
			}
			for _, s := range list {
				if found[s.ID] != nil {
					continue
				}
				found[s.ID] = s.Event
				more := func(_, v string) { next = append(next, v) }
				s.Event.Refs.Each(more)
				s.Event.Refs.EachOriginal(more)
			}
		}
		wanted = next
	}
	ids := make([]int64, 0, len(found))
	for id := range found {
		ids = append(ids, id)
	}
	slices.Sort(ids) // in the order stored: the output does not depend on map order
	for _, id := range ids {
		add(found[id])
	}
	return nil
}
