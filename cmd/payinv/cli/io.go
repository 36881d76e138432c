package cli

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/mattn/go-isatty"
)

// IO is what a command reads and writes, and what it knows of the
// terminal. Commands never touch os.Stdout or the clock directly, so tests
// can run them with buffers and a fixed time.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// StdoutTTY / StderrTTY say whether the streams are terminals.
	StdoutTTY bool
	StderrTTY bool
	// Color allows ANSI colours on stderr (never on stdout).
	Color bool
	// Now is the clock ("today" for --as-of defaults).
	Now func() time.Time
}

// SystemIO connects to the process's standard streams. PAYINV_FORCE_TTY
// makes the streams count as terminals (for testing terminal output from
// scripts); NO_COLOR (any value) turns colour off.
func SystemIO() *IO {
	outTTY := isTerminal(os.Stdout)
	errTTY := isTerminal(os.Stderr)
	if v := os.Getenv("PAYINV_FORCE_TTY"); v != "" {
		if force, err := strconv.ParseBool(v); err == nil {
			outTTY, errTTY = force, force
		}
	}
	_, noColor := os.LookupEnv("NO_COLOR")
	return &IO{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		StdoutTTY: outTTY, StderrTTY: errTTY,
		Color: errTTY && !noColor && os.Getenv("TERM") != "dumb",
		Now:   time.Now,
	}
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// TestIO returns an IO on buffers, not a terminal, at a fixed time.
func TestIO(in string, now time.Time) (*IO, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IO{
		In: bytes.NewBufferString(in), Out: out, ErrOut: errOut,
		Now: func() time.Time { return now },
	}, out, errOut
}
