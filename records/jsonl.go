package records

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/payinv/payinv/csvin"
)

// maxJSONLine is the longest JSON Lines line read; longer lines are
// reported and skipped.
const maxJSONLine = 1 << 20

// maxJSONDepth is the deepest nesting encoding/json accepts (the object
// of the line itself is level 1).
const maxJSONDepth = 10000

func (rd *reader) readJSONL(br *bufio.Reader) {
	var long []byte
	line := 0
	for {
		text, tooLong, err := readLine(br, &long)
		if len(text) == 0 && !tooLong && err != nil {
			if !errors.Is(err, io.EOF) {
				rd.problem(line+1, "cannot read further: %v", err)
			}
			return
		}
		line++
		text = bytes.TrimSpace(text)
		switch {
		case tooLong:
			if !rd.problem(line, "line skipped: longer than %d bytes", maxJSONLine) {
				return
			}
			continue
		case len(text) == 0:
			continue
		case text[0] != '{':
			if !rd.problem(line, "line skipped: not a JSON object") {
				return
			}
			continue
		}
		rd.msgs = rd.msgs[:0]
		if !rd.jsonObject(string(text)) {
			if !rd.problem(line, "line skipped: not valid JSON: %s", jsonError(text)) {
				return
			}
			continue
		}
		if !rd.build(line) {
			return
		}
	}
}

// jsonError says what encoding/json finds wrong with text.
func jsonError(text []byte) string {
	var v any
	err := json.Unmarshal(text, &v)
	if err == nil {
		return "not one JSON object"
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s (at byte %d)", se.Error(), se.Offset)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonObject reads one JSON object (the whole of s) into the current row
// and reports whether s is valid JSON (the same as json.Valid). A key
// matches a field's column name exactly or, failing that, when both
// lower-cased are equal; of several keys that match alike, the last wins
// (as with encoding/json).
func (rd *reader) jsonObject(s string) bool {
	var match [numFields]uint8 // 0 none, 1 case-insensitive, 2 exact
	var kinds [numFields]byte
	v := &rd.row
	for f := range numFields {
		v.vals[f], v.has[f], v.num[f] = "", false, false
	}
	sc := jsonScanner{s: s}
	if sc.next() != '{' {
		return false
	}
	if sc.peek() == '}' {
		sc.i++
	} else {
		for {
			if sc.peek() != '"' {
				return false
			}
			keyAt := sc.i
			key, esc, ok := sc.str()
			keyEnd := sc.i
			if !ok || sc.next() != ':' {
				return false
			}
			start := sc.skipSpace()
			kind, vesc, ok := sc.value(0)
			if !ok {
				return false
			}
			if esc {
				key = unquote(s[keyAt:keyEnd])
			}
			key = csvin.TrimCell(key)
			if fields := rd.l.keys[lower(key)]; len(fields) > 0 {
				rd.takeJSON(fields, key, kind, vesc, s[start:sc.i], &match, &kinds)
			}
			c := sc.next()
			if c == '}' {
				break
			}
			if c != ',' {
				return false
			}
		}
	}
	if sc.skipSpace() != len(s) {
		return false
	}
	for f := range numFields {
		switch kinds[f] {
		case 't':
			rd.msgs = append(rd.msgs, fieldNames[f]+" is true: want a string or a number")
		case 'f':
			rd.msgs = append(rd.msgs, fieldNames[f]+" is false: want a string or a number")
		case '{':
			rd.msgs = append(rd.msgs, fieldNames[f]+" is a JSON object: want a string or a number")
		case '[':
			rd.msgs = append(rd.msgs, fieldNames[f]+" is a JSON array: want a string or a number")
		}
	}
	return true
}

// takeJSON sets the fields whose column is key (compared exactly, then
// case-insensitively) to the raw value of the given kind.
func (rd *reader) takeJSON(fields []int, key string, kind byte, esc bool, raw string, match *[numFields]uint8, kinds *[numFields]byte) {
	v := &rd.row
	for _, f := range fields {
		var m uint8 = 1
		if key == rd.l.columns[f] {
			m = 2
		}
		if m < match[f] {
			continue
		}
		match[f], kinds[f] = m, kind
		v.has[f], v.num[f], v.vals[f] = true, kind == '0', ""
		switch kind {
		case '"':
			val := raw[1 : len(raw)-1]
			if esc || !utf8.ValidString(val) {
				val = unquote(raw)
			}
			v.vals[f] = csvin.TrimCell(val)
		case '0':
			v.vals[f] = raw
		}
	}
}

// unquote decodes a quoted JSON string with escapes (or invalid UTF-8,
// which becomes U+FFFD as encoding/json does). The string has been
// checked; should decoding still fail, the result is empty.
func unquote(quoted string) string {
	var s string
	if json.Unmarshal([]byte(quoted), &s) != nil {
		return ""
	}
	return s
}

// jsonScanner walks and checks JSON text, by RFC 8259 as encoding/json
// reads it: strings may hold any bytes but control characters.
type jsonScanner struct {
	s string
	i int
}

func (sc *jsonScanner) skipSpace() int {
	for sc.i < len(sc.s) {
		switch sc.s[sc.i] {
		case ' ', '\t', '\r', '\n':
			sc.i++
		default:
			return sc.i
		}
	}
	return sc.i
}

// peek returns the next byte after blanks, or 0 at the end.
func (sc *jsonScanner) peek() byte {
	if sc.skipSpace() < len(sc.s) {
		return sc.s[sc.i]
	}
	return 0
}

// next returns and consumes the next byte after blanks, or 0 at the end.
func (sc *jsonScanner) next() byte {
	c := sc.peek()
	if c != 0 {
		sc.i++
	}
	return c
}

// str reads a string at sc.i (a quote); text is what is between the
// quotes, still escaped when esc is true.
func (sc *jsonScanner) str() (text string, esc, ok bool) {
	for j := sc.i + 1; j < len(sc.s); j++ {
		switch c := sc.s[j]; {
		case c == '"':
			text = sc.s[sc.i+1 : j]
			sc.i = j + 1
			return text, esc, true
		case c == '\\':
			esc = true
			j++
			if j >= len(sc.s) {
				return "", false, false
			}
			switch sc.s[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if j+4 >= len(sc.s) {
					return "", false, false
				}
				for _, h := range []byte(sc.s[j+1 : j+5]) {
					if !isHex(h) {
						return "", false, false
					}
				}
				j += 4
			default:
				return "", false, false
			}
		case c < 0x20:
			return "", false, false
		}
	}
	return "", false, false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// value reads one value after blanks and says its kind: '"' string, '0'
// number, 'n' null, 't' true, 'f' false, '{' object, '[' array; esc is
// true for a string with escapes.
func (sc *jsonScanner) value(depth int) (kind byte, esc, ok bool) {
	switch c := sc.peek(); c {
	case '"':
		_, esc, ok = sc.str()
		return '"', esc, ok
	case '{':
		if depth+2 > maxJSONDepth { // depth 0 is level 2
			return 0, false, false
		}
		sc.i++
		if sc.peek() == '}' {
			sc.i++
			return c, false, true
		}
		for {
			if sc.peek() != '"' {
				return 0, false, false
			}
			if _, _, ok := sc.str(); !ok || sc.next() != ':' {
				return 0, false, false
			}
			if _, _, ok := sc.value(depth + 1); !ok {
				return 0, false, false
			}
			switch sc.next() {
			case ',':
			case '}':
				return c, false, true
			default:
				return 0, false, false
			}
		}
	case '[':
		if depth+2 > maxJSONDepth { // depth 0 is level 2
			return 0, false, false
		}
		sc.i++
		if sc.peek() == ']' {
			sc.i++
			return c, false, true
		}
		for {
			if _, _, ok := sc.value(depth + 1); !ok {
				return 0, false, false
			}
			switch sc.next() {
			case ',':
			case ']':
				return c, false, true
			default:
				return 0, false, false
			}
		}
	case 't':
		return c, false, sc.literal("true")
	case 'f':
		return c, false, sc.literal("false")
	case 'n':
		return c, false, sc.literal("null")
	default:
		return '0', false, sc.number()
	}
}

func (sc *jsonScanner) literal(word string) bool {
	if !strings.HasPrefix(sc.s[sc.i:], word) {
		return false
	}
	sc.i += len(word)
	return true
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (sc *jsonScanner) number() bool {
	s, i := sc.s, sc.i
	digits := func() int {
		n := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	sc.i = i
	return true
}

// readLine reads one line without its line break. A line longer than
// maxJSONLine is discarded to its end and reported by tooLong.
func readLine(br *bufio.Reader, long *[]byte) (text []byte, tooLong bool, err error) {
	part, err := br.ReadSlice('\n')
	if !errors.Is(err, bufio.ErrBufferFull) {
		return bytes.TrimSuffix(part, []byte{'\n'}), false, err
	}
	*long = append((*long)[:0], part...)
	for errors.Is(err, bufio.ErrBufferFull) {
		part, err = br.ReadSlice('\n')
		if !tooLong {
			if len(*long)+len(part) > maxJSONLine {
				tooLong = true
				*long = (*long)[:0]
			} else {
				*long = append(*long, part...)
			}
		}
	}
	if errors.Is(err, io.EOF) {
		err = nil // the line is complete; EOF comes on the next call
	}
	if tooLong {
		return nil, true, err
	}
	return bytes.TrimSuffix(*long, []byte{'\n'}), false, err
}
