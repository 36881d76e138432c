package iso20022

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// tokKind is the kind of a token the scanner hands out.
type tokKind uint8

const (
	tokStart tokKind = iota // an element starts
	tokEnd                  // an element ends
	tokText                 // character data
	tokEOF                  // the input ended cleanly
	tokErr                  // the input is not well-formed XML; see scanner.err
)

// openElem is an element the scanner is inside.
type openElem struct {
	name xml.Name // as written: prefix and local name
	line int
}

// nsDecl is a namespace prefix declared on an open element.
type nsDecl struct {
	depth  int // len(scanner.open) of the declaring element
	prefix string
	uri    string
}

// scanner walks the tokens of an XML input with encoding/xml's RawToken,
// which does no namespace translation (the fast path), and does the checks
// RawToken leaves out: that elements close in the order they opened and
// that the input does not end inside an element. It keeps the namespace
// prefixes in scope, for the few elements whose namespace matters.
type scanner struct {
	d    *xml.Decoder
	open []openElem
	ns   []nsDecl

	// The last token: kind, local name, attributes of a start element,
	// character data (valid until the next call) and the line it starts on.
	kind  tokKind
	local string
	attrs []xml.Attr
	text  []byte
	line  int

	err *syntaxError
}

// syntaxError is where and why the input stopped being XML.
type syntaxError struct {
	line, col int
	msg       string
	cut       bool // the input ended inside an element
}

func (s *scanner) reset(r io.Reader) {
	// A Decoder cannot be re-aimed at another input.
	s.d = xml.NewDecoder(r)
	s.d.CharsetReader = charsetReader
	s.open = s.open[:0]
	s.ns = s.ns[:0]
	s.err = nil
	s.text = nil
}

// depth is the number of open elements.
func (s *scanner) depth() int { return len(s.open) }

// next reads the next start, end or text token, skipping comments,
// processing instructions and directives.
func (s *scanner) next() tokKind {
	for {
		line, _ := s.d.InputPos()
		tok, err := s.d.RawToken()
		if err != nil {
			return s.fail(err)
		}
		s.line = line
		switch t := tok.(type) {
		case xml.StartElement:
			s.open = append(s.open, openElem{name: t.Name, line: line})
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					s.ns = append(s.ns, nsDecl{depth: len(s.open), prefix: a.Name.Local, uri: a.Value})
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					s.ns = append(s.ns, nsDecl{depth: len(s.open), uri: a.Value})
				}
			}
			s.kind, s.local, s.attrs = tokStart, t.Name.Local, t.Attr
			return tokStart
		case xml.EndElement:
			if len(s.open) == 0 {
				return s.failf("closing tag </%s> without an opening tag", rawName(t.Name))
			}
			top := s.open[len(s.open)-1]
			if top.name != t.Name {
				return s.failf("element <%s> opened at line %d is closed by </%s>", rawName(top.name), top.line, rawName(t.Name))
			}
			for len(s.ns) > 0 && s.ns[len(s.ns)-1].depth == len(s.open) {
				s.ns = s.ns[:len(s.ns)-1]
			}
			s.open = s.open[:len(s.open)-1]
			s.kind, s.local = tokEnd, t.Name.Local
			return tokEnd
		case xml.CharData:
			s.kind, s.text = tokText, t
			return tokText
		}
	}
}

// namespace returns the namespace URI of the element just started, whose
// prefix is prefix ("" for the default namespace).
func (s *scanner) namespace(prefix string) string {
	for i := len(s.ns) - 1; i >= 0; i-- {
		if s.ns[i].prefix == prefix {
			return s.ns[i].uri
		}
	}
	return ""
}

// prefix returns the namespace prefix of the innermost open element.
func (s *scanner) prefix() string {
	if len(s.open) == 0 {
		return ""
	}
	return s.open[len(s.open)-1].name.Space
}

func (s *scanner) fail(err error) tokKind {
	line, col := s.d.InputPos()
	var se *xml.SyntaxError
	switch {
	case errors.Is(err, io.EOF) && len(s.open) == 0:
		s.kind = tokEOF
		return tokEOF
	case errors.Is(err, io.EOF) || errors.As(err, &se) && se.Msg == "unexpected EOF":
		msg := "it ends in the middle of a tag"
		if len(s.open) > 0 {
			top := s.open[len(s.open)-1]
			msg = fmt.Sprintf("it ends inside <%s> (opened at line %d)", rawName(top.name), top.line)
		}
		s.err = &syntaxError{line: line, col: col, cut: true, msg: msg}
	case errors.As(err, &se):
		s.err = &syntaxError{line: line, col: col, msg: se.Msg}
	default:
		s.err = &syntaxError{line: line, col: col, msg: strings.TrimPrefix(err.Error(), "xml: ")}
	}
	s.kind = tokErr
	return tokErr
}

func (s *scanner) failf(format string, args ...any) tokKind {
	line, col := s.d.InputPos()
	s.err = &syntaxError{line: line, col: col, msg: fmt.Sprintf(format, args...)}
	s.kind = tokErr
	return tokErr
}

// rawName writes an element name as it appears in the file.
func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// charsetReader reads the single-byte encodings bank exports declare
// besides UTF-8.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf8", "us-ascii", "ascii":
		return input, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1":
		return charmap.ISO8859_1.NewDecoder().Reader(input), nil
	case "iso-8859-15", "latin-9":
		return charmap.ISO8859_15.NewDecoder().Reader(input), nil
	case "windows-1252", "cp1252":
		return charmap.Windows1252.NewDecoder().Reader(input), nil
	}
	return nil, errors.New("payinv reads UTF-8, ISO-8859-1 and Windows-1252 only")
}
