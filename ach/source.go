package ach

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"
)

// RecordLength is the length of every NACHA record.
const RecordLength = 94

// maxLineLength bounds how much of one line is kept; longer lines are
// reported and cut, so binary input cannot make the reader hold it whole.
const maxLineLength = 4096

// recordSource cuts input into records. Most files have one record per
// line (ended by LF, CRLF or, from old systems, a lone CR); some have no
// line breaks at all and are read 94 characters at a time.
type recordSource struct {
	br     *bufio.Reader
	fixed  bool // records back to back, no line breaks
	eol    byte // the byte that ends a line: '\n', or '\r' in CR-only files
	number int  // line (or record, when fixed) number of the last record
	long   []byte
	binary bool // the start of the input is binary data, not text
}

// rawRecord is one record as read, before any checks.
type rawRecord struct {
	text   []byte // without line ending; valid until the next call
	number int
	// cut is the length of the line when it was longer than maxLineLength
	// and only its start was kept.
	cut int
}

func newRecordSource(r io.Reader) *recordSource {
	br := bufio.NewReaderSize(r, 64*1024)
	s := &recordSource{br: br}
	// A UTF-8 byte-order mark, left by some editors, is not part of the data.
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	head, _ := br.Peek(4096)
	s.binary = bytes.IndexByte(head, 0) >= 0
	s.eol = '\n'
	if bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0 {
		s.eol = '\r'
	}
	s.fixed = isFixedLayout(head, s.eol)
	return s
}

// isFixedLayout tells a file of records back to back (possibly ending in
// one line break) from a file of lines: its first "line" is several
// records long, a whole number of them, and a record starts where the
// first one ends (not a line padded with blanks).
func isFixedLayout(head []byte, eol byte) bool {
	if len(head) <= RecordLength+2 {
		return false
	}
	i := bytes.IndexByte(head, eol)
	if i < 0 {
		return true // no line break in the first 4 KiB
	}
	first := []rune(string(bytes.TrimRight(head[:i], "\r")))
	n := len(first)
	return n >= 2*RecordLength && n%RecordLength == 0 && first[RecordLength] != ' '
}

// next returns the next record, or io.EOF.
func (s *recordSource) next() (rawRecord, error) {
	if s.fixed {
		return s.nextFixed()
	}
	return s.nextLine()
}

func (s *recordSource) nextLine() (rawRecord, error) {
	for {
		line, err := s.br.ReadSlice(s.eol)
		cut := 0
		if errors.Is(err, bufio.ErrBufferFull) {
			// An over-long line: keep its start, skip the rest.
			s.long = append(s.long[:0], line[:maxLineLength]...)
			total := len(line)
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = s.br.ReadSlice(s.eol)
				total += len(line)
			}
			cut = total
			line = s.long
		}
		if len(line) == 0 && err != nil {
			if err == io.EOF {
				return rawRecord{}, io.EOF
			}
			return rawRecord{}, err
		}
		s.number++
		line = bytes.TrimRight(line, "\r\n")
		if cut == 0 && len(line) > maxLineLength {
			cut = len(line)
			line = line[:maxLineLength]
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if err != nil {
				return rawRecord{}, err // io.EOF after trailing blank lines
			}
			continue // blank lines carry nothing
		}
		rec := rawRecord{text: line, number: s.number, cut: cut}
		if err != nil && err != io.EOF {
			return rec, err
		}
		return rec, nil
	}
}

func (s *recordSource) nextFixed() (rawRecord, error) {
	// Skip line breaks between records (some files end with one).
	for {
		b, err := s.br.Peek(1)
		if err != nil {
			return rawRecord{}, err
		}
		if b[0] != '\n' && b[0] != '\r' {
			break
		}
		_, _ = s.br.Discard(1)
	}
	// A record is 94 characters: more bytes when it holds UTF-8 text.
	buf, err := s.br.Peek(RecordLength * utf8.UTFMax)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return rawRecord{}, err
	}
	n, chars := 0, 0
	for n < len(buf) && chars < RecordLength {
		_, size := utf8.DecodeRune(buf[n:])
		n += size
		chars++
	}
	buf = buf[:n]
	_, _ = s.br.Discard(n)
	s.number++
	return rawRecord{text: buf, number: s.number}, nil
}
