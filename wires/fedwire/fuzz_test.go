package fedwire

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/iotest"
)

// fuzzEdgeInputs are short inputs at the edges of what the reader decides.
var fuzzEdgeInputs = []string{
	"",
	"\ufeff",
	"{",
	"{1500}",
	"{1500}{1500}",
	"{1100}30P 3{1130}E",
	"{2000}000000000001{1510}1000",
	"{1510}1000{1510}1002{3500}",
	"{1520}20250620LKTBQR01000045{9999}",
	"x{15",
	"{1500}30LKTB0910P {1510}1008{1520}20250620LKTBQR01000910{2000}000000123456{6500}RTN 20250620LKTBQR01000909*{36",
	"{1100}30P N\r\n{1110}12312359FT01\r\n{1120}20260102LKTBFT0100000112312359FT01\r\n{1520}20260102MSAVQR01000233\r\n",
	goodMessage,
}

// addFuzzSeeds adds the fixtures, the bad fixtures, moov-io/wire's samples
// (when the module cache has them) and the edge inputs.
func addFuzzSeeds(f *testing.F) {
	var files []string
	for _, dir := range []string{fixturesDir, filepath.Join(fixturesDir, "bad")} {
		found, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			f.Fatal(err)
		}
		files = append(files, found...)
	}
	if dir, err := findMoovWire(); err == nil {
		found, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		files = append(files, found...)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range fuzzEdgeInputs {
		f.Add([]byte(s))
	}
}

var anyTag = regexp.MustCompile(`\{[0-9]{4}\}`)

// FuzzRead reads any input: no panic; every pair an event or a
// *payment.Problem naming the file; events valid (checkEvent: rail,
// format, kind, USD, direction, IMADs, JSON); lines within the input; no
// more events than messages could start; and the same result read a byte
// at a time.
func FuzzRead(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			t.Skip("inputs over 1 MiB are not fuzzed")
		}
		const name = "fuzz.txt"
		res := readAll(t, bytes.NewReader(data), name)
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, p := range res.problems {
			if p.Source.Line < 0 || p.Source.Line > lines {
				t.Fatalf("problem at line %d; the input has %d lines: %s", p.Source.Line, lines, p.Error())
			}
		}
		for _, ev := range res.events {
			if ev.Source.Line > lines {
				t.Fatalf("event at line %d; the input has %d lines", ev.Source.Line, lines)
			}
		}
		if tags := len(anyTag.FindAllIndex(data, -1)); len(res.events) > tags {
			t.Fatalf("%d events from %d tags", len(res.events), tags)
		}
		slow := readAll(t, iotest.OneByteReader(bytes.NewReader(data)), name)
		if len(slow.events) != len(res.events) || len(slow.problems) != len(res.problems) {
			t.Fatalf("a byte at a time: %d events, %d problems; at once: %d events, %d problems",
				len(slow.events), len(slow.problems), len(res.events), len(res.problems))
		}
		for i := range res.events {
			if a, b := res.events[i].AppendJSON(nil), slow.events[i].AppendJSON(nil); !bytes.Equal(a, b) {
				t.Fatalf("event %d differs read a byte at a time:\n%s\n%s", i, a, b)
			}
		}
		for i := range res.problems {
			if *res.problems[i] != *slow.problems[i] {
				t.Fatalf("problem %d differs read a byte at a time:\n%s\n%s", i, res.problems[i].Error(), slow.problems[i].Error())
			}
		}
	})
}
