package swiftmt

import (
	"fmt"
	"io"
	"iter"

	"github.com/payinv/payinv/payment"
)

// Formats of the events Read gives (payment.Event.Format). Other message
// types give "mt" and their number ("mt192"); a NAK gives FormatNAK.
const (
	FormatMT103    = "mt103"
	FormatMT202    = "mt202"
	FormatMT202COV = "mt202cov"
	FormatMT199    = "mt199"
	FormatMT299    = "mt299"
	FormatMT900    = "mt900"
	FormatMT910    = "mt910"
	FormatNAK      = "nak"
)

// Network is the WireDetail.Network of every event.
const Network = "swift"

// Read streams the events of a file of SWIFT MT (FIN) messages; name is
// used in every Source and problem.
//
// Messages follow one another with or without line breaks between them,
// or separated by "$" (RJE files); CRLF and LF line ends are read, and a
// UTF-8 byte order mark is skipped. Each message gives one event (see the
// package documentation), or a problem (a *payment.Problem naming the
// file, the line, the message's number in the file and the field) when
// it cannot be read: a block that is never closed, a missing :20: or
// :32A:, a date or amount that is not one. Reading goes on with the next
// message. Deviations that lose nothing are reported as warnings
// (Problem.Warning) and the message is read.
//
// ACK and NAK service messages are no events of their own: an ACK marks
// the message it answers (the one whose session and sequence number or
// MUR it names, or else the next one) with Wire.Status "ACK"; a NAK marks
// it "NAK" and gives a rejection event of format FormatNAK. To find a
// service message after the message it answers, each event is held back
// until the next message is read: memory stays bounded by one message.
//
// Events are the caller's to keep. The sequence reads r as it goes and
// can be ranged over once.
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

	ctx msgCtx // reused from message to message

	// held is what the last message gave (its warnings, then its event),
	// kept until the next message is read in case an ACK or NAK for it
	// follows; heldEv is its event and heldID how it is named.
	held   []out
	heldEv *payment.Event
	heldID msgID
	// svc is an ACK or NAK waiting for the message after it.
	svc *service
}

// out is one pair of the sequence.
type out struct {
	ev  *payment.Event
	err error
}

func (rd *reader) at(line int) payment.Source { return payment.Source{File: rd.name, Line: line} }

// emit hands a pair to the consumer; false when it stopped.
func (rd *reader) emit(ev *payment.Event, err error) bool {
	if rd.done {
		return false
	}
	if !rd.yield(ev, err) {
		rd.done = true
	}
	return !rd.done
}

func (rd *reader) run(r io.Reader) {
	sc := newScanner(r)
	seen := false
	for !rd.done {
		it, ok := sc.next()
		if !ok {
			break
		}
		seen = true
		if n := it.note; n != nil {
			rd.flushHeld()
			p := payment.Problemf(rd.at(n.line), "%s", n.msg)
			p.Warning = n.minor
			rd.emit(nil, p)
			continue
		}
		rd.message(it.msg)
	}
	rd.flushHeld()
	rd.flushService()
	if !seen && !rd.done {
		rd.emit(nil, payment.Problemf(rd.at(0), "empty file: no SWIFT message"))
	}
}

// flushHeld hands out what the last message gave.
func (rd *reader) flushHeld() {
	for _, o := range rd.held {
		if !rd.emit(o.ev, o.err) {
			break
		}
	}
	clear(rd.held)
	rd.held = rd.held[:0]
	rd.heldEv = nil
}

// flushService hands out a service message that answered no message in
// the file: a NAK is still a rejection; an ACK is only noted.
func (rd *reader) flushService() {
	s := rd.svc
	if s == nil {
		return
	}
	rd.svc = nil
	if s.nak {
		rd.emit(rd.nakEvent(s, nil), nil)
		return
	}
	what := "the message next to it"
	if s.sessISN != "" {
		what = fmt.Sprintf("session %s ISN %s", s.sessISN[:4], s.sessISN[4:])
	}
	if s.mur != "" {
		what += ", MUR " + s.mur
	}
	rd.emit(nil, payment.Warningf(rd.at(s.line), "message %d: an ACK for a message not in the file (%s); nothing to mark", s.num, what))
}

// message reads one message cut out of the file.
func (rd *reader) message(m *rawMessage) {
	if m.bad != "" {
		rd.flushHeld()
		rd.emit(nil, payment.Problemf(rd.at(m.badLine), "message %d: %s; the message is skipped", m.num, m.bad))
		return
	}
	c := &rd.ctx
	*c = msgCtx{rd: rd, m: m, fields: c.fields[:0], outs: c.outs[:0]}
	if p := c.h.parseBlock1(m.content(m.block("1"))); p != "" {
		rd.flushHeld()
		rd.emit(nil, payment.Problemf(rd.at(m.line), "message %d: %s; the message is skipped", m.num, p))
		return
	}
	if b3 := m.block("3"); b3 != nil {
		c.h.parseBlock3(m.content(b3))
	}
	if b5 := m.block("5"); b5 != nil {
		c.h.parseBlock5(m.content(b5))
	}
	if c.h.service == "21" {
		rd.service(c)
		return
	}
	ev := c.build()
	id := idOf(&c.h)

	// An ACK or NAK read before this message answers it when it names it
	// or names none.
	if s := rd.svc; s != nil {
		if ev != nil && (s.names(id) || s.anonymous()) {
			rd.svc = nil
			s.applyTo(ev)
			if s.nak {
				rd.flushHeld()
				rd.emit(rd.nakEvent(s, ev), nil)
			}
		} else {
			rd.flushHeld()
			rd.flushService()
		}
	}
	rd.flushHeld()
	rd.held = append(rd.held, c.outs...)
	if ev != nil {
		rd.held = append(rd.held, out{ev: ev})
		rd.heldEv, rd.heldID = ev, id
	}
}

// service reads an ACK or NAK and applies it to the message it answers,
// or keeps it for the next message.
func (rd *reader) service(c *msgCtx) {
	s, ok := parseService(c.m, &c.h)
	if !ok {
		rd.flushHeld()
		rd.emit(nil, payment.Problemf(rd.at(c.m.line), "message %d: a service message (F21) without {451:} (ACK or NAK) in block 4; ignored", c.m.num))
		return
	}
	for _, w := range c.m.warnings {
		rd.held = append(rd.held, out{err: payment.Warningf(rd.at(w.line), "message %d (%s): %s", c.m.num, ackWord(s), w.msg)})
	}
	if rd.heldEv != nil && s.names(rd.heldID) {
		s.applyTo(rd.heldEv)
		if s.nak {
			rd.held = append(rd.held, out{ev: rd.nakEvent(s, rd.heldEv)})
		}
		rd.flushHeld()
		return
	}
	rd.flushHeld()
	rd.flushService()
	rd.svc = s
}

func ackWord(s *service) string {
	if s.nak {
		return "NAK"
	}
	return "ACK"
}

// newEvent returns a blank event with its wire detail, in one allocation.
func newEvent() (*payment.Event, *payment.WireDetail) {
	x := &struct {
		ev payment.Event
		w  payment.WireDetail
	}{}
	x.ev.Wire = &x.w
	return &x.ev, &x.w
}
