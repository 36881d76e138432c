package cli

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/payinv/payinv/ach"
	"github.com/payinv/payinv/payment"
)

// stdinName is how standard input ("-") is named in output and problems.
const stdinName = "<stdin>"

// source is one input file, found on the command line or in a folder.
type source struct {
	name string
	// inFolder is true for files found by walking a folder: those that are
	// not payment files are skipped with a note rather than an error.
	inFolder bool
	open     func() (io.ReadCloser, error)
	// count, when set, is told how many bytes are read (for progress).
	count func(int)
}

// inputs expands a command's arguments into sources, reporting those that
// cannot be read on a new reporter, which the command goes on using.
func (o *options) inputs(args []string) (*reporter, []source) {
	rep := newReporter(o.io)
	sources, problems := expandSources(args, o.io.In)
	for _, p := range problems {
		rep.report(p, "")
	}
	return rep, sources
}

// expandSources turns command-line arguments into input files: "-" is
// standard input, a folder stands for every file below it (in name order,
// hidden files and folders left out). Arguments that cannot be read come
// back as problems.
func expandSources(args []string, stdin io.Reader) ([]source, []*payment.Problem) {
	var out []source
	var problems []*payment.Problem
	usedStdin := false
	for _, arg := range args {
		if arg == "-" {
			if usedStdin {
				problems = append(problems, &payment.Problem{Source: payment.Source{File: stdinName}, Message: "standard input given more than once"})
				continue
			}
			usedStdin = true
			out = append(out, source{name: stdinName, open: func() (io.ReadCloser, error) { return io.NopCloser(stdin), nil }})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			problems = append(problems, &payment.Problem{Source: payment.Source{File: arg}, Message: describeOSError(err)})
			continue
		}
		if !info.IsDir() {
			out = append(out, fileSource(arg, false))
			continue
		}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, &payment.Problem{Source: payment.Source{File: path}, Message: describeOSError(err)})
				return nil
			}
			if path != arg && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				out = append(out, fileSource(path, true))
			}
			return nil
		})
		if err != nil {
			problems = append(problems, &payment.Problem{Source: payment.Source{File: arg}, Message: describeOSError(err)})
		}
	}
	return out, problems
}

func fileSource(path string, inFolder bool) source {
	return source{name: path, inFolder: inFolder, open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

func describeOSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// openSource opens a source and sees through gzip compression, which is
// recognized by its content, not its name. Its buffers are reused once the
// source is closed: a folder of a hundred thousand one-message wire files
// would otherwise allocate 64 KB twice per file.
func openSource(s source) (*bufio.Reader, io.Closer, error) {
	rc, err := s.open()
	if err != nil {
		return nil, nil, errors.New(describeOSError(err))
	}
	var raw io.Reader = rc
	if s.count != nil {
		raw = countingReader{r: rc, count: s.count}
	}
	br := newBuffer(raw)
	magic, _ := br.Peek(2)
	if !bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		return br, closers{rc, pooled{br}}, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		rc.Close()
		buffers.Put(br)
		return nil, nil, fmt.Errorf("not a readable gzip file: %v", err)
	}
	zbr := newBuffer(zr)
	return zbr, closers{zr, rc, pooled{br}, pooled{zbr}}, nil
}

// buffers are the input buffers of closed sources, for reuse.
var buffers = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64*1024) }}

func newBuffer(r io.Reader) *bufio.Reader {
	br := buffers.Get().(*bufio.Reader)
	br.Reset(r)
	return br
}

// pooled gives a buffer back for reuse when its source is closed.
type pooled struct{ br *bufio.Reader }

func (p pooled) Close() error {
	p.br.Reset(nil)
	buffers.Put(p.br)
	return nil
}

type closers []io.Closer

func (c closers) Close() error {
	var first error
	for _, x := range c {
		if err := x.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// openNACHA opens a source that should be a NACHA file. A file found in a
// folder that is not one is skipped with a warning; a file named on the
// command line is read anyway, so the reader names what is wrong with it.
func openNACHA(src source, rep *reporter) (*bufio.Reader, io.Closer, bool) {
	in, closer, err := openSource(src)
	if err != nil {
		rep.report(err, src.name)
		return nil, nil, false
	}
	if src.inFolder {
		if head, _ := in.Peek(512); !ach.Sniff(head) {
			closer.Close()
			rep.report(payment.Warningf(payment.Source{File: src.name}, "skipped: not a NACHA file"), src.name)
			return nil, nil, false
		}
	}
	return in, closer, true
}
