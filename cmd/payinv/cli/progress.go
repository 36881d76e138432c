package cli

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progressThreshold is how many bytes of input make a progress bar worth
// showing: below it a command finishes in about a second.
const progressThreshold = 32 << 20

// progress shows how much of the inputs has been read, on stderr and only
// when stderr is a terminal. A nil *progress does nothing.
type progress struct{ bar *progressbar.ProgressBar }

// newProgress returns a progress bar over the sources (and extra files) if
// stderr is a terminal and they are large; otherwise nil. Sizes are what
// is on disk, so gzip-compressed files count their compressed bytes.
func newProgress(io *IO, description string, threshold int64, sources []source, extra ...string) *progress {
	if !io.StderrTTY {
		return nil
	}
	var total int64
	names := append(sourceNames(sources), extra...)
	for _, name := range names {
		if info, err := os.Stat(name); err == nil && info.Mode().IsRegular() {
			total += info.Size()
		}
	}
	if total < threshold {
		return nil
	}
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(io.ErrOut),
		progressbar.OptionSetDescription(description),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionEnableColorCodes(false),
	)
	return &progress{bar: bar}
}

// attach makes the sources count what is read of them.
func (p *progress) attach(sources []source) {
	if p == nil {
		return
	}
	for i := range sources {
		sources[i].count = p.add
	}
}

func (p *progress) add(n int) { _ = p.bar.Add(n) }

// done clears the bar.
func (p *progress) done() {
	if p != nil {
		_ = p.bar.Finish()
	}
}

// countingReader reports every read to count.
type countingReader struct {
	r     io.Reader
	count func(int)
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	if n > 0 {
		c.count(n)
	}
	return n, err
}
