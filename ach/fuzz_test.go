package ach

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/payinv/payinv/payment"
)

// fuzzSeedDirs hold the inputs FuzzReader starts from: the fixtures, the
// bad inputs and a few moov-io/ach samples (testdata/seed, see its NOTICE).
var fuzzSeedDirs = []string{"../fixtures/ach", "../fixtures/bad", "testdata/seed"}

// Records of fixtures/ach/2026-11-09-deposits.ach.
const (
	fuzzHeader = "101 07401250314700123452611091605A094101LAKESHORE TRUST BANK   NORTHWIND INVESTMENTS          "
	fuzzEntry  = "6270440034744410029381       0000250000DEP-2611090001 MARIA GONZALEZ        S 0074012501109001"
)

// fuzzEdgeInputs are short inputs at the edges of what the reader decides
// on its first bytes.
var fuzzEdgeInputs = []string{
	"",
	"\x00",
	"1",
	"6",
	"\n",
	"\r\n\r\n",
	"\xEF\xBB\xBF",
	strings.Repeat(" ", RecordLength),
	strings.Repeat("9", RecordLength),
	// A file header alone, with and without a line break.
	fuzzHeader,
	fuzzHeader + "\n",
	// An entry with nothing around it.
	fuzzEntry + "\n",
	// A header, then an addenda with no entry.
	fuzzHeader + "\n799R01074012501109001      04400347                                            044003470004411\n",
}

func FuzzReader(f *testing.F) {
	for _, dir := range fuzzSeedDirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() || e.Name() == "NOTICE" {
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range fuzzEdgeInputs {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			t.Skip("inputs over 1 MiB are not fuzzed")
		}
		checkReaderInvariants(t, data)
	})
}

// checkReaderInvariants reads data and checks what must hold for any input:
// no panic, an end, positions in the input, entries that make valid events.
func checkReaderInvariants(t *testing.T, data []byte) {
	const name = "fuzz.ach"
	res := readBytes(t, data, name)

	for _, p := range res.problems {
		if p.Source.File != name || p.Source.Line < 0 {
			t.Fatalf("problem at %+v: %s", p.Source, p.Error())
		}
	}
	for _, rec := range res.records {
		if src := rec.Where(); src.File != name || src.Line < 0 {
			t.Fatalf("%T at %+v", rec, src)
		}
	}

	// The last line (or 94-byte record) of the input.
	body := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	lastLine := max(bytes.Count(body, []byte{'\n'})+1, (len(body)+RecordLength-1)/RecordLength)
	// When the first line break comes within the first two records, the
	// input is read line by line, and an entry's line starts with '6'.
	var lines [][]byte
	if i := bytes.IndexAny(body, "\r\n"); len(body) <= RecordLength+2 || (i >= 0 && i <= 2*RecordLength) {
		lines = bytes.Split(body, []byte{'\n'})
	}

	reused := &payment.Event{}
	for _, e := range res.entries {
		line := e.Source.Line
		if line < 1 || line > lastLine {
			t.Fatalf("entry at line %d; the input has %d lines", line, lastLine)
		}
		if lines != nil && (line > len(lines) || !bytes.HasPrefix(lines[line-1], []byte("6"))) {
			t.Fatalf("entry at line %d, which is not an entry record", line)
		}
		if e.Batch == nil {
			t.Fatalf("entry at line %d has no batch", line)
		}
		if e.Batch.File == nil {
			t.Fatalf("entry at line %d: its batch has no file", line)
		}
		ev := e.Event()
		js := ev.AppendJSON(nil)
		if !json.Valid(js) {
			t.Fatalf("entry at line %d: invalid JSON %s", line, js)
		}
		// FillEvent into an event used before gives the same event.
		e.FillEvent(reused)
		if again := reused.AppendJSON(nil); !bytes.Equal(js, again) {
			t.Fatalf("entry at line %d: FillEvent into a used event differs:\n%s\n%s", line, js, again)
		}
		if ev.Source != e.Source {
			t.Fatalf("event source %+v, entry source %+v", ev.Source, e.Source)
		}
	}

	// Events sees the same entries and problems.
	var events, problems int
	for ev, err := range Events(bytes.NewReader(data), name) {
		if err != nil {
			problems++
			continue
		}
		if ev == nil {
			t.Fatal("Events yielded a nil event and a nil error")
		}
		events++
	}
	if events != len(res.entries) || problems != len(res.problems) {
		t.Fatalf("Events: %d events and %d problems; Reader: %d entries and %d problems",
			events, problems, len(res.entries), len(res.problems))
	}
}

// FuzzParseYYMMDD: a date is read only from six digits that name a real
// day, and reads back to the same six digits; Go's own parser agrees on
// which six digits are dates.
func FuzzParseYYMMDD(f *testing.F) {
	for _, s := range []string{"261110", "280229", "270229", "691231", "700101", "000229", "261310", "", "26111O", "      ", "2611100"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseYYMMDD(s)
		if !ok {
			if d != (payment.Date{}) {
				t.Fatalf("%q: not ok but %v", s, d)
			}
			if len(s) == 6 && isDigits(s) {
				if _, err := time.Parse("060102", s); err == nil {
					t.Fatalf("%q: Go reads it as a date", s)
				}
			}
			return
		}
		if d.Year < 1970 || d.Year > 2069 {
			t.Fatalf("%q: year %d outside 1970–2069", s, d.Year)
		}
		if back := fmt.Sprintf("%02d%02d%02d", d.Year%100, int(d.Month), d.Day); back != s {
			t.Fatalf("%q read as %v, which is %s", s, d, back)
		}
		if payment.NewDate(d.Year, d.Month, d.Day) != d {
			t.Fatalf("%q read as %v, not a real day", s, d)
		}
	})
}

// FuzzResolveJulian: a day of the year is resolved to that day of a year
// next to near's, the closest one.
func FuzzResolveJulian(f *testing.F) {
	f.Add("316", 2026, 11, 10)
	f.Add("004", 2026, 12, 31)
	f.Add("364", 2027, 1, 2)
	f.Add("366", 2028, 12, 30)
	f.Add("366", 2026, 6, 15)
	f.Add("000", 2026, 1, 1)
	f.Add("abc", 2026, 1, 1)
	f.Fuzz(func(t *testing.T, day string, year, month, dom int) {
		if year < 1 || year > 9998 || month < 1 || month > 12 || dom < 1 || dom > 31 {
			return
		}
		near := payment.NewDate(year, time.Month(month), dom)
		d, ok := ResolveJulian(day, near)
		if !ok {
			if d != (payment.Date{}) {
				t.Fatalf("%q near %v: not ok but %v", day, near, d)
			}
			n, digits := parseDigits(day)
			if digits && len(day) == 3 && n >= 1 && n <= 365 {
				t.Fatalf("%q near %v: a day of every year, not resolved", day, near)
			}
			return
		}
		n, digits := parseDigits(day)
		if !digits || len(day) != 3 {
			t.Fatalf("%q resolved to %v", day, d)
		}
		if got := d.Time(time.UTC).YearDay(); got != int(n) {
			t.Fatalf("%q near %v resolved to %v, day %d of its year", day, near, d, got)
		}
		if d.Year < near.Year-1 || d.Year > near.Year+1 {
			t.Fatalf("%q near %v resolved to %v, too far", day, near, d)
		}
		gap := near.DaysUntil(d)
		if gap < 0 {
			gap = -gap
		}
		if n <= 365 && gap > 183 {
			t.Fatalf("%q near %v resolved to %v, %d days away", day, near, d, gap)
		}
	})
}

// FuzzSniff: Sniff never says yes to empty or binary input, nor to input
// that does not start with a file header, batch header, batch control or
// entry record.
func FuzzSniff(f *testing.F) {
	for _, s := range fuzzEdgeInputs {
		f.Add([]byte(s))
	}
	f.Add([]byte("reference,customer,sec\n"))
	f.Fuzz(func(t *testing.T, head []byte) {
		body := bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
		if !Sniff(head) {
			return
		}
		if len(body) == 0 || bytes.IndexByte(body, 0) >= 0 {
			t.Fatalf("Sniff(%q) is true", head)
		}
		if !strings.ContainsRune("1568", rune(body[0])) {
			t.Fatalf("Sniff(%q) is true for a record of type %q", head, body[0])
		}
	})
}
