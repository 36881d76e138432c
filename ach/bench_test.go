package ach

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"

	moov "github.com/moov-io/ach"
)

// Measured on this 2-core machine (goos linux, goarch amd64, "Oxide Virtual
// Turin-like Processor", Go 1.26.8), 2026-11:
//
//	go test ./ach -run '^$' -bench 'Reader$|Events$|MoovRead$' -benchtime 5x -count 3
//
// on moov-io/ach's large-files/PPD-2500-batches-500000-entries.ach.gz,
// unzipped: 48,213,450 bytes, 502,499 entries (the name rounds down).
//
//	BenchmarkReader-2    258–266 ms/op  181–187 MB/s  1.89–1.95 M entries/s  405 MB/op  1,547,558 allocs/op
//	BenchmarkEvents-2    412–424 ms/op  114–117 MB/s  1.19–1.22 M entries/s  892 MB/op  3,557,558 allocs/op
//	BenchmarkMoovRead-2  849–964 ms/op   50–57 MB/s  0.52–0.59 M entries/s  215 MB/op  1,042,754 allocs/op
//
// Our reader (which also checks every control total) is about 3.4 times as
// fast as a bare moov-io/ach Read with its default validation; turning the
// entries into events costs another 60%. It allocates more bytes than moov
// in total (one moov record struct per record, and a 64 KiB read buffer),
// but holds only the current entry, where moov holds the whole file.
//
//	go test ./ach -run '^$' -bench 'ReaderFixtures$' -count 3
//
//	BenchmarkReaderFixtures-2  382–393 µs/op  34 MB/s  704 KB/op  984 allocs/op
//	(the nine fixture files, 13,300 bytes, 38 events)

var large struct {
	once    sync.Once
	data    []byte
	entries int
	err     string
}

// largeFile returns the unzipped 500,000-entry sample of moov-io/ach,
// unzipped once for all benchmarks; it skips when the file is not there.
func largeFile(b *testing.B) ([]byte, int) {
	b.Helper()
	dir := moovDir(b)
	large.once.Do(func() {
		path := filepath.Join(dir, "test", "testdata", "large-files", "PPD-2500-batches-500000-entries.ach.gz")
		data, err := gunzipBytes(path)
		if err != nil {
			large.err = err.Error()
			return
		}
		large.data = data
		large.entries = len(entryRecords(data))
	})
	if large.data == nil {
		b.Skipf("large file not available: %s", large.err)
	}
	return large.data, large.entries
}

func BenchmarkReader(b *testing.B) {
	data, want := largeFile(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		for rec, err := range NewReader(bytes.NewReader(data), "large.ach").All() {
			if err != nil {
				b.Fatal(err)
			}
			if _, ok := rec.(*Entry); ok {
				n++
			}
		}
		if n != want {
			b.Fatalf("read %d entries, want %d", n, want)
		}
	}
	b.ReportMetric(float64(want)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

func BenchmarkEvents(b *testing.B) {
	data, want := largeFile(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		for ev, err := range Events(bytes.NewReader(data), "large.ach") {
			if err != nil {
				b.Fatal(err)
			}
			if ev.Amount.IsNegative() {
				b.Fatal("negative amount")
			}
			n++
		}
		if n != want {
			b.Fatalf("read %d events, want %d", n, want)
		}
	}
	b.ReportMetric(float64(want)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

// BenchmarkMoovRead is a bare moov-io/ach read of the same data, with its
// default validation, for comparison.
func BenchmarkMoovRead(b *testing.B) {
	data, want := largeFile(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := moov.NewReader(bytes.NewReader(data)).Read()
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, batch := range f.Batches {
			n += len(batch.GetEntries())
		}
		if n != want {
			b.Fatalf("moov read %d entries, want %d", n, want)
		}
	}
	b.ReportMetric(float64(want)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}

// BenchmarkReaderFixtures reads the nine small fixture files, events
// included: the cost of a day's files rather than of a big one.
func BenchmarkReaderFixtures(b *testing.B) {
	var files [][]byte
	size := 0
	for _, name := range fixtureFiles {
		data := readFile(b, filepath.Join(fixturesDir, name))
		files = append(files, data)
		size += len(data)
	}
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		n := 0
		for i, data := range files {
			for ev, err := range Events(bytes.NewReader(data), fixtureFiles[i]) {
				if err != nil {
					b.Fatal(err)
				}
				_ = ev
				n++
			}
		}
		if n != 38 {
			b.Fatalf("read %d events, want 38", n)
		}
	}
}
