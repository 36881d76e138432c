package ach

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/fixtures/table"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// fixtureEntry is one row of the "Every entry" table of
// fixtures/ach/README.md, which is hand-checked. The README calls forward
// entries "debit" or "credit"; they are kind payment. direction is not in
// the README: it is the effect on the company's account (a deposit pulled
// from a customer is a credit, a payout and the return of a deposit are
// debits, a NOC moves no money).
type fixtureEntry struct {
	file         string
	line         int
	kind         payment.Kind
	direction    payment.Direction
	sec          string
	tc           int
	amount       string
	name         string
	individualID string
	trace        string
	rdfi         string // entry positions 4–12
	account      string
	code         string
	// originalTrace of a reversal is not in the record: the reversal is
	// linked to it by Originals.
	originalTrace    string
	countedFrom      string
	settlement       string
	bdAfter          string
	deadline         string
	timely           string // "yes", "no" or ""
	dishonorDeadline string
	nocDue           string
}

// answers reports whether the entry answers another one (return, NOC,
// dishonor, contest or reversal).
func (f fixtureEntry) answers() bool { return f.kind != payment.KindPayment }

func (f fixtureEntry) where() string { return fmt.Sprintf("%s:%d", f.file, f.line) }

var fixtureEntries = []fixtureEntry{
	// file, line, kind, direction, SEC, TC, amount, name, individual ID, trace, RDFI, account, code,
	// original trace, counted from, settlement, BD after, deadline, timely, dishonor deadline, NOC due
	{"2026-11-09-deposits.ach", 3, payment.KindPayment, payment.Credit, "WEB", 27, "2500.00", "MARIA GONZALEZ", "DEP-2611090001", "074012501109001", "044003474", "4410029381", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 4, payment.KindPayment, payment.Credit, "WEB", 27, "1000.00", "DAVID CHEN", "DEP-2611090002", "074012501109002", "061104974", "20557193", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 5, payment.KindPayment, payment.Credit, "WEB", 37, "750.25", "PRIYA PATEL", "DEP-2611090003", "074012501109003", "061104974", "7001845522", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 6, payment.KindPayment, payment.Credit, "WEB", 27, "5000.00", "ROBERT JOHNSON", "DEP-2611090004", "074012501109004", "107105387", "3310077425", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 7, payment.KindPayment, payment.Credit, "WEB", 27, "320.40", "AISHA MOHAMMED", "DEP-2611090005", "074012501109005", "113006726", "3398117204", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 8, payment.KindPayment, payment.Credit, "WEB", 27, "12000.00", "THOMAS WRIGHT", "DEP-2611090006", "074012501109006", "044003474", "4410188042", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 9, payment.KindPayment, payment.Credit, "WEB", 27, "25.00", "EMILY NGUYEN", "DEP-2611090007", "074012501109007", "122035186", "918273645", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 10, payment.KindPayment, payment.Credit, "WEB", 27, "8250.00", "CARLOS RIVERA", "DEP-2611090008", "074012501109008", "061104974", "20561138", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 11, payment.KindPayment, payment.Credit, "WEB", 27, "1499.99", "SARAH KOWALSKI", "DEP-2611090009", "074012501109009", "107105387", "3310092716", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 12, payment.KindPayment, payment.Credit, "WEB", 27, "600.00", "MICHAEL OKAFOR", "DEP-2611090010", "074012501109010", "122035186", "918004512", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 15, payment.KindPayment, payment.Credit, "PPD", 27, "200.00", "LINDA PARK", "DEP-2611090011", "074012501109011", "031904227", "600123987", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 16, payment.KindPayment, payment.Credit, "PPD", 27, "150.00", "KEVIN BROOKS", "DEP-2611090012", "074012501109012", "107105387", "8812004417", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 17, payment.KindPayment, payment.Credit, "PPD", 27, "500.00", "ANGELA MARTIN", "DEP-2611090013", "074012501109013", "113006726", "3398205561", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 18, payment.KindPayment, payment.Credit, "PPD", 27, "250.00", "DAVID CHEN", "DEP-2611090014", "074012501109014", "061104974", "20557193", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-09-deposits.ach", 21, payment.KindPayment, payment.Credit, "CCD", 27, "25000.00", "BLUE HERON LLC", "DEP-2611090015", "074012501109015", "122035186", "9100004477120", "", "", "", "2026-11-10", "", "", "", "", ""},
	{"2026-11-10-withdrawals.ach", 3, payment.KindPayment, payment.Debit, "PPD", 22, "400.00", "DAVID CHEN", "WDR-2611100001", "074012501110001", "061104974", "20557193", "", "", "", "2026-11-12", "", "", "", "", ""},
	{"2026-11-10-withdrawals.ach", 4, payment.KindPayment, payment.Debit, "PPD", 22, "1250.00", "JENNIFER LOPEZ", "WDR-2611100002", "074012501110002", "122035186", "918339021", "", "", "", "2026-11-12", "", "", "", "", ""},
	{"2026-11-10-withdrawals.ach", 5, payment.KindPayment, payment.Debit, "PPD", 22, "3000.00", "WILLIAM TURNER", "WDR-2611100003", "074012501110003", "107105387", "3310110394", "", "", "", "2026-11-12", "", "", "", "", ""},
	{"2026-11-10-withdrawals.ach", 6, payment.KindPayment, payment.Debit, "PPD", 22, "980.50", "SARAH KOWALSKI", "WDR-2611100004", "074012501110004", "107105387", "3310092716", "", "", "", "2026-11-12", "", "", "", "", ""},
	{"2026-11-10-withdrawals.ach", 7, payment.KindPayment, payment.Debit, "PPD", 22, "980.50", "SARAH KOWALSKI", "WDR-2611100004A", "074012501110005", "107105387", "3310092716", "", "", "", "2026-11-12", "", "", "", "", ""},
	{"2026-11-10-withdrawals.ach", 8, payment.KindPayment, payment.Debit, "PPD", 22, "75.00", "EMILY NGUYEN", "WDR-2611100005", "074012501110006", "122035186", "918273645", "", "", "", "2026-11-12", "", "", "", "", ""},
	{"2026-11-12-returns.ach", 3, payment.KindReturn, payment.Debit, "WEB", 26, "2500.00", "MARIA GONZALEZ", "DEP-2611090001", "044003470004411", "074012503", "4410029381", "R01", "074012501109001", "2026-11-10", "2026-11-12", "1", "2026-11-13", "yes", "2026-11-19", ""},
	{"2026-11-12-returns.ach", 5, payment.KindReturn, payment.Debit, "WEB", 26, "12000.00", "THOMAS WRIGHT", "DEP-2611090006", "044003470004412", "074012503", "4410188042", "R10", "074012501109006", "2026-11-10", "2026-11-12", "1", "2027-01-11", "yes", "2026-11-19", ""},
	{"2026-11-12-returns.ach", 9, payment.KindReturn, payment.Debit, "WEB", 36, "750.25", "PRIYA PATEL", "DEP-2611090003", "061104970018730", "074012503", "7001845522", "R02", "074012501109003", "2026-11-10", "2026-11-12", "1", "2026-11-13", "yes", "2026-11-19", ""},
	{"2026-11-12-returns.ach", 11, payment.KindReturn, payment.Debit, "WEB", 26, "8250.00", "CARLOS RIVERA", "DEP-2611090008", "061104970018731", "074012503", "20561138", "R16", "074012501109008", "2026-11-10", "2026-11-12", "1", "2026-11-13", "yes", "2026-11-19", ""},
	{"2026-11-12-returns.ach", 15, payment.KindReturn, payment.Debit, "WEB", 26, "5000.00", "ROBERT JOHNSON", "DEP-2611090004", "107105380102255", "074012503", "3310077425", "R03", "074012501109004", "2026-11-10", "2026-11-12", "1", "2026-11-13", "yes", "2026-11-19", ""},
	{"2026-11-12-returns.ach", 19, payment.KindReturn, payment.Debit, "CCD", 26, "25000.00", "BLUE HERON LLC", "DEP-2611090015", "122035180000871", "074012503", "9100004477120", "R29", "074012501109015", "2026-11-10", "2026-11-12", "1", "2026-11-13", "yes", "2026-11-19", ""},
	{"2026-11-12-noc.ach", 3, payment.KindNOC, "", "COR", 26, "0.00", "AISHA MOHAMMED", "DEP-2611090005", "113006720007702", "074012503", "3398117204", "C01", "074012501109005", "2026-11-10", "2026-11-12", "1", "2026-11-13", "yes", "", "2026-11-20"},
	{"2026-11-12-noc.ach", 7, payment.KindNOC, "", "COR", 26, "0.00", "LINDA PARK", "DEP-2611090011", "031904220051009", "074012503", "600123987", "C02", "074012501109011", "2026-11-10", "2026-11-12", "1", "2026-11-13", "yes", "", "2026-11-20"},
	{"2026-11-12-noc.ach", 11, payment.KindNOC, "", "COR", 26, "0.00", "KEVIN BROOKS", "DEP-2611090012", "107105380102261", "074012503", "8812004417", "C05", "074012501109012", "2026-11-10", "2026-11-12", "1", "2026-11-13", "yes", "", "2026-11-20"},
	{"2026-11-13-sameday-withdrawals.ach", 3, payment.KindPayment, payment.Debit, "PPD", 22, "300.00", "AISHA MOHAMMED", "WDR-2611130001", "074012501113001", "113006726", "003398117204", "", "", "", "2026-11-13", "", "", "", "", ""},
	{"2026-11-13-sameday-withdrawals.ach", 4, payment.KindPayment, payment.Debit, "PPD", 22, "180.00", "LINDA PARK", "WDR-2611130002", "074012501113002", "044003474", "600123987", "", "", "", "2026-11-13", "", "", "", "", ""},
	{"2026-11-13-sameday-withdrawals.ach", 5, payment.KindPayment, payment.Debit, "PPD", 22, "2150.75", "MICHAEL OKAFOR", "WDR-2611130003", "074012501113003", "122035186", "918004512", "", "", "", "2026-11-13", "", "", "", "", ""},
	{"2026-11-13-reversal.ach", 3, payment.KindReversal, payment.Credit, "PPD", 27, "980.50", "SARAH KOWALSKI", "WDR-2611100004A", "074012501113004", "107105387", "3310092716", "", "074012501110005", "2026-11-12", "2026-11-16", "2", "2026-11-19", "yes", "", ""},
	{"2026-11-16-returns.ach", 3, payment.KindReturn, payment.Debit, "PPD", 26, "500.00", "ANGELA MARTIN", "DEP-2611090013", "113006720007745", "074012503", "3398205561", "R01", "074012501109013", "2026-11-10", "2026-11-16", "3", "2026-11-13", "no", "2026-11-23", ""},
	{"2026-11-16-returns.ach", 7, payment.KindReturn, payment.Credit, "PPD", 21, "3000.00", "WILLIAM TURNER", "WDR-2611100003", "107105380102398", "074012503", "3310110394", "R03", "074012501110003", "2026-11-12", "2026-11-16", "2", "2026-11-16", "yes", "2026-11-23", ""},
	{"2026-11-18-dishonored.ach", 3, payment.KindDishonoredReturn, payment.Credit, "PPD", 26, "500.00", "ANGELA MARTIN", "DEP-2611090013", "074012501118001", "113006726", "3398205561", "R68", "074012501109013", "2026-11-16", "2026-11-18", "2", "2026-11-23", "yes", "", ""},
	{"2026-11-20-contested.ach", 3, payment.KindContestedDishonoredReturn, payment.Debit, "PPD", 26, "500.00", "ANGELA MARTIN", "DEP-2611090013", "113006720007790", "074012503", "3398205561", "R73", "074012501109013", "2026-11-18", "2026-11-20", "2", "2026-11-20", "yes", "", ""},
}

// fixtureFiles are the nine files of fixtures/ach, in the order a folder
// lists them.
var fixtureFiles = []string{
	"2026-11-09-deposits.ach",
	"2026-11-10-withdrawals.ach",
	"2026-11-12-noc.ach",
	"2026-11-12-returns.ach",
	"2026-11-13-reversal.ach",
	"2026-11-13-sameday-withdrawals.ach",
	"2026-11-16-returns.ach",
	"2026-11-18-dishonored.ach",
	"2026-11-20-contested.ach",
}

const fixturesDir = "../fixtures/ach"

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return data
}

// fixtureByTrace finds the table row of the entry with trace.
func fixtureByTrace(t *testing.T, trace string) fixtureEntry {
	t.Helper()
	for _, f := range fixtureEntries {
		if f.trace == trace {
			return f
		}
	}
	t.Fatalf("no fixture entry has trace %s", trace)
	return fixtureEntry{}
}

func TestFixtureFilesAreTheNine(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(fixturesDir, "*.ach"))
	require.NoError(t, err)
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
	}
	assert.Equal(t, fixtureFiles, names)
	assert.Len(t, fixtureEntries, 38, "the README counts 38 entries")
}

// TestFixtureTableMatchesREADME keeps fixtureEntries equal to the README
// table it was copied from.
func TestFixtureTableMatchesREADME(t *testing.T) {
	rows, err := table.Read(filepath.Join(fixturesDir, "README.md"), "File", "Line", "Kind")
	require.NoError(t, err, "README's \"Every entry\" table")
	require.Len(t, rows, len(fixtureEntries))
	kinds := map[string]payment.Kind{
		"debit": payment.KindPayment, "credit": payment.KindPayment, "return": payment.KindReturn,
		"noc": payment.KindNOC, "reversal": payment.KindReversal, "dishonored": payment.KindDishonoredReturn,
		"contested": payment.KindContestedDishonoredReturn,
	}
	for i, r := range rows {
		f := fixtureEntries[i]
		kind, _, _ := strings.Cut(r.Get("Kind"), " ")
		origTrace, _, _ := strings.Cut(r.Get("Original trace"), " ")
		got := []string{
			r.Get("File"), r.Get("Line"), string(kinds[kind]), r.Get("SEC"), r.Get("TC"), r.Get("Amount"), r.Get("Name"),
			r.Get("Individual ID"), r.Get("Trace"), r.Get("RDFI"), r.Get("Account"), r.Get("Code"), origTrace,
			r.Get("Counted from"), r.Get("Settlement"), r.Get("BD after"), r.Get("Deadline"),
			strings.Trim(r.Get("Timely"), "*"), r.Get("Dishonor deadline"), r.Get("NOC due"),
		}
		want := []string{
			f.file, strconv.Itoa(f.line), string(f.kind), f.sec, strconv.Itoa(f.tc), f.amount, f.name, f.individualID,
			f.trace, f.rdfi, f.account, f.code, f.originalTrace, f.countedFrom, f.settlement, f.bdAfter, f.deadline,
			f.timely, f.dishonorDeadline, f.nocDue,
		}
		assert.Equal(t, want, got, "README row %d: %s", i+1, r)
	}
}

// TestFixturesEveryEntry reads each fixture file and checks every entry
// against the README table, and that nothing is wrong with the files.
func TestFixturesEveryEntry(t *testing.T) {
	for _, file := range fixtureFiles {
		t.Run(file, func(t *testing.T) {
			data := readFile(t, filepath.Join(fixturesDir, file))
			res := readBytes(t, data, file)
			assert.Empty(t, res.problems, "no problems expected:%s", res)

			var want []fixtureEntry
			for _, f := range fixtureEntries {
				if f.file == file {
					want = append(want, f)
				}
			}
			require.Len(t, res.entries, len(want), "entries at lines %v", entryLines(res.entries))

			// Events gives the same events as the entries.
			var events []*payment.Event
			for ev, err := range Events(bytes.NewReader(data), file) {
				require.NoError(t, err)
				events = append(events, ev)
			}
			require.Len(t, events, len(want))

			for i, w := range want {
				e, ev := res.entries[i], events[i]
				t.Run(strconv.Itoa(w.line), func(t *testing.T) {
					assert.Equal(t, e.Event(), ev, "Events and Entry.Event differ")
					assertFixtureEntry(t, w, e, ev)
				})
			}
		})
	}
}

func assertFixtureEntry(t *testing.T, w fixtureEntry, e *Entry, ev *payment.Event) {
	t.Helper()
	assert.Equal(t, payment.Source{File: w.file, Line: w.line}, e.Source)
	assert.Equal(t, payment.Source{File: w.file, Line: w.line}, ev.Source)
	assert.Equal(t, w.kind, e.Kind())
	assert.Equal(t, w.kind, ev.Kind)
	assert.Equal(t, w.direction, ev.Direction, "direction")
	assert.Equal(t, payment.RailACH, ev.Rail)
	assert.Equal(t, "nacha", ev.Format)
	assert.Equal(t, "USD", ev.Currency)
	require.NotNil(t, ev.ACH)
	assert.Equal(t, w.sec, ev.ACH.SECCode)
	assert.Equal(t, w.tc, ev.ACH.TransactionCode)
	assert.Equal(t, w.tc, e.TransactionCode)
	assert.Equal(t, w.amount, ev.Amount.StringFixed(2))
	assert.Equal(t, w.name, ev.Party.Name)
	assert.Equal(t, w.individualID, ev.Refs.IndividualID)
	assert.Equal(t, w.trace, ev.Refs.Trace)
	assert.Equal(t, w.rdfi, e.Routing(), "entry positions 4–12")
	assert.Equal(t, w.account, ev.Party.Account)
	assert.Equal(t, w.settlement, ev.SettlementDate.String())
	assert.Equal(t, mustDate(t, w.settlement), ev.SettlementDate)

	// Files the company sends carry no settlement date; the ACH Operator's do.
	forward := w.kind == payment.KindPayment || w.kind == payment.KindReversal
	assert.Equal(t, forward, ev.SettlementEstimated, "settlement estimated")
	assert.Equal(t, w.file == "2026-11-13-sameday-withdrawals.ach", ev.ACH.SameDay, "same day")
	assert.Equal(t, "1470012345", ev.ACH.CompanyID)
	assert.Equal(t, "NORTHWIND INVEST", ev.ACH.CompanyName)

	if w.code == "" {
		assert.Nil(t, ev.Reason, "reason")
	} else if assert.NotNil(t, ev.Reason, "reason") {
		assert.Equal(t, w.code, ev.Reason.Code)
		assert.Equal(t, w.code, e.ReasonCode())
		assert.True(t, ev.Reason.Known, "%s is a Nacha code", w.code)
		assert.NotEmpty(t, ev.Reason.Title)
		scheme := "nacha_return"
		if w.kind == payment.KindNOC {
			scheme = "nacha_change"
		}
		assert.Equal(t, scheme, ev.Reason.Scheme)
	}

	if !w.answers() {
		assert.Empty(t, ev.Refs.OriginalTrace)
		assert.Equal(t, w.rdfi, ev.Party.Routing, "a forward entry's customer bank is its RDFI")
		return
	}
	if w.kind == payment.KindReversal {
		assert.Empty(t, ev.Refs.OriginalTrace, "the reversal record does not name the entry it reverses")
		assert.Equal(t, w.rdfi, ev.Party.Routing)
		return
	}
	assert.Equal(t, w.originalTrace, ev.Refs.OriginalTrace)
	// A return, NOC, dishonor or contest travels between the banks: the
	// customer's bank is the original entry's receiving bank.
	orig := fixtureByTrace(t, w.originalTrace)
	assert.Equal(t, orig.rdfi, ev.Party.Routing, "customer's bank is the original RDFI %s", orig.where())
	assert.Equal(t, orig.rdfi[:8], ev.ACH.OriginalDFI)
	assert.Equal(t, orig.account, ev.Party.Account)
	if w.kind != payment.KindNOC { // a NOC carries no money
		assert.Equal(t, orig.amount, ev.Amount.StringFixed(2))
	}
}

// TestFixturesDating dates the answers the way "payinv ach returns" does:
// every event of the nine files goes into one Originals, then each return,
// NOC, dishonor, contest and reversal is dated against it.
func TestFixturesDating(t *testing.T) {
	originals := NewOriginals()
	var answers []*payment.Event
	for _, e := range readFixtureEntries(t) {
		originals.Add(e)
		ev := e.Event()
		switch ev.Kind {
		case payment.KindReturn, payment.KindNOC, payment.KindRefusedNOC, payment.KindDishonoredReturn,
			payment.KindContestedDishonoredReturn, payment.KindReversal:
			answers = append(answers, ev)
		default:
			// Forward entries are not dated against anything.
			before := ev.Timing
			assert.Equal(t, Link{}, originals.Date(ev, settlement.Fed))
			assert.Equal(t, before, ev.Timing)
		}
	}

	want := map[string]fixtureEntry{}
	for _, f := range fixtureEntries {
		if f.answers() {
			want[f.where()] = f
		}
	}
	require.Len(t, answers, len(want))

	for _, ev := range answers {
		w, ok := want[ev.Source.String()]
		require.True(t, ok, "unexpected answer at %s", ev.Source)
		t.Run(w.where(), func(t *testing.T) {
			// Dishonored and contested returns are dated by the reader
			// against the return or dishonor they answer.
			if w.kind == payment.KindDishonoredReturn || w.kind == payment.KindContestedDishonoredReturn {
				assertAnswerTiming(t, w, ev)
			}
			// Only the contested return's addenda carries the original
			// entry's settlement date (Julian 314).
			want := payment.Date{}
			if w.kind == payment.KindContestedDishonoredReturn {
				want = mustDate(t, "2026-11-10")
			}
			assert.Equal(t, want, ev.Timing.OriginalSettlementDate, "before dating")

			link := originals.Date(ev, settlement.Fed)

			origTrace := w.originalTrace
			orig := fixtureByTrace(t, origTrace)
			assert.Equal(t, Link{Original: payment.Source{File: orig.file, Line: orig.line}, Candidates: 1}, link)
			assert.Equal(t, origTrace, ev.Refs.OriginalTrace)
			assert.Equal(t, mustDate(t, orig.settlement), ev.Timing.OriginalSettlementDate,
				"settlement of the original entry %s", orig.where())

			switch w.kind {
			case payment.KindDishonoredReturn:
				assert.Equal(t, mustDate(t, w.countedFrom), ev.ACH.ReturnSettlementDate, "counted from the return's settlement")
				assert.Equal(t, mustDate(t, "2026-11-20"), ev.Timing.ContestableUntil, "2 banking days after the dishonor settled")
			case payment.KindContestedDishonoredReturn:
				assert.Equal(t, mustDate(t, w.countedFrom), ev.ACH.DishonoredSettlementDate, "counted from the dishonor's settlement")
				assert.Equal(t, mustDate(t, "2026-11-16"), ev.ACH.ReturnSettlementDate)
				assert.Equal(t, mustDate(t, "2026-11-12"), ev.ACH.OriginalReturnSentOn)
			default:
				assert.Equal(t, mustDate(t, w.countedFrom), ev.Timing.OriginalSettlementDate, "counted from")
			}

			t.Run("deadline", func(t *testing.T) {
				assertAnswerTiming(t, w, ev)
			})
			assert.Equal(t, mustDate(t, w.dishonorDeadline), ev.Timing.DishonorableUntil, "dishonor deadline")
			assert.Equal(t, mustDate(t, w.nocDue), ev.Timing.CorrectionDue, "NOC due")
		})
	}
}

// assertAnswerTiming checks the README's "BD after", "Deadline" and
// "Timely" columns.
func assertAnswerTiming(t *testing.T, w fixtureEntry, ev *payment.Event) {
	t.Helper()
	bd, err := strconv.Atoi(w.bdAfter)
	require.NoError(t, err)
	if assert.NotNil(t, ev.Timing.BankingDaysAfter, "BD after") {
		assert.Equal(t, bd, *ev.Timing.BankingDaysAfter, "BD after")
	}
	assert.Equal(t, mustDate(t, w.deadline), ev.Timing.Deadline, "deadline")
	if assert.NotNil(t, ev.Timing.Timely, "timely") {
		assert.Equal(t, w.timely == "yes", *ev.Timing.Timely, "timely")
	}
}

// TestFixturesReversalLink: the reversal undoes the duplicate payout at
// withdrawals line 7, not its twin at line 6.
func TestFixturesReversalLink(t *testing.T) {
	originals := NewOriginals()
	var reversal *payment.Event
	for _, e := range readFixtureEntries(t) {
		originals.Add(e)
		if ev := e.Event(); ev.Kind == payment.KindReversal {
			require.Nil(t, reversal, "one reversal expected")
			reversal = ev
		}
	}
	require.NotNil(t, reversal)
	link := originals.Date(reversal, settlement.Fed)
	assert.Equal(t, Link{Original: payment.Source{File: "2026-11-10-withdrawals.ach", Line: 7}, Candidates: 1}, link)
	assert.Equal(t, "074012501110005", reversal.Refs.OriginalTrace)
	assert.Equal(t, mustDate(t, "2026-11-12"), reversal.Timing.OriginalSettlementDate)
	assert.Equal(t, mustDate(t, "2026-11-19"), reversal.Timing.Deadline)
}

// TestFixturesForwardWindows checks the windows the README states for the
// forward entries.
func TestFixturesForwardWindows(t *testing.T) {
	events := map[string]*payment.Event{}
	for _, file := range fixtureFiles {
		for ev, err := range Events(bytes.NewReader(readFile(t, filepath.Join(fixturesDir, file))), file) {
			require.NoError(t, err)
			events[ev.Source.String()] = ev
		}
	}
	for _, w := range fixtureEntries {
		if w.file != "2026-11-09-deposits.ach" {
			continue
		}
		ev := events[w.where()]
		require.NotNil(t, ev, w.where())
		// Settled Tue 11-10: a 2-banking-day return is due by Fri 11-13
		// (11-11 is Veterans Day); a 60-day one by Mon 2027-01-11.
		assert.Equal(t, mustDate(t, "2026-11-13"), ev.Timing.ReturnableUntil, w.where())
		want := payment.Date{}
		if w.sec != "CCD" { // consumer debits only
			want = mustDate(t, "2027-01-11")
		}
		assert.Equal(t, want, ev.Timing.UnauthorizedReturnableUntil, w.where())
	}
	// The duplicate payout settled Thu 11-12 and may be reversed until Thu 11-19.
	dup := events["2026-11-10-withdrawals.ach:7"]
	require.NotNil(t, dup)
	assert.Equal(t, mustDate(t, "2026-11-19"), dup.Timing.ReversibleUntil)
	assert.True(t, dup.Timing.UnauthorizedReturnableUntil.IsZero(), "credits have no 60-day window")
}

func TestFixturesDirection(t *testing.T) {
	for _, w := range fixtureEntries {
		var want payment.Direction
		switch {
		case w.kind == payment.KindNOC:
			want = ""
		case w.kind == payment.KindPayment && w.tc%10 == 7: // deposit debit
			want = payment.Credit
		case w.kind == payment.KindPayment && w.tc%10 == 2: // withdrawal credit
			want = payment.Debit
		case w.kind == payment.KindReturn && slices.Contains([]int{26, 36}, w.tc): // return of a deposit
			want = payment.Debit
		case w.kind == payment.KindReturn && w.tc == 21: // return of a withdrawal
			want = payment.Credit
		default:
			continue
		}
		assert.Equal(t, want, w.direction, "table direction of %s", w.where())
	}
}

// readFixtureEntries reads the entries of the nine fixture files, in order.
func readFixtureEntries(t *testing.T) []*Entry {
	t.Helper()
	var entries []*Entry
	for _, file := range fixtureFiles {
		for rec, err := range NewReader(bytes.NewReader(readFile(t, filepath.Join(fixturesDir, file))), file).All() {
			require.NoError(t, err)
			if e, ok := rec.(*Entry); ok {
				entries = append(entries, e)
			}
		}
	}
	return entries
}
