// Command genbench writes a large, realistic reconciliation input for
// benchmarks: N company records and the NACHA files that answer them.
//
//	go run ./scripts/genbench -n 1000000 -out /tmp/bench
//
// writes records.csv, deposits.ach (forward entries, in batches of 10,000)
// and returns.ach into the folder. The mix is what a busy day looks like:
// about 90% of records carry the reference their entry carries, 6% carry
// none (matched by amount, date and name), 1% are for another amount, 1%
// have no entry (missing), 1% of entries have no record (unexpected) and
// 1% of entries come back returned. The same seed writes the same bytes.
// Records are written with moov-io/ach's record types, streaming, so a
// million entries never sit in memory.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	moov "github.com/moov-io/ach"
)

const (
	odfi      = "07401250"
	odfiFull  = "074012503"
	companyID = "1470012345"
	batchSize = 10000
)

var (
	firstNames = []string{"MARIA", "DAVID", "PRIYA", "ROBERT", "AISHA", "THOMAS", "EMILY", "CARLOS", "SARAH", "MICHAEL",
		"LINDA", "KEVIN", "ANGELA", "JENNIFER", "WILLIAM", "NOAH", "OLIVIA", "LIAM", "AVA", "LUCAS", "MEI", "OMAR", "ZOE", "IVAN"}
	lastNames = []string{"GONZALEZ", "CHEN", "PATEL", "JOHNSON", "MOHAMMED", "WRIGHT", "NGUYEN", "RIVERA", "KOWALSKI",
		"OKAFOR", "PARK", "BROOKS", "MARTIN", "LOPEZ", "TURNER", "WILLIAMS", "BROWN", "SMITH", "KIM", "SILVA", "HASSAN", "ROSSI"}
	rdfis = []string{"04400347", "06110497", "10710538", "12203518", "11300672", "03190422"}
)

// entry is one generated payment.
type entry struct {
	id      string
	name    string
	account string
	rdfi    string
	cents   int64
	day     int // business day index the record was made on
	trace   string
}

func main() {
	n := flag.Int("n", 100000, "number of records")
	out := flag.String("out", "bench-data", "folder to write into")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	rng := rand.New(rand.NewPCG(*seed, 42))
	start := time.Date(2026, time.November, 2, 0, 0, 0, 0, time.UTC) // a Monday
	days := businessDays(start, 20)

	recs := bufio.NewWriterSize(mustCreate(filepath.Join(*out, "records.csv")), 1<<20)
	fmt.Fprintln(recs, "id,customer_id,type,rail,amount,currency,created_at,status,reference,account_last4,name")
	deposits := newNACHA(mustCreate(filepath.Join(*out, "deposits.ach")), start)
	returns := newNACHA(mustCreate(filepath.Join(*out, "returns.ach")), days[len(days)-1])

	var returned []entry
	for i := 0; i < *n; i++ {
		e := entry{
			id:      fmt.Sprintf("DEP-%010d", i+1),
			name:    firstNames[rng.IntN(len(firstNames))] + " " + lastNames[rng.IntN(len(lastNames))],
			account: fmt.Sprintf("%d", 1000000+rng.IntN(899999999)),
			rdfi:    rdfis[rng.IntN(len(rdfis))],
			cents:   int64(1000 + rng.IntN(250_000)), // $10.00 to $2,510.00
			day:     i * (len(days) - 2) / *n,        // records in day order, so batches hold one day each
		}
		roll := rng.IntN(100)
		recordCents, reference := e.cents, e.id
		switch {
		case roll < 6:
			reference = "" // matched by amount, date and name
		case roll < 7:
			recordCents += int64(1 + rng.IntN(500)) // amount mismatch
		}
		created := days[e.day].Add(time.Duration(9*3600+rng.IntN(8*3600)) * time.Second)
		if roll != 7 { // 1%: the record has no entry
			e.trace = deposits.add(e, days[e.day+1])
			if rng.IntN(100) == 0 {
				returned = append(returned, e)
			}
		}
		fmt.Fprintf(recs, "%s,CUS-%07d,deposit,ach,%s,USD,%s,completed,%s,%s,%s\n", e.id, rng.IntN(5_000_000), cents(recordCents),
			created.Format("2006-01-02T15:04:05Z"), reference, e.account[len(e.account)-4:], e.name)
		if roll == 8 { // 1%: an entry with no record
			extra := e
			extra.id = fmt.Sprintf("DEP-X%09d", i+1)
			extra.cents += 100
			deposits.add(extra, days[e.day+1])
		}
	}
	for _, e := range returned {
		returns.addReturn(e, days[e.day+1])
	}
	for _, f := range []interface{ close() }{deposits, returns} {
		f.close()
	}
	if err := recs.Flush(); err != nil {
		fail(err)
	}
}

func cents(c int64) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }

func businessDays(from time.Time, n int) []time.Time {
	var out []time.Time
	for d := from; len(out) < n; d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday && !(d.Month() == time.November && d.Day() == 11) {
			out = append(out, d)
		}
	}
	return out
}

// nacha writes a NACHA file record by record with moov-io/ach's record
// types, keeping only the running totals.
type nacha struct {
	w                  *bufio.Writer
	f                  *os.File
	records, batches   int
	entries, addenda   int
	hash, debit        int64 // every entry is a debit
	bEntries, bAddenda int
	bHash, bDebit      int64
	inBatch            bool
	seq                int
	day                time.Time
	returns            bool
}

func newNACHA(f *os.File, created time.Time) *nacha {
	n := &nacha{w: bufio.NewWriterSize(f, 1<<20), f: f}
	fh := moov.NewFileHeader()
	fh.ImmediateDestination = odfiFull
	fh.ImmediateOrigin = companyID
	fh.FileCreationDate = created.Format("060102")
	fh.FileCreationTime = "1605"
	fh.ImmediateDestinationName = "LAKESHORE TRUST BANK"
	fh.ImmediateOriginName = "NORTHWIND INVESTMENTS"
	n.line(fh.String())
	return n
}

func (n *nacha) line(s string) {
	n.w.WriteString(s)
	n.w.WriteByte('\n')
	n.records++
}

func (n *nacha) startBatch(day time.Time, returns bool) {
	if n.inBatch && n.bEntries < batchSize && n.day.Equal(day) {
		return
	}
	n.endBatch()
	n.batches++
	bh := moov.NewBatchHeader()
	bh.ServiceClassCode = moov.DebitsOnly
	bh.CompanyName = "NORTHWIND INVEST"
	bh.CompanyIdentification = companyID
	bh.StandardEntryClassCode = moov.WEB
	bh.CompanyEntryDescription = "DEPOSIT"
	bh.EffectiveEntryDate = day.Format("060102")
	bh.ODFIIdentification = odfi
	bh.BatchNumber = n.batches
	if returns {
		bh.SettlementDate = fmt.Sprintf("%03d", day.YearDay())
	}
	n.line(bh.String())
	n.inBatch, n.day, n.returns = true, day, returns
}

func (n *nacha) endBatch() {
	if !n.inBatch {
		return
	}
	bc := moov.NewBatchControl()
	bc.ServiceClassCode = moov.DebitsOnly
	bc.EntryAddendaCount = n.bEntries + n.bAddenda
	bc.EntryHash = int(n.bHash % 1e10)
	bc.TotalDebitEntryDollarAmount = int(n.bDebit)
	bc.CompanyIdentification = companyID
	bc.ODFIIdentification = odfi
	bc.BatchNumber = n.batches
	n.line(bc.String())
	n.entries += n.bEntries
	n.addenda += n.bAddenda
	n.hash += n.bHash
	n.debit += n.bDebit
	n.bEntries, n.bAddenda, n.bHash, n.bDebit = 0, 0, 0, 0
	n.inBatch = false
}

func (n *nacha) entryRecord(e entry, code int, rdfi string, trace string, addenda int) {
	ed := moov.NewEntryDetail()
	ed.TransactionCode = code
	ed.RDFIIdentification = rdfi
	ed.CheckDigit = strconv.Itoa(moov.CalculateCheckDigit(rdfi))
	ed.DFIAccountNumber = e.account
	ed.Amount = int(e.cents)
	ed.IdentificationNumber = e.id
	ed.IndividualName = e.name
	ed.AddendaRecordIndicator = addenda
	ed.TraceNumber = trace
	n.line(ed.String())
	n.bEntries++
	h, _ := strconv.ParseInt(rdfi, 10, 64)
	n.bHash += h
	n.bDebit += e.cents
}

// add writes a forward debit and returns its trace.
func (n *nacha) add(e entry, settle time.Time) string {
	n.startBatch(settle, false)
	n.seq++
	trace := fmt.Sprintf("%s%07d", odfi, n.seq)
	n.entryRecord(e, moov.CheckingDebit, e.rdfi, trace, 0)
	return trace
}

// addReturn writes an R01 return of e, settled two banking days after it.
func (n *nacha) addReturn(e entry, settled time.Time) {
	n.startBatch(settled.AddDate(0, 0, 1), true)
	n.seq++
	trace := fmt.Sprintf("%s%07d", e.rdfi, n.seq)
	n.entryRecord(e, moov.CheckingReturnNOCDebit, odfi, trace, 1)
	a := moov.NewAddenda99()
	a.ReturnCode = "R01"
	a.OriginalTrace = e.trace
	a.OriginalDFI = e.rdfi
	a.TraceNumber = trace
	n.line(a.String())
	n.bAddenda++
}

func (n *nacha) close() {
	n.endBatch()
	fc := moov.NewFileControl()
	fc.BatchCount = n.batches
	n.records++ // the file control itself
	fc.BlockCount = (n.records + 9) / 10
	fc.EntryAddendaCount = n.entries + n.addenda
	fc.EntryHash = int(n.hash % 1e10)
	fc.TotalDebitEntryDollarAmountInFile = int(n.debit)
	n.w.WriteString(fc.String())
	n.w.WriteByte('\n')
	for n.records%10 != 0 {
		n.line(filler)
	}
	if err := n.w.Flush(); err != nil {
		fail(err)
	}
	if err := n.f.Close(); err != nil {
		fail(err)
	}
}

// filler pads a file to whole blocks of ten records.
var filler = strings.Repeat("9", moov.RecordLength)

func mustCreate(path string) *os.File {
	f, err := os.Create(path)
	if err != nil {
		fail(err)
	}
	return f
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genbench:", err)
	os.Exit(1)
}
