package fedwire

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"sender supplied first", "{1500}30User ReqT \n{1510}1000\n", true},
		{"disposition first", "{1100}30P N\n{1110}06201104FT01\n", true},
		{"BOM and blank lines", "\ufeff\r\n  \n{1500}30", true},
		{"one line", "{1500}303O004HE8P {1510}1000{1520}2022032400000000000001", true},
		{"cut in the first tag", "{1500}30Us", true},
		{"another tag, then a tag", "{1510}1000\n{1520}20250620LKTBQR01000045\n", true},
		{"another tag, cut in the second", "{1520}20250620LKTBQR01000045\n{15", true},
		{"another tag alone", "{1520}20250620LKTBQR01000045\n", false},
		{"unknown tag first", "{1599}\n{1500}30User ReqT ", true},
		{"then an unknown tag", "{1520}20250620LKTBQR01000045{9999}", false},
		{"unknown tags only", "{0001}{0002}{0003}{0004}{1500}", false},
		{"SWIFT MT", "{1:F01LKTBUS33AXXX0000000000}{2:I103FCBKUS33XXXXN}", false},
		{"ISO 20022", `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">`, false},
		{"CSV", "id,amount\n{1500},1\n", false},
		{"NACHA", "101 074012503 1470012345261109", false},
		{"empty", "", false},
		{"short", "{15", false},
		{"text first", "FEDWIRE\n{1500}30", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Sniff([]byte(tt.head)))
		})
	}
}

// TestSniffFiles: every fixture and every moov-io/wire sample with a
// message is FAIM by Sniff, cut to 4 KB or to a few bytes past its first
// tag.
func TestSniffFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixturesDir, "*.txt"))
	require.NoError(t, err)
	bad, err := filepath.Glob(filepath.Join(fixturesDir, "bad", "*.txt"))
	require.NoError(t, err)
	files = append(files, bad...)
	for _, path := range moovSamples(t) {
		if !strings.Contains(path, "NoMessage") {
			files = append(files, path)
		}
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		head := data[:min(len(data), 4<<10)]
		assert.True(t, Sniff(head), path)
		assert.True(t, Sniff(head[:min(len(head), 9)]), path)
	}
}
