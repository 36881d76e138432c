package ach

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// RecordLength is the length of every NACHA record.
const RecordLength = 94

// maxLineLength bounds how much of one line is kept; longer lines are
// reported and cut, so binary input cannot make the reader hold it whole.
const maxLineLength = 4096

// recordSource cuts input into records. Most files have one record per
// line; some have no line breaks at all and are read 94 bytes at a time.
type recordSource struct {
	br     *bufio.Reader
	fixed  bool // records back to back, no line breaks
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
	head, _ := br.Peek(512)
	s.binary = bytes.IndexByte(head, 0) >= 0
	if len(head) > RecordLength+2 {
		// A file whose first line break comes after the first record is made
		// of records back to back (possibly with a final line break).
		if i := bytes.IndexAny(head, "\r\n"); i < 0 || i > 2*RecordLength {
			s.fixed = true
		}
	}
	return s
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
		line, err := s.br.ReadSlice('\n')
		cut := 0
		if errors.Is(err, bufio.ErrBufferFull) {
			// An over-long line: keep its start, skip the rest.
			s.long = append(s.long[:0], line[:maxLineLength]...)
			total := len(line)
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = s.br.ReadSlice('\n')
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
	buf, err := s.br.Peek(RecordLength)
	if err != nil && err != io.EOF {
		return rawRecord{}, err
	}
	_, _ = s.br.Discard(len(buf))
	s.number++
	return rawRecord{text: buf, number: s.number}, nil
}
