package ach

import (
	"bytes"
	"compress/gzip"
	"io"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

const badDir = "../fixtures/bad"

// depositLines are the lines of the entries of the deposits file.
var depositLines = []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 21}

// TestBadInputs reads each file of fixtures/bad (see its README) and
// checks the problems reported, with their lines, and the entries read.
// Every problem must be one of those listed, so the reader says no more
// than it should.
func TestBadInputs(t *testing.T) {
	tests := []struct {
		file     string
		problems []problemWant
		entries  []int // lines of the entries read
	}{
		{
			file:     "not-nacha.csv",
			problems: []problemWant{{line: 1, text: "not a NACHA file"}},
		},
		{
			file:     "binary.bin",
			problems: []problemWant{{line: 1, text: "binary"}},
		},
		{
			// The gzip file itself, not unzipped, is binary.
			file:     "deposits.ach.gz",
			problems: []problemWant{{line: 1, text: "binary"}},
		},
		{
			file:     "empty.ach",
			problems: []problemWant{{line: 0, text: "empty"}},
		},
		{
			// Lines 1–16 are intact; line 17 is the ANGELA MARTIN entry cut
			// after 41 characters, with its amount whole. It is read, with
			// what is missing reported, and the file ends inside batch 2.
			file: "truncated.ach",
			problems: []problemWant{
				{line: 17, text: "41 characters"},
				{line: 17, text: "truncated"},
				{line: 17, text: "trace number"},
				{line: 17, text: "addenda record indicator"},
			},
			entries: []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17},
		},
		{
			// Line 5 lost the last 3 digits of its trace; line 8 has "XYZ"
			// after its trace.
			file: "wrong-length.ach",
			problems: []problemWant{
				{line: 5, text: "91 characters"},
				{line: 5, text: "trace number"},
				{line: 8, text: "97 characters"},
			},
			entries: depositLines,
		},
		{
			file: "bad-totals.ach",
			problems: []problemWant{
				{line: 13, text: "entry hash"},
				{line: 13, text: "total debit"},
				{line: 23, text: "entry/addenda count"},
				{line: 23, text: "entry hash"},
				{line: 23, text: "total debit"},
			},
			entries: depositLines,
		},
		{
			// Line 3's amount has a letter O: the entry (and its addenda at
			// line 4) cannot be read, so the totals of batch 1 (line 7) and
			// of the file (line 22) cannot be checked: warnings, not errors.
			// Line 9 fails its check digit, line 16 holds a bad original trace.
			file: "bad-fields.ach",
			problems: []problemWant{
				{line: 3, text: "amount"},
				{line: 4, text: "skipped"},
				{line: 7, text: "cannot be checked", warning: true},
				{line: 9, text: "check digit"},
				{line: 16, text: "original entry trace"},
				{line: 22, text: "cannot be checked", warning: true},
			},
			entries: []int{5, 9, 11, 15, 19},
		},
		{
			file:    "no-newlines.ach",
			entries: depositLines,
		},
		{
			file:    "crlf.ach",
			entries: depositLines,
		},
		{
			file:    "custom-code.ach",
			entries: []int{3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := readFile(t, filepath.Join(badDir, tt.file))
			res := readBytes(t, data, tt.file)
			assertProblems(t, res.problems, tt.problems)
			assert.Equal(t, tt.entries, nilIfEmpty(entryLines(res.entries)), "lines of the entries read")
			for _, p := range res.problems {
				assert.Equal(t, tt.file, p.Source.File)
			}
			// Events says the same.
			var events, problems int
			for ev, err := range Events(bytes.NewReader(data), tt.file) {
				if err != nil {
					problems++
					continue
				}
				require.NotNil(t, ev)
				events++
			}
			assert.Equal(t, len(res.entries), events)
			assert.Equal(t, len(res.problems), problems)
		})
	}
}

func nilIfEmpty(s []int) []int {
	if len(s) == 0 {
		return nil
	}
	return s
}

// TestBadFieldsEntries: the entries around the damaged fields are read
// with what they hold.
func TestBadFieldsEntries(t *testing.T) {
	res := readBytes(t, readFile(t, filepath.Join(badDir, "bad-fields.ach")), "bad-fields.ach")
	require.Len(t, res.entries, 5)
	byLine := map[int]*Entry{}
	for _, e := range res.entries {
		byLine[e.Source.Line] = e
	}
	// The entry with the bad check digit is kept, as written.
	if e := byLine[9]; assert.NotNil(t, e) {
		assert.Equal(t, "074012508", e.Routing())
		ev := e.Event()
		assert.Equal(t, "R02", ev.Reason.Code)
		assert.Equal(t, "750.25", ev.Amount.StringFixed(2))
	}
	// The return whose original trace is not a number keeps it as found.
	if e := byLine[15]; assert.NotNil(t, e) {
		ev := e.Event()
		assert.Equal(t, "R03", ev.Reason.Code)
		assert.Equal(t, "0740125O1109004", ev.Refs.OriginalTrace)
	}
}

// TestBadCustomCode: a bank-private return code is kept, not dropped (moov
// drops the addenda and reads a forward entry).
func TestBadCustomCode(t *testing.T) {
	var events []*payment.Event
	for ev, err := range Events(bytes.NewReader(readFile(t, filepath.Join(badDir, "custom-code.ach"))), "custom-code.ach") {
		require.NoError(t, err)
		events = append(events, ev)
	}
	require.Len(t, events, 1)
	ev := events[0]
	assert.Equal(t, payment.KindReturn, ev.Kind)
	assert.Equal(t, payment.Source{File: "custom-code.ach", Line: 3}, ev.Source)
	require.NotNil(t, ev.Reason)
	assert.Equal(t, "R97", ev.Reason.Code)
	assert.Equal(t, "nacha_return", ev.Reason.Scheme)
	assert.False(t, ev.Reason.Known)
	assert.Empty(t, ev.Reason.Title)
	assert.Equal(t, "074012501109007", ev.Refs.OriginalTrace)
	assert.Equal(t, "122035180000872", ev.Refs.Trace)
	assert.Equal(t, "25.00", ev.Amount.StringFixed(2))
	assert.Equal(t, "EMILY NGUYEN", ev.Party.Name)
	assert.Equal(t, "122035186", ev.Party.Routing)
	assert.Equal(t, payment.Debit, ev.Direction)
	assert.Equal(t, 26, ev.ACH.TransactionCode)
	assert.Equal(t, mustDate(t, "2026-11-12"), ev.SettlementDate)
}

// TestBadSameAsDeposits: the deposits file without line breaks, with CRLF
// line breaks, or gzipped (and unzipped by the caller) reads exactly like
// the deposits file, lines included: for the file without line breaks the
// line is the record number, which is the line in the original.
func TestBadSameAsDeposits(t *testing.T) {
	const name = "deposits"
	want := readEvents(t, readFile(t, filepath.Join(fixturesDir, "2026-11-09-deposits.ach")), name)
	require.Len(t, want, 15)

	gz := readFile(t, filepath.Join(badDir, "deposits.ach.gz"))
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	unzipped, err := io.ReadAll(zr)
	require.NoError(t, err)

	for _, tt := range []struct {
		file string
		data []byte
	}{
		{"no-newlines.ach", readFile(t, filepath.Join(badDir, "no-newlines.ach"))},
		{"crlf.ach", readFile(t, filepath.Join(badDir, "crlf.ach"))},
		{"deposits.ach.gz", unzipped},
	} {
		t.Run(tt.file, func(t *testing.T) {
			assert.Equal(t, want, readEvents(t, tt.data, name))
		})
	}
}

// readEvents reads data with Events and fails on any problem.
func readEvents(t *testing.T, data []byte, name string) []*payment.Event {
	t.Helper()
	var out []*payment.Event
	for ev, err := range Events(bytes.NewReader(data), name) {
		require.NoError(t, err)
		out = append(out, ev)
	}
	return out
}
