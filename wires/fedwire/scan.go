package fedwire

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// maxTagText is how much text one tag may hold before the rest of it is
// skipped: the longest FAIM tags ({8200} unstructured addenda, {3620}
// payment notification) hold under 10,000 characters.
const maxTagText = 16 << 10

// scanner cuts a stream into FAIM tags, "{NNNN}" and the text after it up
// to the next tag, counting lines as it goes. Line breaks (LF, CRLF) are
// not part of a tag's text: tags may be one per line, all on one line, or
// broken over lines.
type scanner struct {
	br   *bufio.Reader
	line int   // the line the read position is on, from 1
	err  error // a read error other than io.EOF
}

func newScanner(r io.Reader) *scanner {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(len(bom)); bytes.Equal(head, bom) {
		_, _ = br.Discard(len(bom))
	}
	return &scanner{br: br, line: 1}
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// text says what next did with the text before a tag.
type text struct {
	// dropped counts the bytes beyond maxTagText (counted from dst's
	// length when next was called) that were skipped.
	dropped int
}

// next appends to dst the text up to the next tag (line breaks left out)
// and returns that tag's number and line; ok is false at the end of the
// input, when dst has the text up to the end.
func (s *scanner) next(dst *[]byte) (code, line int, t text, ok bool) {
	start := len(*dst)
	for {
		chunk, err := s.br.ReadSlice('{')
		found := err == nil
		if found {
			chunk = chunk[:len(chunk)-1]
		}
		s.appendText(dst, chunk, start, &t)
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil:
			if !errors.Is(err, io.EOF) {
				s.err = err
			}
			return 0, 0, t, false
		}
		if head, _ := s.br.Peek(5); len(head) == 5 && isTag(head) {
			code = int(head[0]-'0')*1000 + int(head[1]-'0')*100 + int(head[2]-'0')*10 + int(head[3]-'0')
			_, _ = s.br.Discard(5)
			return code, s.line, t, true
		}
		s.appendText(dst, []byte{'{'}, start, &t)
	}
}

// isTag says whether b (the five bytes after a '{') is "NNNN}".
func isTag(b []byte) bool {
	for _, c := range b[:4] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return b[4] == '}'
}

// appendText appends chunk to dst without its line breaks, counting
// lines, and skipping what goes beyond maxTagText from start.
func (s *scanner) appendText(dst *[]byte, chunk []byte, start int, t *text) {
	for len(chunk) > 0 {
		i := bytes.IndexAny(chunk, "\r\n")
		part := chunk
		if i >= 0 {
			part = chunk[:i]
		}
		room := maxTagText - (len(*dst) - start)
		if len(part) > room {
			t.dropped += len(part) - max(room, 0)
			part = part[:max(room, 0)]
		}
		*dst = append(*dst, part...)
		if i < 0 {
			return
		}
		if chunk[i] == '\n' {
			s.line++
		}
		chunk = chunk[i+1:]
	}
}
