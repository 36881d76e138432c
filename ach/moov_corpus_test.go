package ach

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	moov "github.com/moov-io/ach"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

// moovDir returns the folder of github.com/moov-io/ach in the module cache,
// or skips the test when it cannot be found.
func moovDir(tb testing.TB) string {
	tb.Helper()
	moovDirOnce.Do(func() {
		// go test puts the go command on the tests' PATH.
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/moov-io/ach").Output()
		if err != nil {
			moovDirErr = fmt.Errorf("go list -m github.com/moov-io/ach: %v", err)
			return
		}
		dir := strings.TrimSpace(string(out))
		if _, err := os.Stat(filepath.Join(dir, "test", "testdata")); err != nil {
			moovDirErr = fmt.Errorf("moov-io/ach test data not in the module cache: %v", err)
			return
		}
		moovDirPath = dir
	})
	if moovDirErr != nil {
		tb.Skipf("moov-io/ach samples not found: %v", moovDirErr)
	}
	return moovDirPath
}

var (
	moovDirOnce sync.Once
	moovDirPath string
	moovDirErr  error
)

// moovSamples lists every file under moov-io/ach's test/ and
// examples/testdata folders, except the Go programs of the examples and the
// large gzipped files (TestMoovLargeFiles reads those).
func moovSamples(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	for _, root := range []string{"test", filepath.Join("examples", "testdata")} {
		err := filepath.WalkDir(filepath.Join(dir, root), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				if d.Name() == "large-files" {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".go") {
				return nil
			}
			rel, err := filepath.Rel(dir, path)
			if err != nil {
				return err
			}
			files = append(files, rel)
			return nil
		})
		require.NoError(t, err)
	}
	return files
}

// entryRecords returns the line (or, for records back to back without line
// breaks, the record number) of every record in data that starts with '6'.
func entryRecords(data []byte) []int {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	var out []int
	if i := bytes.IndexAny(data, "\r\n"); len(data) > RecordLength+2 && (i < 0 || i > 2*RecordLength) {
		// No line breaks (perhaps a final one): 94-byte records.
		flat := bytes.ReplaceAll(bytes.ReplaceAll(data, []byte{'\r'}, nil), []byte{'\n'}, nil)
		for n := 0; n*RecordLength < len(flat); n++ {
			if flat[n*RecordLength] == '6' {
				out = append(out, n+1)
			}
		}
		return out
	}
	for n, line := range bytes.Split(data, []byte{'\n'}) {
		if len(line) > 0 && line[0] == '6' {
			out = append(out, n+1)
		}
	}
	return out
}

// moovEntries reads data with moov-io/ach as leniently as it goes and
// counts its entries; ok is false when moov fails (or panics).
func moovEntries(data []byte) (n int, ok bool, err error) {
	defer func() {
		if v := recover(); v != nil {
			n, ok, err = 0, false, fmt.Errorf("moov panicked: %v", v)
		}
	}()
	r := moov.NewReader(bytes.NewReader(data))
	r.SetValidation(&moov.ValidateOpts{SkipAll: true, AllowMissingFileHeader: true, AllowMissingFileControl: true})
	f, err := r.Read()
	if err != nil {
		return 0, false, err
	}
	for _, b := range f.Batches {
		n += len(b.GetEntries()) + len(b.GetADVEntries())
	}
	for _, b := range f.IATBatches {
		n += len(b.Entries)
	}
	return n, true, nil
}

// stoppedAt returns the line of a problem after which the reader read no
// further ("not a NACHA file", "stopped reading"), or 0.
func stoppedAt(res readResult) int {
	for _, p := range res.problems {
		if strings.Contains(p.Message, "not a NACHA file") || strings.HasPrefix(p.Message, "stopped reading") {
			return max(p.Source.Line, 1)
		}
	}
	return 0
}

// TestMoovCorpus reads every sample file of moov-io/ach: the reader must
// not panic, must end, and must account for every entry record, either as
// an entry or as a problem at its line; and where moov-io/ach reads a file
// (leniently) without error, we read at least as many entries.
func TestMoovCorpus(t *testing.T) {
	dir := moovDir(t)
	files := moovSamples(t, dir)
	require.NotEmpty(t, files)
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			data := readFile(t, filepath.Join(dir, rel))
			res := readBytes(t, data, rel)
			for _, p := range res.problems {
				assert.Equal(t, rel, p.Source.File)
				assert.GreaterOrEqual(t, p.Source.Line, 0)
				t.Logf("problem: %s", p.Error())
			}

			entryAt := map[int]bool{}
			for _, e := range res.entries {
				require.NotNil(t, e.Batch, "entry at line %d has no batch", e.Source.Line)
				assert.Equal(t, rel, e.Source.File)
				assert.False(t, entryAt[e.Source.Line], "two entries at line %d", e.Source.Line)
				entryAt[e.Source.Line] = true
				assert.NotPanics(t, func() { _ = e.Event() }, "Event of the entry at line %d", e.Source.Line)
			}
			stop := stoppedAt(res)
			for _, line := range entryRecords(data) {
				if entryAt[line] || res.problemAt(line) || (stop > 0 && line >= stop) {
					continue
				}
				t.Errorf("entry record at line %d is neither read nor reported", line)
			}

			if strings.HasSuffix(rel, ".json") {
				// JSON is not NACHA: it must fail cleanly.
				assert.NotEmpty(t, res.problems, "a JSON file must be reported")
				assert.Empty(t, res.entries, "a JSON file holds no NACHA entries")
			}

			n, ok, err := moovEntries(data)
			t.Logf("entries: ours %d, moov %d (moov ok=%v, err=%v)", len(res.entries), n, ok, err)
			if ok {
				// An entry whose transaction code or amount is not a
				// number the rules allow cannot become an event: the reader
				// skips it with an error at its line (as bad-fields.ach line
				// 3), where moov-io/ach under SkipAll keeps it. Those are the
				// only entries moov may read and we may not.
				skipped := 0
				for _, p := range res.problems {
					if strings.HasSuffix(p.Message, "entry skipped") && !p.Warning {
						skipped++
					}
				}
				assert.GreaterOrEqual(t, len(res.entries)+skipped, n, "moov-io/ach reads more entries")
				if len(res.entries) < n {
					t.Logf("moov-io/ach reads %d entries, we read %d and skip %d with an error", n, len(res.entries), skipped)
				}
			}
		})
	}
}

// TestMoovLargeFiles reads moov-io/ach's large gzipped files: as many
// entries as moov-io/ach, and no problem at all.
func TestMoovLargeFiles(t *testing.T) {
	dir := moovDir(t)
	paths, err := filepath.Glob(filepath.Join(dir, "test", "testdata", "large-files", "*.ach.gz"))
	require.NoError(t, err)
	require.Len(t, paths, 3)
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			if testing.Short() {
				t.Skip("large file")
			}
			data := gunzipFile(t, path)
			res := readBytes(t, data, filepath.Base(path))
			assert.Empty(t, res.problems, "problems:%s", res)
			n, ok, err := moovEntries(data)
			require.True(t, ok, "moov-io/ach: %v", err)
			assert.Equal(t, n, len(res.entries))
			assert.Equal(t, len(entryRecords(data)), len(res.entries))
			t.Logf("%d entries, as moov-io/ach", len(res.entries))
		})
	}
}

func gunzipFile(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := gunzipBytes(path)
	require.NoError(tb, err)
	return data
}

func gunzipBytes(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// TestMoovSamples checks what we read from moov-io/ach samples that its
// strict reader drops or cannot read (see the moov-io findings in the
// project's reference notes): private return and change codes, an entry
// with a bad check digit, entries outside a batch, a file without line
// breaks, dishonored and contested returns, IAT returns and NOCs.
func TestMoovSamples(t *testing.T) {
	dir := moovDir(t)
	type want struct {
		line  int
		kind  payment.Kind
		code  string
		known bool
	}
	tests := []struct {
		file    string
		entries []want
		check   func(t *testing.T, evs []*payment.Event)
	}{
		{"test/testdata/return-PPD-custom-reason-code.ach", []want{{3, payment.KindReturn, "R97", false}}, nil},
		{"test/testdata/pos-invalidReturnFile.ach", []want{{3, payment.KindReturn, "R96", false}}, nil},
		{"test/testdata/web-invalidNOCFile.ach", []want{{3, payment.KindNOC, "C92", false}}, nil},
		{"test/testdata/iat-invalidAddenda98.ach", []want{{3, payment.KindNOC, "C78", false}}, func(t *testing.T, evs []*payment.Event) {
			assert.NotNil(t, evs[0].ACH.IAT)
		}},
		{"test/testdata/iat-addenda99.ach", []want{{3, payment.KindReturn, "R01", true}}, func(t *testing.T, evs []*payment.Event) {
			assert.NotNil(t, evs[0].ACH.IAT)
			assert.Equal(t, "BEK Enterprises", evs[0].Party.Name)
		}},
		{"test/testdata/ppd-debit-invalid-entryDetail-checkDigit.ach", []want{{3, payment.KindPayment, "", false}}, func(t *testing.T, evs []*payment.Event) {
			assert.Equal(t, "231380105", evs[0].Party.Routing, "kept as written")
		}},
		{"test/testdata/ppd-debit-fixedLength.ach", []want{{3, payment.KindPayment, "", false}}, func(t *testing.T, evs []*payment.Event) {
			assert.Equal(t, "Bachman Eric", evs[0].Party.Name)
			assert.Equal(t, "105.00", evs[0].Amount.StringFixed(2))
		}},
		{"test/testdata/return-no-batch-header.ach", []want{{1, payment.KindReturn, "R01", true}, {3, payment.KindNOC, "C01", true}}, nil},
		{"test/testdata/return-no-file-header-control.ach", []want{{2, payment.KindReturn, "R01", true}}, nil},
		{"test/testdata/NACHA_SAMPLE_TEL_REVERSAL.ach", []want{{3, payment.KindReversal, "", false}, {4, payment.KindReversal, "", false}}, nil},
		{"examples/testdata/dishonored-return.ach", []want{{3, payment.KindDishonoredReturn, "R68", true}, {5, payment.KindDishonoredReturn, "R68", true}}, nil},
		{"examples/testdata/contested-return.ach", []want{{3, payment.KindContestedDishonoredReturn, "R71", true}}, nil},
		{"test/testdata/contested_addenda.txt", []want{{3, payment.KindContestedDishonoredReturn, "R72", true}}, nil},
		{"test/issues/testdata/issue702.ach", []want{{3, payment.KindReturn, "R04", true}, {7, payment.KindReturn, "R03", true}, {11, payment.KindReturn, "R01", true}}, nil},
		{"test/testdata/adv.ach", []want{{3, payment.KindAdvice, "", false}, {4, payment.KindAdvice, "", false}}, nil},
		{"test/ach-ctx-read/ctx-debit.ach", []want{{3, payment.KindPayment, "", false}}, func(t *testing.T, evs []*payment.Event) {
			assert.Len(t, evs[0].ACH.Addenda, 2, "both addenda 05")
		}},
		{"test/testdata/extended-ascii.ach", []want{
			{3, payment.KindPayment, "", false}, {5, payment.KindPayment, "", false}, {7, payment.KindPayment, "", false},
			{11, payment.KindPayment, "", false}, {13, payment.KindPayment, "", false}, {15, payment.KindPayment, "", false},
		}, func(t *testing.T, evs []*payment.Event) {
			assert.Equal(t, "Distracted Aużtin", evs[5].Party.Name)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := readFile(t, filepath.Join(dir, tt.file))
			var evs []*payment.Event
			for ev, err := range Events(bytes.NewReader(data), tt.file) {
				if err == nil {
					evs = append(evs, ev)
				}
			}
			require.Len(t, evs, len(tt.entries))
			for i, w := range tt.entries {
				ev := evs[i]
				assert.Equal(t, w.line, ev.Source.Line)
				assert.Equal(t, w.kind, ev.Kind, "line %d", w.line)
				if w.code == "" && !w.known {
					assert.Nil(t, ev.Reason, "line %d", w.line)
					continue
				}
				if assert.NotNil(t, ev.Reason, "line %d", w.line) && w.code != "" {
					assert.Equal(t, w.code, ev.Reason.Code, "line %d", w.line)
					assert.Equal(t, w.known, ev.Reason.Known, "line %d", w.line)
				}
			}
			if tt.check != nil {
				tt.check(t, evs)
			}
		})
	}
}
