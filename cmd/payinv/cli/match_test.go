package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

func TestMatchReportFiles(t *testing.T) {
	dir := t.TempDir()
	base := []string{"match", "--records", "fixtures/records/records.csv", "--as-of=2026-11-25", "--rail=ach"}

	// The JSON report holds what -o json prints.
	jsonPath := filepath.Join(dir, "recon.json")
	r := runCLI("", append(append([]string{}, base...), "--report", jsonPath, "-o", "json", "fixtures/ach")...)
	require.Equal(t, ExitNothing, r.code, r.stderr)
	written, err := os.ReadFile(jsonPath)
	require.NoError(t, err)
	assert.Equal(t, r.stdout, string(written))

	// The CSV report, while stdout shows the table.
	csvPath := filepath.Join(dir, "recon.csv")
	r = runCLI("", append(append([]string{}, base...), "--report", csvPath, "fixtures/ach")...)
	require.Equal(t, ExitNothing, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Reconciliation as of 2026-11-25")
	written, err = os.ReadFile(csvPath)
	require.NoError(t, err)
	assert.Equal(t, runCLI("", append(append([]string{}, base...), "-o", "csv", "fixtures/ach")...).stdout, string(written))

	// An XLSX workbook with its three sheets.
	xlsxPath := filepath.Join(dir, "recon.xlsx")
	r = runCLI("", append(append([]string{}, base...), "--report", xlsxPath, "fixtures/ach")...)
	require.Equal(t, ExitNothing, r.code, r.stderr)
	book, err := excelize.OpenFile(xlsxPath)
	require.NoError(t, err)
	defer book.Close()
	assert.Equal(t, []string{"Summary", "Records", "Unexpected"}, book.GetSheetList())
	rows, err := book.GetRows("Records")
	require.NoError(t, err)
	assert.Len(t, rows, 30, "a header and 29 ACH records")
	assert.Equal(t, matchCSVHeader, rows[0])

	// No temporary file is left behind.
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"recon.json", "recon.csv", "recon.xlsx"}, names)

	// A report that cannot be written is an error, and nothing is left.
	r = runCLI("", append(append([]string{}, base...), "--report", filepath.Join(dir, "nope", "r.json"), "fixtures/ach")...)
	assert.Equal(t, ExitInput, r.code)
	assert.Contains(t, r.stderr, "nope")
	r = runCLI("", append(append([]string{}, base...), "--report", filepath.Join(dir, "r.pdf"), "fixtures/ach")...)
	assert.Equal(t, ExitInput, r.code)
	assert.Contains(t, r.stderr, "want a .json, .csv, .xlsx or .txt file")
}

func TestMatchXLSXNotOnATerminal(t *testing.T) {
	io, out, errOut := TestIO("", testNow)
	io.StdoutTTY = true
	code := Main([]string{"match", "--records", "fixtures/records/records.csv", "-o", "xlsx", "fixtures/ach"}, io, "test")
	assert.Equal(t, ExitInput, code)
	assert.Empty(t, out.String())
	assert.Contains(t, errOut.String(), "-o xlsx writes a binary file")
}

func TestProgressOnlyOnATerminalAndForLargeInputs(t *testing.T) {
	srcs := []source{fileSource("fixtures/ach/2026-11-09-deposits.ach", false)}
	io, _, errOut := TestIO("", testNow)
	assert.Nil(t, newProgress(io, "reading", 1, srcs), "not a terminal")
	io.StderrTTY = true
	assert.Nil(t, newProgress(io, "reading", progressThreshold, srcs), "a small input")
	p := newProgress(io, "reading", 1, srcs)
	require.NotNil(t, p)
	p.attach(srcs)
	in, closer, err := openSource(srcs[0])
	require.NoError(t, err)
	_, err = in.WriteTo(discard{})
	require.NoError(t, err)
	closer.Close()
	assert.Equal(t, int64(2850), p.bar.State().CurrentNum, "every byte read is counted")
	p.done()
	assert.NotContains(t, errOut.String(), "DEP-", "nothing but the bar goes to stderr")
}

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }

// TestMatchDoesNotDependOnInputOrder runs match with the NACHA files named
// in opposite orders and the records shuffled, and expects the same report.
func TestMatchDoesNotDependOnInputOrder(t *testing.T) {
	files, err := filepath.Glob("fixtures/ach/*.ach")
	require.NoError(t, err)
	files = append(files, cardExports...)
	reversed := slices.Clone(files)
	slices.Reverse(reversed)

	recs, err := os.ReadFile("fixtures/records/records.csv")
	require.NoError(t, err)
	lines := strings.SplitAfter(string(recs), "\n")
	header, rows := lines[0], lines[1:]
	shuffled := slices.Clone(rows)
	slices.Reverse(shuffled)
	dir := t.TempDir()
	shuffledPath := filepath.Join(dir, "records.csv")
	require.NoError(t, os.WriteFile(shuffledPath, []byte(header+strings.Join(shuffled, "")), 0o644))

	for _, format := range []string{"json", "csv"} {
		a := runCLI("", append([]string{"match", "--records", "fixtures/records/records.csv", "--as-of=2026-11-25", "-o", format}, files...)...)
		b := runCLI("", append([]string{"match", "--records", shuffledPath, "--as-of=2026-11-25", "-o", format}, reversed...)...)
		// The records' lines differ with the shuffle, and problems come in
		// the order files are read; compare without them.
		strip := regexp.MustCompile(`"source":\{"file":"[^"]*records\.csv","line":\d+\}|(?s)"problems":\[.*`)
		assert.Equal(t, strip.ReplaceAllString(a.stdout, ""), strip.ReplaceAllString(b.stdout, ""), format)
		assert.Equal(t, a.code, b.code)
	}
}
