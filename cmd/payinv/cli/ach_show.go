package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/payment"
)

func newACHCmd(opts *options) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ach",
		Short: "Read NACHA files",
		Long:  "Read NACHA (ACH) files: every entry, return, notification of change, dishonored or contested return and reversal.",
		Example: `  $ payinv ach show fixtures/ach/2026-11-09-deposits.ach
  $ payinv ach returns --as-of 2026-11-25 fixtures/ach`,
	}
	cmd.AddCommand(newACHShowCmd(opts), newACHReturnsCmd(opts))
	return cmd
}

func newACHShowCmd(opts *options) *cobra.Command {
	return &cobra.Command{
		Use:   "show FILE...",
		Short: "Show the entries, batches and totals of NACHA files",
		Long: `Show NACHA files as they are: the file header, each batch with its
entries, and the controls, with the totals payinv found next to the ones the
file states. Files may be gzip-compressed; "-" reads standard input; a folder
stands for every file in it.

Files are read leniently: a malformed record, a missing control or totals
that do not add up are reported on stderr with the file and line, and the
rest of the file is still shown.` + exitStatusHelp,
		Example: `  $ payinv ach show fixtures/ach/2026-11-09-deposits.ach
  $ payinv ach show -o json returns.ach.gz | jq '.files[].batches[].entries[].refs.trace'
  $ zcat today.ach.gz | payinv ach show -o csv - > today.csv`,
		Args: minArgs(1, "FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runACHShow(opts, args)
		},
	}
}

// showRenderer receives the records of NACHA files in file order.
type showRenderer interface {
	begin(name string)
	fileHeader(*ach.FileHeader)
	batchHeader(*ach.BatchHeader)
	entry(*ach.Entry)
	batchControl(*ach.BatchControl)
	fileControl(*ach.FileControl)
	end(problems []*payment.Problem) error
}

func runACHShow(opts *options, args []string) error {
	rep, sources := opts.inputs(args)
	var r showRenderer
	switch opts.output {
	case "json":
		r = &showJSON{opts: opts, out: newJSONOut(opts.io.Out)}
	case "csv":
		r = &showCSV{opts: opts, w: opts.io.Out}
	default:
		r = &showTable{opts: opts, w: newBuffered(opts.io.Out)}
	}
	prog := newProgress(opts.io, "reading", progressThreshold, sources)
	prog.attach(sources)
	for _, src := range sources {
		readNACHA(src, rep, r)
	}
	prog.done()
	if err := r.end(rep.problems); err != nil {
		return err
	}
	return rep.result()
}

// readNACHA reads one source and hands its records to r.
func readNACHA(src source, rep *reporter, r showRenderer) {
	in, closer, ok := openNACHA(src, rep)
	if !ok {
		return
	}
	defer closer.Close()
	r.begin(src.name)
	for rec, err := range ach.NewReader(in, src.name).All() {
		if err != nil {
			rep.report(err, src.name)
			continue
		}
		switch v := rec.(type) {
		case *ach.FileHeader:
			r.fileHeader(v)
		case *ach.BatchHeader:
			r.batchHeader(v)
		case *ach.Entry:
			r.entry(v)
		case *ach.BatchControl:
			r.batchControl(v)
		case *ach.FileControl:
			r.fileControl(v)
		}
	}
}

// showTable prints files for people: a line per header and control, a
// table per batch.
type showTable struct {
	opts *options
	w    *buffered
	rows [][]string
	n    int
	name string // the file being read, printed before its first record
}

var showColumns = []column{
	{title: "line", right: true}, {title: "kind"}, {title: "code"}, {title: "transaction"},
	{title: "amount", right: true}, {title: "name"}, {title: "account"}, {title: "routing"},
	{title: "individual id"}, {title: "trace"},
}

func (t *showTable) begin(name string) { t.name = name }

func (t *showTable) fileHeader(h *ach.FileHeader) {
	if t.name != "" {
		if t.n > 0 {
			t.w.printf("\n")
		}
		t.n++
		t.w.printf("%s\n", t.name)
		t.name = ""
	}
	if h.Missing {
		t.w.printf("File (no file header)\n")
		return
	}
	created := h.CreationDate.String()
	if tm := strings.TrimSpace(h.FileCreationTime); len(tm) == 4 {
		created += " " + tm[:2] + ":" + tm[2:]
	}
	t.w.printf("File  created %s · from %s · to %s · file ID %s\n", orUnknown(created),
		party(h.ImmediateOriginName, h.ImmediateOrigin), party(h.ImmediateDestinationName, h.ImmediateDestination), h.FileIDModifier)
}

func party(name, id string) string {
	name, id = strings.TrimSpace(name), strings.TrimSpace(id)
	switch {
	case name == "":
		return id
	case id == "":
		return name
	}
	return name + " (" + id + ")"
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return "unknown"
	}
	return s
}

func (t *showTable) batchHeader(b *ach.BatchHeader) {
	t.w.printf("\n")
	if b.Missing {
		t.w.printf("Entries outside any batch (no batch header)\n")
		return
	}
	t.w.printf("Batch %d  %s  %s  %s\n", b.Number, b.SECCode, orUnknown(b.EntryDescription), party(b.CompanyName, b.CompanyID))
	var facts []string
	facts = append(facts, "effective "+orUnknown(b.EffectiveDate.String()))
	switch {
	case !b.SettlementDate.IsZero():
		facts = append(facts, "settled "+b.SettlementDate.String())
	case !b.ExpectedSettlement.IsZero():
		facts = append(facts, "settles "+b.ExpectedSettlement.String()+" (expected)")
	}
	if b.SameDay {
		facts = append(facts, "same-day")
	}
	if b.Reversal {
		facts = append(facts, "REVERSAL")
	}
	facts = append(facts, serviceClass(b.ServiceClassCode))
	t.w.printf("  %s\n", strings.Join(facts, " · "))
}

func serviceClass(code int) string {
	switch code {
	case 200:
		return "200 mixed debits and credits"
	case 220:
		return "220 credits only"
	case 225:
		return "225 debits only"
	case 280:
		return "280 accounting advices"
	}
	return fmt.Sprintf("service class %d", code)
}

func (t *showTable) entry(e *ach.Entry) {
	tc, _ := ach.LookupTransactionCode(e.TransactionCode)
	kind := e.Kind()
	t.rows = append(t.rows, []string{
		strconv.Itoa(e.Source.Line), string(kind), e.ReasonCode(),
		fmt.Sprintf("%d %s", e.TransactionCode, tc.Description()),
		cents(e.Amount), e.Name, t.opts.account(e.Account), e.Routing(), e.IndividualID, e.Trace,
	})
}

func (t *showTable) batchControl(c *ach.BatchControl) {
	if len(t.rows) > 0 {
		_ = writeTable(t.w, showColumns, t.rows)
		t.rows = t.rows[:0]
	}
	f := c.Found
	summary := fmt.Sprintf("%d %s, %d addenda · debits %s · credits %s", f.Entries, plural(f.Entries, "entry", "entries"),
		f.Addenda, cents(f.Debit), cents(f.Credit))
	if c.Missing {
		t.w.printf("  no batch control record; found %s\n", summary)
		return
	}
	t.w.printf("  batch control (line %d): %s%s\n", c.Source.Line, summary, controlVerdict(c.Found, controlTotals(c)))
}

// stated is what a control record says the totals are.
type stated struct {
	count               int
	hash, debit, credit int64
}

func controlTotals(c *ach.BatchControl) stated {
	if c.ADV != nil {
		return stated{c.ADV.EntryAddendaCount, int64(c.ADV.EntryHash), int64(c.ADV.TotalDebitEntryDollarAmount), int64(c.ADV.TotalCreditEntryDollarAmount)}
	}
	return stated{c.Domestic.EntryAddendaCount, int64(c.Domestic.EntryHash), int64(c.Domestic.TotalDebitEntryDollarAmount), int64(c.Domestic.TotalCreditEntryDollarAmount)}
}

func fileTotals(c *ach.FileControl) stated {
	if c.ADV != nil {
		return stated{c.ADV.EntryAddendaCount, int64(c.ADV.EntryHash), int64(c.ADV.TotalDebitEntryDollarAmountInFile), int64(c.ADV.TotalCreditEntryDollarAmountInFile)}
	}
	return stated{c.Domestic.EntryAddendaCount, int64(c.Domestic.EntryHash), int64(c.Domestic.TotalDebitEntryDollarAmountInFile), int64(c.Domestic.TotalCreditEntryDollarAmountInFile)}
}

func controlVerdict(found ach.Totals, s stated) string {
	if s.count == found.Entries+found.Addenda && s.hash == found.Hash && s.debit == found.Debit && s.credit == found.Credit {
		return " — matches the control"
	}
	return fmt.Sprintf(" — the control says %d records · debits %s · credits %s", s.count, cents(s.debit), cents(s.credit))
}

func (t *showTable) fileControl(c *ach.FileControl) {
	if len(t.rows) > 0 {
		_ = writeTable(t.w, showColumns, t.rows)
		t.rows = t.rows[:0]
	}
	f := c.Found
	summary := fmt.Sprintf("%d %s · %d %s, %d addenda · debits %s · credits %s", c.Batches, plural(c.Batches, "batch", "batches"),
		f.Entries, plural(f.Entries, "entry", "entries"), f.Addenda, cents(f.Debit), cents(f.Credit))
	t.w.printf("\n")
	if c.Missing {
		t.w.printf("No file control record; found %s\n", summary)
		return
	}
	t.w.printf("File control (line %d): %s%s\n", c.Source.Line, summary, controlVerdict(c.Found, fileTotals(c)))
}

func (t *showTable) end([]*payment.Problem) error { return t.w.flush() }

// showCSV writes one row per entry, as events.
type showCSV struct {
	opts *options
	w    io.Writer
	rows *csvRows
}

func (c *showCSV) begin(string) {
	if c.rows == nil {
		c.rows = newCSVRows(c.w, eventCSVHeader)
	}
}
func (c *showCSV) fileHeader(*ach.FileHeader)     {}
func (c *showCSV) batchHeader(*ach.BatchHeader)   {}
func (c *showCSV) batchControl(*ach.BatchControl) {}
func (c *showCSV) fileControl(*ach.FileControl)   {}

func (c *showCSV) entry(e *ach.Entry) {
	ev := e.Event()
	if !c.opts.reveal {
		ev.Redact()
	}
	c.rows.write(eventCSVRow(ev))
}

func (c *showCSV) end([]*payment.Problem) error {
	if c.rows == nil {
		c.rows = newCSVRows(c.w, eventCSVHeader)
	}
	return c.rows.flush()
}

// showJSON streams {"files":[...],"problems":[...]}.
type showJSON struct {
	opts    *options
	ev      payment.Event // reused for every entry
	out     *jsonOut
	name    string
	files   int
	batches int
	entries int
	started bool
}

func (j *showJSON) begin(name string) { j.name = name }

func (j *showJSON) open() {
	if !j.started {
		j.out.raw(`{"files":[`)
		j.started = true
	}
}

func (j *showJSON) fileHeader(h *ach.FileHeader) {
	j.open()
	if j.files > 0 {
		j.out.raw(",")
	}
	j.files++
	j.batches = 0
	j.out.raw("\n{\"file\":")
	j.out.str(j.name)
	j.out.raw(`,"header":{"line":`)
	j.out.int(h.Source.Line)
	j.out.raw(`,"missing":` + strconv.FormatBool(h.Missing))
	j.field("immediate_destination", strings.TrimSpace(h.ImmediateDestination))
	j.field("immediate_origin", strings.TrimSpace(h.ImmediateOrigin))
	j.field("creation_date", h.CreationDate.String())
	j.field("creation_time", strings.TrimSpace(h.FileCreationTime))
	j.field("file_id_modifier", strings.TrimSpace(h.FileIDModifier))
	j.field("destination_name", strings.TrimSpace(h.ImmediateDestinationName))
	j.field("origin_name", strings.TrimSpace(h.ImmediateOriginName))
	j.field("reference_code", strings.TrimSpace(h.ReferenceCode))
	j.out.raw(`},"batches":[`)
}

func (j *showJSON) field(k, v string) {
	j.out.raw(`,"` + k + `":`)
	j.out.str(v)
}

func (j *showJSON) date(k string, d payment.Date) {
	if d.IsZero() {
		j.out.raw(`,"` + k + `":null`)
		return
	}
	j.field(k, d.String())
}

func (j *showJSON) batchHeader(b *ach.BatchHeader) {
	if j.batches > 0 {
		j.out.raw(",")
	}
	j.batches++
	j.entries = 0
	j.out.raw("\n{\"line\":")
	j.out.int(b.Source.Line)
	j.out.raw(`,"missing":` + strconv.FormatBool(b.Missing) + `,"number":`)
	j.out.int(b.Number)
	j.out.raw(`,"service_class_code":`)
	j.out.int(b.ServiceClassCode)
	j.field("sec_code", b.SECCode)
	j.field("company_name", b.CompanyName)
	j.field("company_id", b.CompanyID)
	j.field("company_discretionary_data", b.CompanyDiscretionaryData)
	j.field("entry_description", b.EntryDescription)
	j.field("descriptive_date", b.DescriptiveDate)
	j.date("effective_date", b.EffectiveDate)
	j.date("settlement_date", b.SettlementDate)
	j.date("expected_settlement_date", b.ExpectedSettlement)
	j.field("odfi", b.ODFI)
	j.out.raw(`,"same_day":` + strconv.FormatBool(b.SameDay) + `,"reversal":` + strconv.FormatBool(b.Reversal))
	j.out.raw(`,"entries":[`)
}

func (j *showJSON) entry(e *ach.Entry) {
	if j.entries > 0 {
		j.out.raw(",")
	}
	j.entries++
	j.out.raw("\n")
	e.FillEvent(&j.ev)
	j.out.event(&j.ev, j.opts.reveal)
}

func (j *showJSON) totals(s stated, found ach.Totals, missing bool) {
	if !missing {
		j.out.raw(`,"entry_addenda_count":`)
		j.out.int(s.count)
		j.field("entry_hash", fmt.Sprintf("%010d", s.hash))
		j.field("total_debit", cents0(s.debit))
		j.field("total_credit", cents0(s.credit))
	}
	j.out.raw(`,"found":{"entries":`)
	j.out.int(found.Entries)
	j.out.raw(`,"addenda":`)
	j.out.int(found.Addenda)
	j.field("entry_hash", fmt.Sprintf("%010d", found.Hash))
	j.field("total_debit", cents0(found.Debit))
	j.field("total_credit", cents0(found.Credit))
	j.out.raw("}")
}

// cents0 writes cents as a plain decimal string for JSON ("1234.56").
func cents0(n int64) string { return fmt.Sprintf("%d.%02d", n/100, n%100) }

func (j *showJSON) batchControl(c *ach.BatchControl) {
	if j.entries > 0 {
		j.out.raw("\n")
	}
	j.out.raw(`],"control":{"line":`)
	j.out.int(c.Source.Line)
	j.out.raw(`,"missing":` + strconv.FormatBool(c.Missing))
	var s stated
	if !c.Missing {
		s = controlTotals(c)
	}
	j.totals(s, c.Found, c.Missing)
	j.out.raw("}}")
}

func (j *showJSON) fileControl(c *ach.FileControl) {
	if j.batches > 0 {
		j.out.raw("\n")
	}
	j.out.raw(`],"control":{"line":`)
	j.out.int(c.Source.Line)
	j.out.raw(`,"missing":` + strconv.FormatBool(c.Missing) + `,"batch_count":`)
	j.out.int(c.Batches)
	var s stated
	if !c.Missing {
		s = fileTotals(c)
	}
	j.totals(s, c.Found, c.Missing)
	j.out.raw("}}")
}

func (j *showJSON) end(problems []*payment.Problem) error {
	j.open()
	if j.files > 0 {
		j.out.raw("\n")
	}
	j.out.raw("],")
	j.out.problems(problems)
	j.out.raw("}\n")
	return j.out.flush()
}
