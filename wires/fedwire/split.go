package fedwire

import "strconv"

// maxTags is how many tags one message may hold; a FAIM message has at
// most one of each of about sixty tags.
const maxTags = 400

// message is one FAIM message as cut from the input: its tags' texts one
// after the other, "{1500}30...{1510}1000...", line breaks left out.
type message struct {
	number int  // 1 for the first message of the input
	last   bool // the input ends with it
	buf    []byte
	tags   []tagRef
	// extra counts the tags beyond maxTags, whose text was not kept.
	extra     int
	extraLine int

	// Which of the tags that decide where a message ends it has seen.
	has1100, has1110, has1120, has1130 bool
	has1500, has1510, has1520          bool
	// body is true once a FAIM tag other than the Fed-appended ones
	// ({1100}–{1130}) was seen; unknown tags do not count.
	body bool
}

// tagRef is one tag of a message: its number, the line it starts on, and
// where "{NNNN}text" lies in the message's buf.
type tagRef struct {
	code       int
	line       int
	start, end int
	dropped    int // bytes of text beyond maxTagText, skipped
}

// empty reports whether no tag has been read into m.
func (m *message) empty() bool { return len(m.tags) == 0 && m.extra == 0 }

// line is the line m starts on.
func (m *message) line() int {
	if len(m.tags) > 0 {
		return m.tags[0].line
	}
	return m.extraLine
}

// reset empties m for the next message, keeping its storage.
func (m *message) reset() {
	*m = message{buf: m.buf[:0], tags: m.tags[:0]}
}

// open starts tag code at line: "{NNNN}" is written to buf and the text
// that follows is appended by the scanner. false when m is full and the
// tag's text is not to be kept.
func (m *message) open(code, line int) bool {
	m.seen(code)
	if len(m.tags) == maxTags {
		if m.extra == 0 {
			m.extraLine = line
		}
		m.extra++
		return false
	}
	start := len(m.buf)
	m.buf = append(m.buf, '{')
	m.buf = appendCode(m.buf, code)
	m.buf = append(m.buf, '}')
	m.tags = append(m.tags, tagRef{code: code, line: line, start: start})
	return true
}

// close ends the last tag opened at the end of buf.
func (m *message) close(dropped int) {
	t := &m.tags[len(m.tags)-1]
	t.end = len(m.buf)
	t.dropped = dropped
}

func (m *message) seen(code int) {
	switch code {
	case 1100:
		m.has1100 = true
	case 1110:
		m.has1110 = true
	case 1120:
		m.has1120 = true
	case 1130:
		m.has1130 = true
	default:
		if _, known := tags[code]; known {
			m.body = true
		}
		switch code {
		case 1500:
			m.has1500 = true
		case 1510:
			m.has1510 = true
		case 1520:
			m.has1520 = true
		}
	}
}

// appendCode appends a tag number as four digits.
func appendCode(b []byte, code int) []byte {
	return append(b, byte('0'+code/1000%10), byte('0'+code/100%10), byte('0'+code/10%10), byte('0'+code%10))
}

// tagName returns "{NNNN}".
func tagName(code int) string { return string(append(appendCode([]byte{'{'}, code), '}')) }

// startsMessage says whether tag code begins a new message after m.
//
// A message begins with {1500} (sender supplied information), or with the
// tags the Fedwire Funds Service appends to what it delivers, {1100}
// (message disposition) to {1130}, which some exports put first and
// others last. leading says the input puts them first (its first message
// began with one): then {1100} after a message's body begins the next
// message; otherwise it ends the current one. A second {1510} or {1520}
// in a message begins a new one too (a message without {1500}).
func (m *message) startsMessage(code int, leading bool) bool {
	if m.empty() {
		return false
	}
	switch code {
	case 1500:
		return m.has1500 || m.body
	case 1100:
		return m.has1100 || leading && m.body
	case 1110:
		return m.has1110
	case 1120:
		return m.has1120
	case 1130:
		return m.has1130
	case 1510:
		return m.has1510
	case 1520:
		return m.has1520
	}
	return false
}

// fedAppended says whether code is one of the tags the Fedwire Funds
// Service appends ({1100}–{1130}).
func fedAppended(code int) bool { return code >= 1100 && code <= 1130 }

// messageName is "message N" for problems.
func messageName(n int) string { return "message " + strconv.Itoa(n) }

// msgName is a message number that formats as "message N" only when a
// problem is written.
type msgName int

func (n msgName) String() string { return messageName(int(n)) }
