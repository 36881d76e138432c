package ach

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

func depositsFile(t *testing.T) []byte {
	t.Helper()
	return readFile(t, filepath.Join(fixturesDir, "2026-11-09-deposits.ach"))
}

// TestReaderLayouts: the deposits file written in the ways bank systems
// write files reads as the deposits file, with no problem.
func TestReaderLayouts(t *testing.T) {
	dep := depositsFile(t)
	lines := bytes.SplitAfter(dep, []byte("\n"))
	flat := bytes.ReplaceAll(dep, []byte("\n"), nil)
	tests := []struct {
		name string
		data []byte
		bug  string
	}{
		{name: "byte-order mark", data: append([]byte{0xEF, 0xBB, 0xBF}, dep...)},
		{name: "no final line break", data: bytes.TrimSuffix(dep, []byte("\n"))},
		{name: "no line breaks, a final CRLF", data: append(append([]byte{}, flat...), '\r', '\n')},
		{name: "CRLF, no final line break", data: bytes.TrimSuffix(bytes.ReplaceAll(dep, []byte("\n"), []byte("\r\n")), []byte("\r\n"))},
		{name: "four trailing blanks on every line", data: bytes.ReplaceAll(dep, []byte("\n"), []byte("    \n"))},
		{
			name: "CR line breaks",
			data: bytes.ReplaceAll(dep, []byte("\n"), []byte("\r")),
		},
		{
			name: "header padded with 120 blanks",
			data: append(append(bytes.TrimSuffix(lines[0], []byte("\n")), []byte(strings.Repeat(" ", 120)+"\n")...), bytes.Join(lines[1:], nil)...),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip(tt.bug)
			}
			res := readBytes(t, tt.data, "deposits")
			assert.Empty(t, res.problems, "problems:%s", res)
			assert.Equal(t, depositLines, entryLines(res.entries))
			assert.Equal(t, readEvents(t, dep, "deposits"), readEvents(t, tt.data, "deposits"))
		})
	}
}

// TestReaderBlankLines: blank lines are skipped, and lines keep their
// numbers in the file.
func TestReaderBlankLines(t *testing.T) {
	data := bytes.ReplaceAll(depositsFile(t), []byte("\n"), []byte("\n\n"))
	res := readBytes(t, data, "deposits")
	assert.Empty(t, res.problems, "problems:%s", res)
	var want []int
	for _, l := range depositLines {
		want = append(want, 2*l-1)
	}
	assert.Equal(t, want, entryLines(res.entries))
}

// TestReaderNames: names keep their accents, in UTF-8 or in Latin-1
// (Windows-1252), and a record is 94 characters, not bytes.
func TestReaderNames(t *testing.T) {
	dep := depositsFile(t)
	utf8Name := bytes.Replace(dep, []byte("ANGELA MARTIN"), []byte("ÁNGELA MARTÍN"), 1)
	tests := []struct {
		name string
		data []byte
		line int
		want string
		bug  string
	}{
		{name: "Latin-1", data: bytes.Replace(dep, []byte("MARIA GONZALEZ"), []byte("MAR\xcdA GONZ\xc1LEZ"), 1), line: 3, want: "MARÍA GONZÁLEZ"},
		{name: "UTF-8", data: utf8Name, line: 17, want: "ÁNGELA MARTÍN"},
		{
			name: "UTF-8 without line breaks", data: bytes.ReplaceAll(utf8Name, []byte("\n"), nil), line: 17, want: "ÁNGELA MARTÍN",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip(tt.bug)
			}
			res := readBytes(t, tt.data, "deposits")
			assert.Empty(t, res.problems, "problems:%s", res)
			require.Equal(t, depositLines, entryLines(res.entries))
			for _, e := range res.entries {
				if e.Source.Line == tt.line {
					assert.Equal(t, tt.want, e.Name)
					assert.Equal(t, tt.want, e.Event().Party.Name)
				}
			}
		})
	}
}

// TestReaderDOSEndOfFile: a Ctrl-Z after the last record (MS-DOS end of
// file) loses nothing, so it is at most a warning.
func TestReaderDOSEndOfFile(t *testing.T) {
	res := readBytes(t, append(depositsFile(t), 0x1a), "deposits")
	assert.Equal(t, depositLines, entryLines(res.entries))
	for _, p := range res.problems {
		assert.True(t, p.Warning, p.Error())
	}
}

// TestReaderConcatenatedFiles: two files one after the other are read as
// two files, each checked against its own controls.
func TestReaderConcatenatedFiles(t *testing.T) {
	dep := depositsFile(t)
	wd := readFile(t, filepath.Join(fixturesDir, "2026-11-10-withdrawals.ach"))
	res := readBytes(t, append(append([]byte{}, dep...), wd...), "both")
	assert.Empty(t, res.problems, "problems:%s", res)
	want := append([]int{}, depositLines...)
	for _, l := range []int{3, 4, 5, 6, 7, 8} {
		want = append(want, 30+l)
	}
	assert.Equal(t, want, entryLines(res.entries))
	var headers, controls int
	for _, rec := range res.records {
		switch r := rec.(type) {
		case *FileHeader:
			headers++
			assert.False(t, r.Missing)
		case *FileControl:
			controls++
			assert.False(t, r.Missing)
		}
	}
	assert.Equal(t, 2, headers)
	assert.Equal(t, 2, controls)
}

// TestReaderRecords checks the records around the entries of the deposits
// file: headers, controls and the totals found.
func TestReaderRecords(t *testing.T) {
	res := readBytes(t, depositsFile(t), "deposits")
	require.Empty(t, res.problems)
	var kinds []string
	for _, rec := range res.records {
		switch r := rec.(type) {
		case *FileHeader:
			kinds = append(kinds, "file")
			assert.Equal(t, mustDate(t, "2026-11-09"), r.CreationDate)
			assert.Equal(t, 1, r.Source.Line)
		case *BatchHeader:
			kinds = append(kinds, "batch "+r.SECCode)
			assert.Equal(t, mustDate(t, "2026-11-10"), r.EffectiveDate)
			assert.True(t, r.SettlementDate.IsZero(), "the company's file has no settlement date")
			assert.Equal(t, mustDate(t, "2026-11-10"), r.ExpectedSettlement)
			assert.Equal(t, 225, r.ServiceClassCode)
			assert.Equal(t, "07401250", r.ODFI)
			assert.False(t, r.SameDay)
		case *Entry:
			kinds = append(kinds, "entry")
		case *BatchControl:
			kinds = append(kinds, "control")
			assert.False(t, r.Missing)
			assert.Zero(t, r.Found.Credit)
		case *FileControl:
			kinds = append(kinds, "file control")
			assert.Equal(t, 23, r.Source.Line)
			assert.Equal(t, 3, r.Batches)
			assert.Equal(t, Totals{Entries: 15, Hash: 127776616, Debit: 5804564}, r.Found)
		}
	}
	e := strings.Repeat("entry ", 10)
	assert.Equal(t, strings.Fields("file batch WEB "+e+"control batch PPD entry entry entry entry control batch CCD entry control file control"),
		strings.Fields(strings.Join(kinds, " ")))
}

// TestReaderReturnWithoutAddenda: a return transaction code with no
// addenda 99 is still a return, and reported.
func TestReaderReturnWithoutAddenda(t *testing.T) {
	data := readFile(t, filepath.Join(fixturesDir, "2026-11-16-returns.ach"))
	lines := bytes.SplitAfter(data, []byte("\n"))
	// Drop the addenda at line 4 and set the entry's indicator to 0.
	entry := bytes.Clone(lines[2])
	entry[78] = '0'
	var cut []byte
	cut = append(cut, bytes.Join(lines[:2], nil)...)
	cut = append(cut, entry...)
	cut = append(cut, bytes.Join(lines[4:], nil)...)
	res := readBytes(t, cut, "returns")
	require.NotEmpty(t, res.entries)
	e := res.entries[0]
	assert.Equal(t, 3, e.Source.Line)
	assert.Equal(t, payment.KindReturn, e.Kind())
	assert.Nil(t, e.Event().Reason)
	found := false
	for _, p := range res.problems {
		if p.Source.Line == 3 && strings.Contains(p.Message, "no addenda 98 or 99") {
			found = true
		}
	}
	assert.True(t, found, "problems:%s", res)
}

func TestSniff(t *testing.T) {
	dep := depositsFile(t)
	tests := []struct {
		name string
		head []byte
		want bool
	}{
		{"deposits", dep, true},
		{"first line only", dep[:94], true},
		{"byte-order mark", append([]byte{0xEF, 0xBB, 0xBF}, dep...), true},
		{"no line breaks", bytes.ReplaceAll(dep, []byte("\n"), nil), true},
		{"starts with a batch header", dep[95:], true},
		{"starts with an entry", bytes.SplitAfter(dep, []byte("\n"))[2], true},
		{"CSV", readFile(t, filepath.Join(badDir, "not-nacha.csv")), false},
		{"binary", readFile(t, filepath.Join(badDir, "binary.bin")), false},
		{"gzip", readFile(t, filepath.Join(badDir, "deposits.ach.gz")), false},
		{"empty", nil, false},
		{"JSON", []byte(`{"fileHeader": {}}`), false},
		{"NUL after the header", append(bytes.Clone(dep[:95]), 0), false},
		{"a lone 1", []byte("1"), false},
		{"short entry", []byte("627044003474"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Sniff(tt.head))
		})
	}
	// A blank first line: the reader skips it and reads the file.
	for _, head := range [][]byte{[]byte("\n"), []byte("\r\n"), append([]byte("\n"), dep...), append([]byte("\xEF\xBB\xBF\r\n"), dep...)} {
		t.Run(fmt.Sprintf("leading line break %.8q", head), func(t *testing.T) {
			assert.NotPanics(t, func() {
				assert.Equal(t, len(head) > 4, Sniff(head))
			})
		})
	}
	t.Run("reader skips a blank first line", func(t *testing.T) {
		res := readBytes(t, append([]byte("\n"), dep...), "deposits")
		assert.Empty(t, res.problems, "problems:%s", res)
		assert.Len(t, res.entries, 15)
	})
}

// TestReaderExpectedSettlement: a file the company sends carries no
// settlement date; the batch settles on its effective date, moved to the
// next banking day, and no earlier than the day the file was made
// (Monday 2026-11-09). A settlement day the operator wrote wins.
func TestReaderExpectedSettlement(t *testing.T) {
	dep := depositsFile(t)
	tests := []struct {
		name       string
		eed        string // batch header positions 70–75
		julian     string // positions 76–78
		settlement string
		estimated  bool
		sameDay    bool
	}{
		{"effective date", "261110", "   ", "2026-11-10", true, false},
		{"effective date on Veterans Day", "261111", "   ", "2026-11-12", true, false},
		{"effective date on a Saturday", "261114", "   ", "2026-11-16", true, false},
		{"stale effective date", "261105", "   ", "2026-11-09", true, false},
		{"no effective date", "      ", "   ", "2026-11-09", true, false},
		{"effective date the day the file was made", "261109", "   ", "2026-11-09", true, true},
		{"settlement day written", "261110", "316", "2026-11-12", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := bytes.SplitAfter(bytes.Clone(dep), []byte("\n"))
			header := lines[1]
			copy(header[69:75], tt.eed)
			copy(header[75:78], tt.julian)
			res := readBytes(t, bytes.Join(lines, nil), "deposits")
			assert.Empty(t, res.problems, "problems:%s", res)
			require.NotEmpty(t, res.entries)
			ev := res.entries[0].Event()
			assert.Equal(t, mustDate(t, tt.settlement), ev.SettlementDate)
			assert.Equal(t, tt.estimated, ev.SettlementEstimated)
			assert.Equal(t, tt.sameDay, ev.ACH.SameDay)
		})
	}
}

// TestReuseEntries: a Reader that recycles its entries gives the same
// events as one that does not, for every shipped fixture and the IAT and
// ADV samples.
func TestReuseEntries(t *testing.T) {
	files := append(append([]string{}, fixtureFiles...), "../ach/testdata/seed/iat-addenda99.ach", "../ach/testdata/seed/adv.ach")
	for _, name := range files {
		path := name
		if !strings.Contains(name, "/") {
			path = filepath.Join(fixturesDir, name)
		}
		data := readFile(t, path)
		var plain, reused []string
		for rec, err := range NewReader(bytes.NewReader(data), name).All() {
			if e, ok := rec.(*Entry); ok && err == nil {
				plain = append(plain, string(e.Event().AppendJSON(nil)))
			}
		}
		r := NewReader(bytes.NewReader(data), name)
		r.ReuseEntries()
		for rec, err := range r.All() {
			if e, ok := rec.(*Entry); ok && err == nil {
				reused = append(reused, string(e.Event().AppendJSON(nil)))
			}
		}
		assert.Equal(t, plain, reused, name)
	}
}
