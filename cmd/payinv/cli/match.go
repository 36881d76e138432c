package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
	"github.com/payinv/payinv/settlement"
	"github.com/payinv/payinv/store"
)

type matchOptions struct {
	*options
	records string
	mapping string
	window  int
	report  string
	rails   []string
	read    inputFlags
	// rulesPath is --rules; rules what it says, over the defaults.
	rulesPath string
	rules     *settlement.Rules
	// db is the history store whose events join the sources', and where
	// the run's manifest and breaks are kept.
	db string
	// manifest is --manifest: a file for the run's manifest.
	manifest string
	// changes is --changes: report what changed since the previous run.
	changes bool
	// version is payinv's, for the manifest.
	version string
}

func newMatchCmd(opts *options) *cobra.Command {
	mo := &matchOptions{options: opts}
	cmd := &cobra.Command{
		Use:   "match --records FILE SOURCE...",
		Short: "Reconcile the company's records against the evidence from the rails",
		Long: `Line the company's deposit and withdrawal records up against every event in
the sources and report every break, with its reason.

Events are first linked into stories: a payment and what happened to it
later (a return, a NOC, a dishonor and its contest, a reversal). Records are
matched to stories one to one, first by reference (the record's reference or
ID against the ACH individual ID or trace), then by amount, direction, a
date window of --window banking days, and the similarity of the name and the
account's last four digits. A record that fits two stories equally well (or
a story two records) is reported as ambiguous, never guessed.

Each record gets a status: matched, pending (no evidence yet, inside its
window as of --as-of), missing, amount_mismatch, returned, reversed,
charged_back, refunded, rejected, duplicate or ambiguous; stories no record
claims are unexpected. A break is a record that needs someone: missing,
ambiguous, duplicated, for another amount, or whose own status disagrees
with the evidence (the record says completed, the bank returned it). For
every record without a story, the nearest candidate is shown with what did
not fit.

Records are CSV or JSON Lines with the columns id, customer_id, type, rail,
amount, currency, created_at, status, reference, account_last4 and name;
--map describes any other layout (YAML or TOML).

--report FILE also writes the whole report to FILE (atomically: a temporary
file renamed into place), as JSON, CSV or XLSX by its extension. -o xlsx
needs --report or a stdout that is not a terminal.

Every run has a manifest, so that its report can be reproduced and
audited: payinv's version, --as-of, the options (window, rails, map and
rules files with their SHA-256), every input with its SHA-256 and what it
brought, and the counts. --manifest FILE writes it as JSON. With --db the
run is also kept in the store, manifest and breaks (payinv runs lists them),
unless an input could not be read completely: such a run is no baseline.

--changes (with --db) prints, instead of the report, only what changed
since the previous run of the same reconciliation — the same records file
and the same options: new breaks, breaks whose status changed, and breaks
resolved (with the record's status now). That is what a nightly job mails.
The whole report still goes to --report.` + exitStatusHelp + `
  (1 here means: breaks were found; with --changes: new or changed breaks)`,
		Example: `  $ payinv match --records fixtures/records/records.csv fixtures/ach
  $ payinv match --records ledger.jsonl --map ledger.toml -o json today/ > recon.json
  $ payinv match --records records.csv --report recon.xlsx --as-of 2026-11-25 bank/
  $ payinv match --db history.db --records records.csv --changes --report recon.xlsx inbox/
  $ payinv match --records records.csv --manifest recon.manifest.json bank/`,
		Args: func(cmd *cobra.Command, args []string) error {
			if mo.db != "" {
				return nil // the store alone is evidence enough
			}
			return minArgs(1, "SOURCE")(cmd, args)
		},
		Annotations: map[string]string{"formats": "table,json,csv,xlsx"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if mo.records == "" {
				return usageErrorf(cmd.CommandPath(), "--records FILE is required")
			}
			if mo.window < 0 {
				return usageErrorf(cmd.CommandPath(), "--window must be 0 or more banking days")
			}
			if mo.rulesPath != "" {
				rules, err := settlement.LoadRules(mo.rulesPath)
				if err != nil {
					return usageErrorf(cmd.CommandPath(), "--rules: %v", err)
				}
				mo.rules = rules
			}
			if opts.output == "xlsx" && mo.report == "" && opts.io.StdoutTTY {
				return usageErrorf(cmd.CommandPath(), "-o xlsx writes a binary file: give --report FILE or redirect stdout")
			}
			if mo.report != "" {
				if _, err := reportFormat(mo.report); err != nil {
					return usageErrorf(cmd.CommandPath(), "--report: %v", err)
				}
			}
			if mo.changes && mo.db == "" {
				return usageErrorf(cmd.CommandPath(), "--changes compares with the runs kept in a store: give --db")
			}
			if mo.changes && opts.output == "xlsx" {
				return usageErrorf(cmd.CommandPath(), "--changes prints a table, JSON or CSV; the whole report can go to --report FILE.xlsx")
			}
			if err := mo.read.resolve(cmd.CommandPath()); err != nil {
				return err
			}
			mo.version = cmd.Root().Version
			return runMatch(mo, args)
		},
	}
	mo.read.add(cmd)
	f := cmd.Flags()
	f.StringVar(&mo.records, "records", "", "the company's records, CSV or JSON Lines (\"-\" for standard input)")
	f.StringVar(&mo.mapping, "map", "", "a YAML or TOML file describing the records' layout")
	f.IntVar(&mo.window, "window", match.DefaultWindow, "banking days a record and its payment may be apart")
	f.StringVar(&mo.report, "report", "", "also write the report to this file (.json, .csv or .xlsx)")
	f.StringVar(&mo.db, "db", "", "also reconcile against every event of the history store (written by payinv ingest), and keep the run there")
	f.StringVar(&mo.manifest, "manifest", "", "write the run's manifest (inputs and their SHA-256, options, version, counts) to this JSON `FILE`")
	f.BoolVar(&mo.changes, "changes", false, "print only what changed since the previous run of the same reconciliation in the store (needs --db)")
	f.StringVar(&mo.rulesPath, "rules", "", "YAML or TOML `FILE` of cut-off times overriding the defaults, for when pending records should settle (see payinv when)")
	f.StringSliceVar(&mo.rails, "rail", nil, "only reconcile records of these rails ("+strings.Join(records.Rails(), ", ")+"), comma-separated or repeated")
	return cmd
}

func runMatch(mo *matchOptions, args []string) error {
	rep, sources := mo.inputs(args)
	setMemoryLimit(mo.records, sources)
	m := match.NewMatcher(match.Options{Window: mo.window, AsOf: mo.today, Rules: mo.rules})
	var track *runTracker
	if mo.db != "" || mo.manifest != "" {
		track = newRunTracker(mo.io.Now(), sources)
	}

	// The records and the events are read at the same time; their problems
	// are printed afterwards, records first, so the output stays the same.
	prog := newProgress(mo.io, "reading", progressThreshold, sources, mo.records)
	prog.attach(sources)
	recRep := &reporter{io: mo.io, hold: true}
	done := make(chan []*records.Record)
	go func() { done <- readRecords(mo, recRep, prog) }()
	evRep := &reporter{io: mo.io, hold: true}
	n := 0
	railsSeen := map[payment.Rail]bool{}
	addEvent := func(ev *payment.Event) {
		if !railsSeen[ev.Rail] {
			railsSeen[ev.Rail] = true
		}
		m.AddEvent(ev)
	}
	if mo.db != "" {
		stored, err := addStoredEvents(mo.db, addEvent)
		if err != nil {
			return &exitError{code: ExitInput, message: "store: " + err.Error()}
		}
		n += stored
		track.stored = stored
	}
	n += readInOrder(sources, evRep, func(src source, rep *reporter, begin func(string), each func(*payment.Event)) int {
		return readEventsInto(src, rep, &mo.read, begin, each)
	}, func(string) {}, func(ev *payment.Event) {
		if track != nil {
			track.event(ev.Source.File)
		}
		addEvent(ev)
	})
	recs := <-done
	prog.done()
	rep.adopt(recRep)
	rep.adopt(evRep)
	if recs == nil && recRep.errors > 0 {
		return rep.result()
	}
	recs = mo.onRails(recs)
	warnUncheckedRails(rep, mo.records, recs, railsSeen)
	for _, r := range recs {
		m.AddRecord(r)
	}
	res := m.Run()
	report := newMatchReport(mo, res, len(recs), n)
	changes, err := mo.keepRun(track, report, rep)
	if err != nil {
		return err
	}

	if mo.report != "" {
		format, _ := reportFormat(mo.report)
		if err := writeAtomically(mo.report, func(w io.Writer) error {
			return report.write(w, format, rep.problems)
		}); err != nil {
			return &exitError{code: ExitInput, message: fmt.Sprintf("%s: %v", mo.report, err)}
		}
	}
	out := newBuffered(mo.io.Out)
	if changes != nil {
		err = changes.write(out, mo.output)
	} else {
		err = report.write(out, mo.output, rep.problems)
	}
	if err != nil {
		return err
	}
	if err := out.flush(); err != nil {
		return err
	}
	if err := rep.result(); err != nil {
		return err
	}
	if changes != nil && changes.needsSomeone() || changes == nil && report.breaks > 0 {
		return errNothingFound // exit 1: breaks found
	}
	return nil
}

// keepRun writes the run's manifest to --manifest and keeps the run in the
// store of --db; with --changes it returns what changed since the
// previous run of the same reconciliation.
func (mo *matchOptions) keepRun(track *runTracker, report *matchReport, rep *reporter) (*runChanges, error) {
	if track == nil {
		return nil, nil
	}
	run := track.manifest(mo, mo.version, mo.io.Now(), report)
	breaks := reportBreaks(report)
	var id int64
	var changes *runChanges
	if mo.db != "" {
		keep := rep.errors == 0
		if !keep {
			rep.report(payment.Warningf(payment.Source{File: store.Redact(mo.db)},
				"this run is not kept in the store: some inputs could not be read completely, so it is no baseline for the next"), "")
		}
		kept, prev, prevBreaks, err := recordRun(mo.db, run, breaks, keep, mo.changes)
		if err != nil {
			return nil, &exitError{code: ExitInput, message: "store: " + err.Error()}
		}
		id = kept
		if mo.changes {
			status := map[string]string{}
			for _, rr := range report.res.Records {
				status[rr.Record.ID] = string(rr.Status)
			}
			changes = compareRuns(id, prev, prevBreaks, breaks, func(id string) string { return status[id] })
		}
	}
	if mo.manifest != "" {
		if err := writeAtomically(mo.manifest, func(w io.Writer) error {
			return writeIndentedJSON(w, newManifestJSON(run, id, rep.errors))
		}); err != nil {
			return nil, &exitError{code: ExitInput, message: fmt.Sprintf("%s: %v", mo.manifest, err)}
		}
	}
	return changes, nil
}

// onRails keeps the records of the rails --rail names (all without it).
func (mo *matchOptions) onRails(recs []*records.Record) []*records.Record {
	if len(mo.rails) == 0 {
		return recs
	}
	return slices.DeleteFunc(recs, func(r *records.Record) bool { return !slices.Contains(mo.rails, r.Rail) })
}

// warnUncheckedRails warns of records whose rail has no event among the
// sources at all: they will all be missing, which usually means a source
// was left out rather than that the money is.
func warnUncheckedRails(rep *reporter, file string, recs []*records.Record, seen map[payment.Rail]bool) {
	count := map[string]int{}
	total := 0
	for _, r := range recs {
		if r.Rail != "" && !anyRailFits(r.Rail, seen) {
			count[r.Rail]++
			total++
		}
	}
	if total == 0 {
		return
	}
	var parts, keep []string
	for _, rail := range sortedKeys(count) {
		parts = append(parts, fmt.Sprintf("%d %s", count[rail], rail))
	}
	for _, rail := range records.Rails() {
		if anyRailFits(rail, seen) {
			keep = append(keep, rail)
		}
	}
	hint := ""
	if len(keep) > 0 {
		hint = "; --rail " + strings.Join(keep, ",") + " leaves them out"
	}
	rep.report(payment.Warningf(payment.Source{File: file},
		"%d records are of rails with no events among the sources (%s): they are reported missing%s",
		total, strings.Join(parts, ", "), hint), file)
}

// anyRailFits reports whether some rail seen among the events can pay a
// record of recordRail.
func anyRailFits(recordRail string, seen map[payment.Rail]bool) bool {
	for rail := range seen {
		if match.RailFits(recordRail, rail) {
			return true
		}
	}
	return false
}

// setMemoryLimit gives the Go runtime a soft memory ceiling, unless
// GOMEMLIMIT sets one: reconciliation keeps every record and event, and
// without a ceiling the heap grows to twice what it holds before the
// garbage is collected. The ceiling is 1350 MiB, raised for inputs large
// enough to need more (about 6.5 times their size on disk).
func setMemoryLimit(recordsFile string, sources []source) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var size int64
	for _, name := range append([]string{recordsFile}, sourceNames(sources)...) {
		if info, err := os.Stat(name); err == nil {
			size += info.Size()
		}
	}
	debug.SetMemoryLimit(max(1350<<20, size*13/2))
}

func sourceNames(sources []source) []string {
	names := make([]string, len(sources))
	for i, s := range sources {
		names[i] = s.name
	}
	return names
}

// readRecords reads the records file, reporting bad rows; nil when the
// file cannot be read at all.
func readRecords(mo *matchOptions, rep *reporter, prog *progress) []*records.Record {
	var mapping *records.Mapping
	if mo.mapping != "" {
		m, err := records.LoadMapping(mo.mapping)
		if err != nil {
			rep.report(err, mo.mapping)
			return nil
		}
		mapping = m
	}
	srcs, problems := expandSources([]string{mo.records}, mo.io.In)
	for _, p := range problems {
		rep.report(p, "")
	}
	prog.attach(srcs)
	var out []*records.Record
	for _, src := range srcs {
		in, closer, err := openSource(src)
		if err != nil {
			rep.report(err, src.name)
			continue
		}
		for r, err := range records.Read(in, src.name, mapping) {
			if err != nil {
				rep.report(err, src.name)
				continue
			}
			out = append(out, r)
		}
		closer.Close()
	}
	return out
}

// reportFormat is the format a report file is written in, by extension.
func reportFormat(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json", nil
	case ".csv":
		return "csv", nil
	case ".xlsx":
		return "xlsx", nil
	case ".txt", "":
		return "table", nil
	}
	return "", fmt.Errorf("%s: want a .json, .csv, .xlsx or .txt file", path)
}

// writeAtomically writes a file through a temporary file in the same
// folder, renamed into place once complete, so that a reader never sees
// half a report.
func writeAtomically(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// matchReport is a reconciliation laid out for output.
type matchReport struct {
	opts    *matchOptions
	res     *match.Result
	records int
	events  int
	summary []statusLine
	breaks  int
}

// statusLine counts the records (or unexpected stories) of one status and
// their money per currency.
type statusLine struct {
	status match.Status
	count  int
	breaks int
	money  map[string]decimal.Decimal
}

func newMatchReport(mo *matchOptions, res *match.Result, nrecords, nevents int) *matchReport {
	r := &matchReport{opts: mo, res: res, records: nrecords, events: nevents}
	lines := map[match.Status]*statusLine{}
	line := func(s match.Status) *statusLine {
		if l, ok := lines[s]; ok {
			return l
		}
		l := &statusLine{status: s, money: map[string]decimal.Decimal{}}
		lines[s] = l
		return l
	}
	for _, rr := range res.Records {
		l := line(rr.Status)
		l.count++
		l.money[rr.Record.Currency] = l.money[rr.Record.Currency].Add(rr.Record.Amount)
		if rr.Break {
			l.breaks++
			r.breaks++
		}
	}
	for _, s := range res.Unexpected {
		l := line(match.StatusUnexpected)
		l.count++
		l.breaks++
		r.breaks++
		l.money[s.Currency()] = l.money[s.Currency()].Add(s.Amount())
	}
	for _, s := range res.Attempts {
		l := line(match.StatusAttempt)
		l.count++
		l.money[s.Currency()] = l.money[s.Currency()].Add(s.Amount())
	}
	for _, s := range match.Statuses {
		if l, ok := lines[s]; ok {
			r.summary = append(r.summary, *l)
		}
	}
	return r
}

func (r *matchReport) write(w io.Writer, format string, problems []*payment.Problem) error {
	switch format {
	case "json":
		return r.writeJSON(w, problems)
	case "csv":
		return r.writeCSV(w)
	case "xlsx":
		return r.writeXLSX(w)
	}
	return r.writeTable(w)
}

// moneyText writes per-currency totals: "1,250.00 USD".
func moneyText(m map[string]decimal.Decimal) string {
	var parts []string
	for _, cur := range sortedKeys(m) {
		parts = append(parts, money(m[cur], cur)+" "+cur)
	}
	return strings.Join(parts, " + ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (r *matchReport) writeTable(w io.Writer) error {
	b := &bytes.Buffer{}
	fmt.Fprintf(b, "Reconciliation as of %s: %d records against %d events (date window %d banking days)\n\n",
		r.opts.today, r.records, r.events, r.opts.window)
	var rows [][]string
	for _, l := range r.summary {
		rows = append(rows, []string{string(l.status), strconv.Itoa(l.count), moneyText(l.money), strconv.Itoa(l.breaks)})
	}
	if err := writeTable(b, []column{{title: "status"}, {title: "count", right: true}, {title: "amount", right: true}, {title: "breaks", right: true}}, rows); err != nil {
		return err
	}
	if r.breaks == 0 {
		fmt.Fprintf(b, "\nNo breaks.\n")
		_, err := w.Write(b.Bytes())
		return err
	}

	fmt.Fprintf(b, "\nBreaks\n")
	rows = rows[:0]
	for _, rr := range r.res.Records {
		if !rr.Break || len(rows) == maxBreakRows {
			continue
		}
		rows = append(rows, []string{rr.Record.ID, string(rr.Status), money(rr.Record.Amount, rr.Record.Currency),
			rr.Record.Name, r.evidenceText(rr), r.why(rr)})
	}
	for _, s := range r.res.Unexpected {
		if len(rows) == maxBreakRows {
			break
		}
		f := storyHead(s)
		rows = append(rows, []string{"(no record)", string(match.StatusUnexpected), money(s.Amount(), s.Currency()),
			f.Name, r.storyText(s), unexpectedWhy(s)})
	}
	if err := writeTable(b, []column{{title: "record"}, {title: "status"}, {title: "amount", right: true}, {title: "name"},
		{title: "evidence"}, {title: "why"}}, rows); err != nil {
		return err
	}
	if r.breaks > len(rows) {
		fmt.Fprintf(b, "... and %d more breaks: -o csv, -o json or --report list them all\n", r.breaks-len(rows))
	}
	_, err := w.Write(b.Bytes())
	return err
}

func storyHead(s *match.Story) *match.Evidence {
	if s.Forward != nil {
		return s.Forward
	}
	return s.Events[0]
}

// unexpectedWhy says why a story no record claims is a break, with the
// references a record could have named it by.
func unexpectedWhy(s *match.Story) string {
	return "no record claims this " + kindWord(s) + "; " + refsText(storyHead(s))
}

func kindWord(s *match.Story) string {
	if s.Forward != nil {
		return "payment"
	}
	return string(s.Events[0].Kind)
}

// refsText lists an event's references: "individual_id DEP-1, trace 0740…".
func refsText(e *match.Evidence) string {
	var parts []string
	for _, r := range e.Refs() {
		parts = append(parts, strings.ReplaceAll(r.Name, "_", " ")+" "+r.Value)
	}
	return strings.Join(parts, ", ")
}

// storyText is a story in one line: where the payment is and what
// followed it ("deposits.ach:3 → R01 returns.ach:3 → reversal rev.ach:3").
func (r *matchReport) storyText(s *match.Story) string {
	var parts []string
	for _, e := range s.Events {
		switch {
		case e == s.Forward:
			parts = append(parts, e.Source.String())
		case e.Code != "":
			parts = append(parts, e.Code+" "+e.Source.String())
		default:
			parts = append(parts, string(e.Kind)+" "+e.Source.String())
		}
	}
	return strings.Join(parts, " → ")
}

func (r *matchReport) evidenceText(rr *match.RecordResult) string {
	switch {
	case rr.Story != nil:
		return r.storyText(rr.Story)
	case len(rr.Ambiguous) > 0:
		var parts []string
		for _, s := range rr.Ambiguous {
			parts = append(parts, storyHead(s).Source.String())
		}
		return strings.Join(parts, " or ")
	}
	return "none"
}

// why says in one line why a record is a break.
func (r *matchReport) why(rr *match.RecordResult) string {
	rec := rr.Record
	var parts []string
	switch rr.Status {
	case match.StatusMissing:
		parts = append(parts, fmt.Sprintf("no payment found within %d banking days", r.opts.window))
	case match.StatusPending:
		if d := rr.ExpectedSettlement; !d.IsZero() {
			parts = append(parts, "no payment yet: expected to settle by "+d.String())
		}
	case match.StatusAmbiguous:
		switch {
		case len(rr.Ambiguous) > 1:
			parts = append(parts, fmt.Sprintf("%d payments fit equally well; not guessed", len(rr.Ambiguous)))
		case len(rr.Rivals) > 0:
			parts = append(parts, "fits the same payment as "+strings.Join(rr.Rivals, ", ")+" equally well; not guessed")
		}
	case match.StatusAmountMismatch:
		parts = append(parts, fmt.Sprintf("the payment is %s, the record %s", money(rr.Story.Amount(), rr.Story.Currency()), money(rec.Amount, rec.Currency)))
	case match.StatusDuplicate:
		if rr.DuplicateOf != "" {
			parts = append(parts, "the same payment is already recorded as "+rr.DuplicateOf)
		}
		for _, d := range rr.Duplicates {
			if d.Outcome == match.StatusMatched {
				parts = append(parts, "paid again at "+storyHead(d).Source.String())
			}
		}
	}
	if rr.Conflict != "" {
		parts = append(parts, rr.Conflict)
	}
	switch nm := rr.NearMiss; {
	case nm != nil:
		parts = append(parts, "nearest: "+storyHead(nm.Story).Source.String()+" ("+strings.Join(nm.Failed, "; ")+")")
	case rr.Status == match.StatusMissing:
		parts = append(parts, "nothing similar in the evidence")
	}
	return strings.Join(parts, "; ")
}

// matchedBy says how a record found its story: "reference DEP-1" or
// "amount, date, name and account (score 87)".
func matchedBy(rr *match.RecordResult) string {
	switch rr.Method {
	case match.ByReference:
		return "reference " + rr.MatchedRef
	case match.ByScore:
		return fmt.Sprintf("amount, date, name and account (score %d)", rr.Score)
	}
	return ""
}

// maxBreakRows bounds the breaks table: beyond it, people want a file.
const maxBreakRows = 1000

// matchCSVHeader is the column list of match -o csv: one row per record,
// then one per unexpected story. Columns are only ever added at the end.
var matchCSVHeader = []string{
	"record_id", "customer_id", "type", "rail", "amount", "currency", "created_at", "record_status",
	"status", "break", "conflict", "matched_by", "score", "outcome", "events", "duplicate_of", "duplicates",
	"ambiguous", "near_miss", "near_miss_failed", "notes", "attempts", "expected_settlement",
}

func (r *matchReport) writeCSV(w io.Writer) error {
	rows := newCSVRows(w, matchCSVHeader)
	for _, rr := range r.res.Records {
		rows.write(r.csvRow(rr))
	}
	for _, s := range r.res.Unexpected {
		rows.write(r.unexpectedRow(s))
	}
	for _, s := range r.res.Attempts {
		rows.write(r.attemptRow(s))
	}
	return rows.flush()
}

// unexpectedRow is an unexpected story in matchCSVHeader's columns.
func (r *matchReport) unexpectedRow(s *match.Story) []string {
	return r.unclaimedRow(s, match.StatusUnexpected, true)
}

// attemptRow is a card attempt no record claims in matchCSVHeader's
// columns: listed, never a break.
func (r *matchReport) attemptRow(s *match.Story) []string {
	return r.unclaimedRow(s, match.StatusAttempt, false)
}

// unclaimedRow is a story no record claims, with its status and break.
func (r *matchReport) unclaimedRow(s *match.Story, status match.Status, brk bool) []string {
	return []string{"", "", "", string(storyHead(s).Rail), payment.FormatAmount(s.Amount(), s.Currency()), s.Currency(), "", "",
		string(status), strconv.FormatBool(brk), "", "", "", string(s.Outcome), r.storyText(s), "", "", "", "", "", strings.Join(s.Notes(), "; "), "", ""}
}

func (r *matchReport) csvRow(rr *match.RecordResult) []string {
	rec := rr.Record
	var outcome, events, notes string
	if rr.Story != nil {
		outcome, events, notes = string(rr.Story.Outcome), r.storyText(rr.Story), strings.Join(rr.Story.Notes(), "; ")
	}
	var dups, amb, tries []string
	for _, d := range rr.Duplicates {
		dups = append(dups, storyHead(d).Source.String())
	}
	for _, a := range rr.Attempts {
		tries = append(tries, storyHead(a).Source.String())
	}
	for _, a := range rr.Ambiguous {
		amb = append(amb, storyHead(a).Source.String())
	}
	var near, failed string
	if nm := rr.NearMiss; nm != nil {
		near, failed = storyHead(nm.Story).Source.String(), strings.Join(nm.Failed, "; ")
	}
	score := ""
	if rr.Score > 0 {
		score = strconv.Itoa(rr.Score)
	}
	return []string{
		rec.ID, rec.CustomerID, string(rec.Type), rec.Rail, payment.FormatAmount(rec.Amount, rec.Currency), rec.Currency,
		rec.CreatedAt.Format("2006-01-02T15:04:05Z07:00"), rec.Status,
		string(rr.Status), strconv.FormatBool(rr.Break), rr.Conflict, matchedBy(rr), score, outcome, events,
		rr.DuplicateOf, strings.Join(dups, " "), strings.Join(amb, " "), near, failed, notes, strings.Join(tries, " "),
		rr.ExpectedSettlement.String(),
	}
}

func (r *matchReport) writeJSON(w io.Writer, problems []*payment.Problem) error {
	out := newJSONOut(w)
	out.raw(`{"as_of":`)
	out.str(r.opts.today.String())
	out.raw(`,"window":`)
	out.int(r.opts.window)
	out.raw(`,"records_read":`)
	out.int(r.records)
	out.raw(`,"events_read":`)
	out.int(r.events)
	out.raw(`,"breaks":`)
	out.int(r.breaks)
	out.raw(`,"summary":[`)
	for i, l := range r.summary {
		if i > 0 {
			out.raw(",")
		}
		out.raw("\n{\"status\":")
		out.str(string(l.status))
		out.raw(`,"count":`)
		out.int(l.count)
		out.raw(`,"breaks":`)
		out.int(l.breaks)
		out.raw(`,"amounts":[`)
		for j, cur := range sortedKeys(l.money) {
			if j > 0 {
				out.raw(",")
			}
			out.raw(`{"currency":`)
			out.str(cur)
			out.raw(`,"amount":`)
			out.str(payment.FormatAmount(l.money[cur], cur))
			out.raw("}")
		}
		out.raw("]}")
	}
	out.raw("\n],\"records\":[")
	for i, rr := range r.res.Records {
		if i > 0 {
			out.raw(",")
		}
		out.raw("\n")
		r.recordJSON(out, rr)
	}
	out.raw("\n],\"unexpected\":[")
	for i, s := range r.res.Unexpected {
		if i > 0 {
			out.raw(",")
		}
		out.raw("\n")
		r.storyJSON(out, s)
	}
	out.raw("\n],\"attempts\":[")
	for i, s := range r.res.Attempts {
		if i > 0 {
			out.raw(",")
		}
		out.raw("\n")
		r.storyJSON(out, s)
	}
	out.raw("\n],")
	out.problems(problems)
	out.raw("}\n")
	return out.flush()
}

func (r *matchReport) recordJSON(out *jsonOut, rr *match.RecordResult) {
	rec := rr.Record
	out.raw(`{"record":{"id":`)
	out.str(rec.ID)
	for _, kv := range [][2]string{
		{"customer_id", rec.CustomerID}, {"type", string(rec.Type)}, {"rail", rec.Rail},
		{"amount", payment.FormatAmount(rec.Amount, rec.Currency)}, {"currency", rec.Currency},
		{"created_at", rec.CreatedAt.Format("2006-01-02T15:04:05Z07:00")}, {"status", rec.Status},
		{"reference", rec.Reference}, {"account_last4", rec.AccountLast4}, {"name", rec.Name},
	} {
		out.raw(`,"` + kv[0] + `":`)
		out.str(kv[1])
	}
	out.raw(`,"source":{"file":`)
	out.str(rec.Source.File)
	out.raw(`,"line":`)
	out.int(rec.Source.Line)
	out.raw(`}},"status":`)
	out.str(string(rr.Status))
	out.raw(`,"break":` + strconv.FormatBool(rr.Break) + `,"conflict":`)
	out.str(rr.Conflict)
	out.raw(`,"matched_by":`)
	out.str(matchedBy(rr))
	out.raw(`,"score":`)
	out.int(rr.Score)
	out.raw(`,"why":`)
	out.str(r.why(rr))
	out.raw(`,"expected_settlement":`)
	if rr.ExpectedSettlement.IsZero() {
		out.raw("null")
	} else {
		out.str(rr.ExpectedSettlement.String())
	}
	out.raw(`,"story":`)
	if rr.Story == nil {
		out.raw("null")
	} else {
		r.storyJSON(out, rr.Story)
	}
	out.raw(`,"duplicate_of":`)
	out.str(rr.DuplicateOf)
	out.raw(`,"duplicates":[`)
	for i, d := range rr.Duplicates {
		if i > 0 {
			out.raw(",")
		}
		r.storyJSON(out, d)
	}
	out.raw(`],"attempts":[`)
	for i, a := range rr.Attempts {
		if i > 0 {
			out.raw(",")
		}
		r.storyJSON(out, a)
	}
	out.raw(`],"ambiguous":[`)
	for i, a := range rr.Ambiguous {
		if i > 0 {
			out.raw(",")
		}
		r.storyJSON(out, a)
	}
	out.raw(`],"near_miss":`)
	if nm := rr.NearMiss; nm == nil {
		out.raw("null")
	} else {
		out.raw(`{"story":`)
		r.storyJSON(out, nm.Story)
		out.raw(`,"failed":[`)
		for i, f := range nm.Failed {
			if i > 0 {
				out.raw(",")
			}
			out.str(f)
		}
		out.raw("]}")
	}
	out.raw("}")
}

// storyJSON writes a story: its outcome, notes and events in time order.
func (r *matchReport) storyJSON(out *jsonOut, s *match.Story) {
	out.raw(`{"outcome":`)
	out.str(string(s.Outcome))
	out.raw(`,"notes":[`)
	for i, n := range s.Notes() {
		if i > 0 {
			out.raw(",")
		}
		out.str(n)
	}
	out.raw(`],"events":[`)
	for i, e := range s.Events {
		if i > 0 {
			out.raw(",")
		}
		out.raw(`{"rail":`)
		out.str(string(e.Rail))
		out.raw(`,"kind":`)
		out.str(string(e.Kind))
		out.raw(`,"direction":`)
		out.str(string(e.Direction))
		out.raw(`,"amount":`)
		out.str(payment.FormatAmount(e.Amount, e.Currency))
		out.raw(`,"currency":`)
		out.str(e.Currency)
		out.raw(`,"settlement_date":`)
		if d := e.Day(); d.IsZero() {
			out.raw("null")
		} else {
			out.str(d.String())
		}
		for _, kv := range [][2]string{{"code", e.Code}, {"name", e.Name}, {"account", r.opts.evidenceAccount(e)}} {
			out.raw(`,"` + kv[0] + `":`)
			out.str(kv[1])
		}
		out.raw(`,"refs":{`)
		for i, ref := range e.Refs() {
			if i > 0 {
				out.raw(",")
			}
			out.str(ref.Name)
			out.raw(":")
			out.str(ref.Value)
		}
		out.raw(`},"original_refs":{`)
		for i, ref := range e.Originals() {
			if i > 0 {
				out.raw(",")
			}
			out.str(ref.Name)
			out.raw(":")
			out.str(ref.Value)
		}
		out.raw("}")
		out.raw(`,"source":{"file":`)
		out.str(e.Source.File)
		out.raw(`,"line":`)
		out.int(e.Source.Line)
		out.raw("}}")
	}
	out.raw("]}")
}

// writeXLSX writes the report as a workbook: a summary sheet, then the
// records and the unexpected stories in the CSV's columns.
func (r *matchReport) writeXLSX(w io.Writer) error {
	book := excelize.NewFile()
	defer book.Close()
	summary := [][]string{{"status", "count", "amount", "breaks"}}
	for _, l := range r.summary {
		summary = append(summary, []string{string(l.status), strconv.Itoa(l.count), moneyText(l.money), strconv.Itoa(l.breaks)})
	}
	recs := [][]string{matchCSVHeader}
	for _, rr := range r.res.Records {
		recs = append(recs, r.csvRow(rr))
	}
	unexpected := [][]string{matchCSVHeader}
	for _, s := range r.res.Unexpected {
		unexpected = append(unexpected, r.unexpectedRow(s))
	}
	for _, s := range r.res.Attempts {
		unexpected = append(unexpected, r.attemptRow(s))
	}
	if err := book.SetSheetName("Sheet1", "Summary"); err != nil {
		return err
	}
	for _, sheet := range []struct {
		name string
		rows [][]string
	}{{"Summary", summary}, {"Records", recs}, {"Unexpected", unexpected}} {
		if sheet.name != "Summary" {
			if _, err := book.NewSheet(sheet.name); err != nil {
				return err
			}
		}
		for i, row := range sheet.rows {
			cells := make([]any, len(row))
			for j, v := range row {
				cells[j] = v
			}
			cell, err := excelize.CoordinatesToCellName(1, i+1)
			if err != nil {
				return err
			}
			if err := book.SetSheetRow(sheet.name, cell, &cells); err != nil {
				return err
			}
		}
	}
	return book.Write(w)
}

// addStoredEvents hands add every event of the history store at path and
// returns how many there were.
func addStoredEvents(path string, add func(*payment.Event)) (int, error) {
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	n := 0
	for stored, err := range st.Events(ctx, store.Filter{}) {
		if err != nil {
			return n, err
		}
		add(stored.Event)
		n++
	}
	return n, nil
}
