package swiftmt

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzEdgeInputs are short inputs at the edges of what the reader decides
// on: block starts, nesting, separators, service messages.
var fuzzEdgeInputs = []string{
	"",
	"\ufeff",
	"{",
	"{1:",
	"{1:}",
	"{1:F01}{2:}{4:}",
	"{1:F01LKTBUS33AXXX0000000000}{2:O103}{4:\n-}",
	"{1:F01LKTBUS33AXXX0000000000}{2:I103ROYCCAT2XXXXN}{4:\n:20:\n:32A:\n-}",
	"{1:F21LKTBUS33AXXX0000000000}{4:{177:}{451:1}}",
	"{1:F21LKTBUS33AXXX4418200105}{4:{177:2611200930}{451:0}}$",
	"{4:{4:{4:",
	"$$$\x01\x03{1:{1:{1:",
	"{1:F01X}{3:{{{{}}}}}{4:\n:20:X\n-}{5:{TNG:}",
	"{1:F01X}{2:O199}{3:{111:001}}{4:\n:20:X\n:79://2611210930-9999\n//ACSP/G0\n//USD\n-}",
	"{1:F01X}{2:I103Y}{4:\n:20:X\n:32A:261120USD999999999999999999,99\n-}",
	"{1:F01X}{2:I103Y}{4:\n:20:X\n:32A:261120USD1,\n:72:/RETN/\n/\n//\n/TEXT//UETR/\n/CHGS/\n/XT99/\n-}",
	"{1:F01X}{2:I202COV}{3:{119:COV}}{4:\n:20:X\n:32A:261120USD1,\n:50K:\n:59:\n:57D:\n:58A:\n-}",
	retnMT103, gpiMT199, coverMT202, rjeWithACK,
}

// addFuzzSeeds adds every fixture, good and bad, and the edge inputs.
func addFuzzSeeds(f *testing.F) {
	for _, dir := range []string{fixturesDir, filepath.Join(fixturesDir, "bad")} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".fin") {
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
}

// FuzzRead reads any input and checks what must hold: no panic; every
// pair an event or a *payment.Problem naming the file; events on the wire
// rail with a kind, a direction, a known format, no negative amount,
// UETRs in lower case and valid JSON (readMT checks these); lines within
// the input and events in the order of their lines.
func FuzzRead(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			t.Skip()
		}
		const name = "fuzz.fin"
		res := readMT(t, bytes.NewReader(data), name)
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, p := range res.problems {
			if p.Source.Line < 0 || p.Source.Line > lines {
				t.Fatalf("problem at line %d; the input has %d lines: %s", p.Source.Line, lines, p.Error())
			}
		}
		prev := 0
		for _, ev := range res.events {
			if ev.Source.Line > lines {
				t.Fatalf("event at line %d; the input has %d lines", ev.Source.Line, lines)
			}
			if ev.Source.Line < prev {
				t.Fatalf("event at line %d after one at line %d", ev.Source.Line, prev)
			}
			prev = ev.Source.Line
		}
		if len(res.events) == 0 && len(res.problems) == 0 {
			t.Fatalf("nothing read and nothing said about %q", data)
		}
	})
}
