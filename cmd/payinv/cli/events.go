package cli

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires"
)

func newEventsCmd(opts *options) *cobra.Command {
	cf := &inputFlags{}
	cmd := &cobra.Command{
		Use:   "events SOURCE...",
		Short: "List the normalized events of any payment files",
		Long: `Read payment files of any rail (NACHA today; card exports and wire
messages as they land), recognized by their content, and list one
normalized event per record: what it is, which way the money moves for the
company, the amount, the dates and the references to look it up by.

SOURCE is a file, "-" for standard input, or a folder (every file below it,
in name order; files that are not payment files are skipped with a note).
Gzip-compressed files are read directly.

In JSON, "direction" is the effect on the company's own account: a deposit
pulled from a customer is a credit, a withdrawal and a returned deposit are
debits. Tables say "in" and "out".` + exitStatusHelp + `
  (1 here means: the sources hold no events)`,
		Example: `  $ payinv events fixtures/ach/
  $ payinv events -o csv fixtures/ach/ > events.csv
  $ payinv events -o json today.ach | jq -c '.events[] | {kind, amount, trace: .refs.trace}'`,
		Args: minArgs(1, "SOURCE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cf.resolve(cmd.CommandPath()); err != nil {
				return err
			}
			return runEvents(opts, cf, args)
		},
	}
	cf.add(cmd)
	return cmd
}

// eventSink receives the events of each source in order.
type eventSink interface {
	begin(name string)
	event(*payment.Event)
	end(problems []*payment.Problem) error
}

func runEvents(opts *options, cf *inputFlags, args []string) error {
	return listEvents(opts, args, func(src source, rep *reporter, begin func(string), each func(*payment.Event)) int {
		return readEventsInto(src, rep, cf, begin, each)
	})
}

// listEvents reads every source with read and lists the events in the
// output format: the body of events and cards show.
func listEvents(opts *options, args []string, read readFunc) error {
	rep, sources := opts.inputs(args)
	var sink eventSink
	switch opts.output {
	case "json":
		sink = &eventsJSON{opts: opts, out: newJSONOut(opts.io.Out)}
	case "csv":
		sink = &eventsCSV{opts: opts, rows: newCSVRows(opts.io.Out, eventCSVHeader)}
	default:
		sink = &eventsTable{opts: opts, w: newBuffered(opts.io.Out)}
	}
	prog := newProgress(opts.io, "reading", progressThreshold, sources)
	prog.attach(sources)
	count := readInOrder(sources, rep, read, sink.begin, sink.event)
	prog.done()
	if err := sink.end(rep.problems); err != nil {
		return err
	}
	if err := rep.result(); err != nil {
		return err
	}
	if count == 0 {
		return errNothingFound
	}
	return nil
}

// readEventsInto reads one source with the reader its content calls for
// (NACHA, wire messages, or a card processor export), calling begin once it is known to
// be a payment file and each with every event, which is only valid during
// the call. It returns the number of events.
func readEventsInto(src source, rep *reporter, cf *inputFlags, begin func(name string), each func(*payment.Event)) int {
	in, closer, err := openSource(src)
	if err != nil {
		rep.report(err, src.name)
		return 0
	}
	defer closer.Close()
	head, _ := in.Peek(4096)
	if !ach.Sniff(head) {
		if wires.Sniff(head) != "" {
			begin(src.name)
			return readWires(in, src.name, rep, &cf.wires, each)
		}
		if read, isCard := cf.cards.optionsFor(head, src.inFolder); isCard {
			begin(src.name)
			return readCards(in, src.name, rep, read, each)
		}
		why := "not a NACHA file, wire message or card export payinv knows"
		if !src.inFolder {
			why += " (for a card export, --processor or --card-map say how to read it)"
		}
		if len(head) == 0 {
			why = "empty file"
		}
		if src.inFolder {
			rep.report(payment.Warningf(payment.Source{File: src.name}, "skipped: %s", why), src.name)
		} else {
			rep.report(payment.Problemf(payment.Source{File: src.name}, "%s", why), src.name)
		}
		return 0
	}
	begin(src.name)
	n := 0
	var ev payment.Event // filled anew for every entry: each must not keep it
	for rec, err := range ach.NewReader(in, src.name).All() {
		if err != nil {
			rep.report(err, src.name)
			continue
		}
		if e, ok := rec.(*ach.Entry); ok {
			e.FillEvent(&ev)
			each(&ev)
			n++
		}
	}
	return n
}

var eventsColumns = []column{
	{title: "line", right: true}, {title: "kind"}, {title: "code"}, {title: "money"}, {title: "amount", right: true},
	{title: "settles"}, {title: "name"}, {title: "account"}, {title: "reference"}, {title: "trace"},
}

// cardEventsColumns are the columns of a card export's events.
var cardEventsColumns = []column{
	{title: "line", right: true}, {title: "kind"}, {title: "code"}, {title: "money"}, {title: "amount", right: true},
	{title: "date"}, {title: "name"}, {title: "card"}, {title: "reference"}, {title: "processor id"}, {title: "note"},
}

// wireEventsColumns are the columns of wire messages' events.
var wireEventsColumns = []column{
	{title: "line", right: true}, {title: "kind"}, {title: "message"}, {title: "money"}, {title: "amount", right: true},
	{title: "settles"}, {title: "name"}, {title: "account"}, {title: "reference"}, {title: "note"},
}

type eventsTable struct {
	opts *options
	w    *buffered
	name string
	rail payment.Rail // the file's rail, which chooses the columns
	ach  bool         // some file was NACHA: the footnote on estimated dates applies
	rows [][]string
	more int // events of the file beyond maxTableRows, counted, not shown
	n    int
}

// maxTableRows bounds the rows a table shows per file: beyond it, people
// want a file (-o csv), and a table is only built in memory.
const maxTableRows = 1000

func (t *eventsTable) begin(name string) {
	t.flushFile()
	t.name = name
	t.rail = payment.RailACH
}

func (t *eventsTable) flushFile() {
	if len(t.rows) == 0 {
		return
	}
	if t.n > 0 {
		t.w.printf("\n")
	}
	t.n++
	t.w.printf("%s\n", t.name)
	cols := eventsColumns
	switch t.rail {
	case payment.RailCard:
		cols = cardEventsColumns
	case payment.RailWire:
		cols = wireEventsColumns
	}
	_ = writeTable(t.w, cols, t.rows)
	if t.more > 0 {
		t.w.printf("... and %s more events in this file: -o csv or -o json list them all\n", groupThousands(t.more))
	}
	t.rows, t.more = t.rows[:0], 0
}

func (t *eventsTable) event(ev *payment.Event) {
	if len(t.rows) == maxTableRows {
		t.more++
		t.ach = t.ach || ev.Rail == payment.RailACH
		return
	}
	code := ""
	if ev.Reason != nil {
		code = ev.Reason.Code
	}
	if ev.Rail == payment.RailWire {
		t.rail = payment.RailWire
		amount := money(ev.Amount, ev.Currency)
		if ev.Currency == "" && ev.Amount.IsZero() {
			amount = "" // a status report that names no amount
		}
		way := moneyWay(ev.Direction)
		switch ev.Kind {
		case payment.KindStatus, payment.KindRecall, payment.KindRecallResponse, payment.KindRejection:
			way = "-" // news about a payment, not money moving
		}
		t.rows = append(t.rows, []string{
			strconv.Itoa(ev.Source.Line), string(ev.Kind), wireMessage(ev), way, amount,
			ev.SettlementDate.String(), ev.Party.Name, t.opts.account(ev.Party.Account), wireRef(ev), wireNote(ev),
		})
		return
	}
	if ev.Rail == payment.RailCard {
		t.rail = payment.RailCard
		t.rows = append(t.rows, []string{
			strconv.Itoa(ev.Source.Line), string(ev.Kind), code, moneyWay(ev.Direction), money(ev.Amount, ev.Currency),
			cardDate(ev), ev.Party.Name, cardText(ev), ev.Refs.MerchantReference, ev.Refs.PSPID, cardNote(ev, t.opts.today),
		})
		return
	}
	t.ach = true
	settles := ev.SettlementDate.String()
	if ev.SettlementEstimated {
		settles += "*"
	}
	t.rows = append(t.rows, []string{
		strconv.Itoa(ev.Source.Line), string(ev.Kind), code, moneyWay(ev.Direction), money(ev.Amount, ev.Currency),
		settles, ev.Party.Name, t.opts.account(ev.Party.Account), ev.Refs.IndividualID, ev.Refs.Trace,
	})
}

// moneyWay says which way money moves for the company.
func moneyWay(d payment.Direction) string {
	switch d {
	case payment.Credit:
		return "in"
	case payment.Debit:
		return "out"
	}
	return "-"
}

func (t *eventsTable) end([]*payment.Problem) error {
	t.flushFile()
	if t.ach {
		t.w.printf("\n* expected settlement date, worked out from the effective date\n")
	}
	return t.w.flush()
}

type eventsJSON struct {
	opts    *options
	out     *jsonOut
	n       int
	started bool
}

func (j *eventsJSON) begin(string) {}

func (j *eventsJSON) event(ev *payment.Event) {
	if !j.started {
		j.out.raw(`{"events":[`)
		j.started = true
	}
	if j.n > 0 {
		j.out.raw(",")
	}
	j.n++
	j.out.raw("\n")
	j.out.event(ev, j.opts.reveal)
}

func (j *eventsJSON) end(problems []*payment.Problem) error {
	if !j.started {
		j.out.raw(`{"events":[`)
	}
	if j.n > 0 {
		j.out.raw("\n")
	}
	j.out.raw("],")
	j.out.problems(problems)
	j.out.raw("}\n")
	return j.out.flush()
}

type eventsCSV struct {
	opts *options
	rows *csvRows
}

func (c *eventsCSV) begin(string) {}

func (c *eventsCSV) event(ev *payment.Event) {
	if !c.opts.reveal {
		ev.Redact()
	}
	c.rows.write(eventCSVRow(ev))
}

func (c *eventsCSV) end([]*payment.Problem) error { return c.rows.flush() }
