package swiftmt

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxBlock bounds the text of one block. SWIFT allows 10,000 characters
// in block 4; anything much longer is a block whose end is missing.
const maxBlock = 64 << 10

// rawBlock is one block of a message as found: {id:content}.
type rawBlock struct {
	id         string
	line       int // line of the block's "{"
	textLine   int // line of the first character after "{id:"
	start, end int // the content, as offsets into rawMessage.text
	text       bool
}

// rawMessage is one message cut out of the file: its blocks, with the
// content of all of them in one string. bad says why the message cannot
// be read (a block that never ends); warnings are things the framing
// forgave.
type rawMessage struct {
	num    int // 1-based, in the order of the file; service messages count
	line   int // line of the message's "{1:"
	text   string
	blocks []rawBlock

	bad      string
	badLine  int
	warnings []lineNote
}

// lineNote is a message for a line; minor marks one that loses nothing
// (a warning).
type lineNote struct {
	line  int
	msg   string
	minor bool
}

// block returns the first block with the given id, or nil.
func (m *rawMessage) block(id string) *rawBlock {
	for i := range m.blocks {
		if m.blocks[i].id == id {
			return &m.blocks[i]
		}
	}
	return nil
}

// content returns the content of b.
func (m *rawMessage) content(b *rawBlock) string {
	if b == nil {
		return ""
	}
	return m.text[b.start:b.end]
}

// scanner cuts a stream into messages. It reads byte by byte from a
// buffered reader, counting lines, and holds only the message it is
// reading.
type scanner struct {
	br    *bufio.Reader
	line  int  // line of the next byte
	back  int  // a byte pushed back, or -1
	atBOF bool // nothing but a byte order mark read yet
	err   error
	num   int // messages started so far
	// skipping is set after a message that could not be read: the
	// blocks that follow it up to the next message are its own, already
	// reported.
	skipping bool

	buf []byte     // the current message's block contents
	msg rawMessage // the message handed out last, reused for the next
}

func newScanner(r io.Reader) *scanner {
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < 4096 {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	return &scanner{br: br, line: 1, back: -1, atBOF: true}
}

// eof is returned by read at the end of the input, or on a read error
// (kept in scanner.err).
const eof = -1

func (s *scanner) read() int {
	if s.back >= 0 {
		c := s.back
		s.back = -1
		if c == '\n' {
			s.line++
		}
		return c
	}
	c, err := s.br.ReadByte()
	if err != nil {
		if !errors.Is(err, io.EOF) && s.err == nil {
			s.err = err
		}
		return eof
	}
	if c == '\n' {
		s.line++
	}
	return int(c)
}

// unread pushes c back; at most one byte at a time.
func (s *scanner) unread(c int) {
	if c == eof {
		return
	}
	if c == '\n' {
		s.line--
	}
	s.back = c
}

// peekBlockStart reports whether the bytes after a "{" just read are a
// block identifier and a colon ("1:", "4:", "S:"): the start of a
// top-level block, as opposed to a sub-block ("{108:") or text.
func (s *scanner) peekBlockStart() (id byte, ok bool) {
	if s.back >= 0 {
		return 0, false
	}
	p, _ := s.br.Peek(2)
	if len(p) == 2 && p[1] == ':' && isAlnum(p[0]) {
		return p[0], true
	}
	return 0, false
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// item is what the scanner hands out: a message, or a note about text
// outside any message.
type item struct {
	msg  *rawMessage
	note *lineNote
}

// next returns the next message or note; false at the end of the input.
func (s *scanner) next() (item, bool) {
	for {
		c := s.read()
		switch {
		case c == eof:
			if s.err != nil {
				err := s.err
				s.err = nil
				return item{note: &lineNote{line: s.line, msg: fmt.Sprintf("cannot read further: %v", err)}}, true
			}
			return item{}, false
		case c == 0xEF && s.atBOF:
			// A UTF-8 byte order mark: EF BB BF.
			if p, _ := s.br.Peek(2); len(p) == 2 && p[0] == 0xBB && p[1] == 0xBF {
				_, _ = s.br.Discard(2)
				continue
			}
		case c == '$':
			s.skipping = false
			continue
		case isSeparator(c):
			continue
		case c == '{':
			s.atBOF = false
			id, ok := s.peekBlockStart()
			if ok && id == '1' {
				m := s.message()
				s.skipping = m.bad != ""
				return item{msg: m}, true
			}
			if ok {
				line := s.line
				s.skipBlock()
				if s.skipping {
					continue
				}
				return item{note: &lineNote{line: line, msg: fmt.Sprintf("block {%c: outside any message (no {1: before it) ignored", id)}}, true
			}
		}
		s.atBOF = false
		s.unread(c)
		if note := s.junk(); !s.skipping {
			return item{note: note}, true
		}
	}
}

// isSeparator reports whether c may stand between messages: blanks, the
// "$" of RJE files, the SOH/ETX framing of some exports, form feeds.
func isSeparator(c int) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '$', 0x01, 0x03, '\f', 0:
		return true
	}
	return false
}

// junk skips text outside any message up to the next "{" or separator
// line and describes it. Stray braces and dashes (an export's leftovers
// around "-}") lose nothing; other text may be a message cut short.
func (s *scanner) junk() *lineNote {
	line := s.line
	var sample []byte
	n := 0
	minor := true
	for {
		c := s.read()
		if c == eof || n > 0 && (c == '$' || c == '{' || c == '\n') {
			s.unread(c)
			break
		}
		if len(sample) < 24 && c >= ' ' && c < 0x7f {
			sample = append(sample, byte(c))
		}
		if c != '{' && c != '}' && c != '-' && !isSeparator(c) {
			minor = false
		}
		n++
	}
	if minor {
		return &lineNote{line, fmt.Sprintf("stray %q outside any message ignored", sample), true}
	}
	return &lineNote{line, fmt.Sprintf("%d characters outside any message ignored (%q); a SWIFT message starts with {1:", n, sample), false}
}

// skipBlock skips a block whose "{" was read, minding nested braces.
func (s *scanner) skipBlock() {
	depth := 1
	for n := 0; n < maxBlock; n++ {
		c := s.read()
		switch c {
		case eof:
			return
		case '{':
			if _, ok := s.peekBlockStart(); ok && depth == 1 {
				s.unread(c)
				return
			}
			depth++
		case '}':
			if depth--; depth == 0 {
				return
			}
		}
	}
}

// message reads a message whose "{" of "{1:" was just read. The message
// is valid until next is called again; its text is a new string each
// time, so what events take of it may be kept.
func (s *scanner) message() *rawMessage {
	s.num++
	m := &s.msg
	*m = rawMessage{num: s.num, line: s.line, blocks: m.blocks[:0], warnings: m.warnings[:0]}
	s.buf = s.buf[:0]
	for {
		// The "{" is read; the id and ":" follow.
		line := s.line
		id := byte(s.read())
		s.read() // ':'
		b := rawBlock{id: blockID(id), line: line, textLine: s.line, start: len(s.buf)}
		var bad string
		switch {
		case id == '1' || id == '2':
			bad = s.flat()
		case id == '4' && s.peek() != '{':
			b.text = true
			bad = s.text(m)
		default:
			bad = s.nested()
		}
		b.end = len(s.buf)
		if bad != "" {
			if id == '5' || id == 'S' || m.block("4") != nil && id != '4' {
				// A broken trailer after the text loses nothing.
				m.warnings = append(m.warnings, lineNote{line: line, msg: fmt.Sprintf("block {%c: %s; the block is ignored", id, bad)})
			} else {
				m.bad, m.badLine = fmt.Sprintf("block {%c: %s", id, bad), line
				m.blocks = append(m.blocks, b)
				break
			}
		} else {
			m.blocks = append(m.blocks, b)
		}
		// Blocks may be separated by blanks and line breaks.
		c := s.read()
		for c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			c = s.read()
		}
		if c != '{' {
			s.unread(c)
			break
		}
		next, ok := s.peekBlockStart()
		if !ok || next == '1' {
			s.unread(c)
			break
		}
	}
	m.text = string(s.buf)
	return m
}

func (s *scanner) peek() int {
	if s.back >= 0 {
		return s.back
	}
	p, _ := s.br.Peek(1)
	if len(p) == 0 {
		return eof
	}
	return int(p[0])
}

// flat reads the content of block 1 or 2, which holds no braces, up to
// its "}".
func (s *scanner) flat() string {
	for n := 0; ; n++ {
		c := s.read()
		switch {
		case c == eof:
			return "is not closed with }"
		case c == '}':
			return ""
		case c == '{' || c == '\n':
			s.unread(c)
			return "is not closed with }"
		case c == '\r':
			continue
		case n > 256:
			return "is too long"
		}
		s.buf = append(s.buf, byte(c))
	}
}

// nested reads a block made of sub-blocks, {3:{108:X}{121:Y}}, up to the
// "}" that closes it. Line breaks inside are dropped.
func (s *scanner) nested() string {
	depth := 1
	start := len(s.buf)
	for {
		c := s.read()
		switch c {
		case eof:
			return "is not closed with }"
		case '\r', '\n':
			continue
		case '{':
			if _, ok := s.peekBlockStart(); ok && depth == 1 {
				s.unread(c)
				return "is not closed with } before the next block"
			}
			depth++
		case '}':
			if depth--; depth == 0 {
				return ""
			}
		}
		if len(s.buf)-start > maxBlock {
			return fmt.Sprintf("is longer than %d KB", maxBlock>>10)
		}
		s.buf = append(s.buf, byte(c))
	}
}

// text reads block 4 in its text form, "\r\n:20:...\r\n-}", up to the
// closing "}". Carriage returns are dropped; the "-" before "}" is not
// kept.
func (s *scanner) text(m *rawMessage) string {
	start := len(s.buf)
	lineStart := true
	for {
		// The bytes up to the next one that needs a decision are taken
		// from the reader's buffer at once.
		if s.back < 0 {
			if n := s.plain(); n > 0 {
				lineStart = false
				if len(s.buf)-start > maxBlock {
					return fmt.Sprintf("(the text) is longer than %d KB: its -} is missing", maxBlock>>10)
				}
				continue
			}
		}
		c := s.read()
		switch c {
		case eof:
			return "(the text) is not closed with -} at the end of the file"
		case '\r':
			continue
		case '\n':
			lineStart = true
			s.buf = append(s.buf, '\n')
			continue
		case '{':
			if id, ok := s.peekBlockStart(); ok {
				s.unread(c)
				if id == '1' {
					return fmt.Sprintf("(the text) is not closed with -} before the next message, on line %d", s.line)
				}
				return fmt.Sprintf("(the text) is not closed with -} before block {%c: on line %d", id, s.line)
			}
		case '$':
			if lineStart {
				s.unread(c)
				return fmt.Sprintf("(the text) is not closed with -} before the $ that separates messages, on line %d", s.line)
			}
		case '}':
			body := s.buf[start:]
			n := len(body)
			switch {
			case n >= 2 && body[n-1] == '-' && body[n-2] == '\n', n == 1 && body[0] == '-':
				s.buf = s.buf[:len(s.buf)-1]
			case n >= 1 && body[n-1] == '-':
				s.buf = s.buf[:len(s.buf)-1]
				m.warnings = append(m.warnings, lineNote{line: s.line, msg: "block 4 should end with -} on a line of its own"})
			default:
				m.warnings = append(m.warnings, lineNote{line: s.line, msg: "block 4 ends with } instead of -}"})
			}
			return ""
		}
		lineStart = false
		if len(s.buf)-start > maxBlock {
			return fmt.Sprintf("(the text) is longer than %d KB: its -} is missing", maxBlock>>10)
		}
		s.buf = append(s.buf, byte(c))
	}
}

// plain appends to buf the bytes in the reader's buffer up to the first
// line break, brace, carriage return or "$", and returns how many.
func (s *scanner) plain() int {
	if s.br.Buffered() == 0 {
		if _, err := s.br.Peek(1); err != nil {
			return 0
		}
	}
	p, _ := s.br.Peek(s.br.Buffered())
	n := 0
	for n < len(p) {
		switch p[n] {
		case '\n', '\r', '{', '}', '$':
			goto done
		}
		n++
	}
done:
	s.buf = append(s.buf, p[:n]...)
	_, _ = s.br.Discard(n)
	return n
}

// blockID returns a block's id as a string, the usual ones without
// allocating.
func blockID(c byte) string {
	const ids = "12345S"
	if i := strings.IndexByte(ids, c); i >= 0 {
		return ids[i : i+1]
	}
	return string(rune(c))
}
