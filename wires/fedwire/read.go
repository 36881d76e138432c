package fedwire

import (
	"bytes"
	"fmt"
	"io"
	"iter"

	"github.com/payinv/payinv/payment"
)

// Read streams the events of a file of Fedwire FAIM messages; name is used
// in every Source and problem.
//
// The input is cut into messages by payinv itself (moov-io/wire reads a
// whole file as one message): a message begins at {1500}, or at {1100}
// when the file puts the tags the Fed appends before the message. Tags may
// be one per line (LF or CRLF), all on one line, or broken over lines;
// elements may end with '*' or be space-padded to their width. Each
// message is read tag by tag with moov-io/wire's types; a tag moov cannot
// parse (a fixed-width one, a missing delimiter) is read by its FAIM
// layout, and what moov's validation finds is reported as a warning.
//
// Each message gives one event, or, when its amount or type/subtype cannot
// be read, a problem saying so; other faults (a bad IMAD, an unknown tag,
// a missing mandatory tag) are reported and the event is still given.
// Problems are *payment.Problem values naming the file, the line and the
// message number ("message 3"); they come before the message's event.
// Source.Line of an event is the line its message begins on.
//
// Events are the caller's to keep; their texts share one string per
// message. The sequence reads r as it goes, a message at a time, and can
// be ranged over once.
func Read(r io.Reader, name string) iter.Seq2[*payment.Event, error] {
	return func(yield func(*payment.Event, error) bool) {
		rd := &reader{name: name, yield: yield}
		rd.run(r)
	}
}

// reader is the state of one Read.
type reader struct {
	name  string
	yield func(*payment.Event, error) bool
	done  bool

	msg      message
	messages int  // messages read so far
	leading  bool // the Fed-appended tags come first in this input
	// seen marks the tags of the message being read, by number.
	seen  [10000]bool
	valid validCache
}

func (r *reader) at(line int) payment.Source { return payment.Source{File: r.name, Line: line} }

// emit hands a pair to the consumer; false when it stopped.
func (r *reader) emit(ev *payment.Event, err error) bool {
	if r.done {
		return false
	}
	if !r.yield(ev, err) {
		r.done = true
	}
	return !r.done
}

func (r *reader) problem(line int, format string, args ...any) bool {
	return r.emit(nil, payment.Problemf(r.at(line), format, args...))
}

func (r *reader) warning(line int, format string, args ...any) bool {
	return r.emit(nil, payment.Warningf(r.at(line), format, args...))
}

// run reads the input tag by tag, handing each message on as it ends.
func (r *reader) run(src io.Reader) {
	sc := newScanner(src)
	m := &r.msg
	kept := false // the tag being read is kept in m
	started := false
	for {
		mark := len(m.buf)
		code, line, t, ok := sc.next(&m.buf)
		switch {
		case kept:
			if !ok && !r.cutTruncatedTag(sc) {
				return
			}
			m.close(t.dropped)
		case started:
			m.buf = m.buf[:mark] // the text of a tag over maxTags
		default:
			if !r.preamble(m.buf[mark:], ok) {
				return
			}
			m.buf = m.buf[:mark]
		}
		if !ok {
			break
		}
		if m.startsMessage(code, r.leading) && !r.flush() {
			return
		}
		if m.empty() && r.messages == 0 && fedAppended(code) {
			r.leading = true
		}
		kept = m.open(code, line)
		started = true
	}
	if sc.err != nil && !r.problem(sc.line, "cannot read further: %v", sc.err) {
		return
	}
	m.last = true
	r.flush()
}

// preamble checks the text before the first tag: nothing, blank space, or
// (when there is no tag at all) a reason the input is not FAIM. false
// when the consumer stopped.
func (r *reader) preamble(text []byte, tagFollows bool) bool {
	text = bytes.TrimSpace(text)
	switch {
	case !tagFollows && len(text) == 0:
		return r.problem(0, "empty file: no Fedwire messages")
	case !tagFollows:
		return r.problem(1, "not a Fedwire FAIM file: no {NNNN} tags (a FAIM message starts with {1500} or {1100}); found %s", quoteStart(text))
	case len(text) > 0:
		return r.problem(1, "text before the first tag ignored: %s", quoteStart(text))
	}
	return true
}

// cutTruncatedTag removes from the last tag of the input the start of a
// tag the input ends in ("{20", "{2000"), and reports it. false when the
// consumer stopped.
func (r *reader) cutTruncatedTag(sc *scanner) bool {
	m := &r.msg
	t := m.tags[len(m.tags)-1]
	text := m.buf[t.start+6:]
	i := bytes.LastIndexByte(text, '{')
	if i < 0 || len(text)-i > 5 || !allDigits(string(text[i+1:])+"0") {
		return true
	}
	cut := string(text[i:])
	m.buf = m.buf[:t.start+6+i]
	return r.problem(sc.line, "%s: the file ends inside a tag (%q): it may be truncated", messageName(r.messages+1), cut)
}

// flush reads the message gathered in r.msg, if any, and empties it.
// false when the consumer stopped.
func (r *reader) flush() bool {
	m := &r.msg
	if m.empty() {
		return !r.done
	}
	r.messages++
	m.number = r.messages
	ok := r.readMessage(m)
	m.reset()
	return ok
}

// quoteStart quotes the start of text for a problem.
func quoteStart(text []byte) string {
	const show = 40
	if len(text) > show {
		return fmt.Sprintf("%q…", text[:show])
	}
	return fmt.Sprintf("%q", text)
}
