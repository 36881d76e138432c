package fedwire

import (
	"errors"
	"fmt"
	"strings"

	"github.com/moov-io/wire"
)

// mandatory are the tags every FAIM message must have, in the order they
// are reported when missing.
var mandatory = []int{1500, 1510, 1520, 2000, 3100, 3400, 3600}

// ownCheck reports whether payinv checks tag code itself (type/subtype,
// IMAD, amount): moov-io/wire's findings on it would repeat its own.
func ownCheck(code int) bool { return code == 1510 || code == 1520 || code == 2000 }

// parsed is a message read into moov-io/wire's model.
type parsed struct {
	m    *message
	text string // the message's tags, one after the other
	fw   wire.FEDWireMessage
	// missing lists the mandatory tags the message lacks.
	missing []int
	// moovGaps is true when a tag moov-io/wire could not parse was left
	// out of fw (one payinv does not read by its layout).
	moovGaps bool
	// reported holds moov-io/wire's findings already reported.
	reported map[string]bool
}

// line returns the line of tag code in the message, or the message's line
// when it has no such tag.
func (p *parsed) line(code int) int {
	for _, t := range p.m.tags {
		if t.code == code {
			return t.line
		}
	}
	return p.m.line()
}

// readMessage reads one message, reports its problems and hands on its
// event. false when the consumer stopped.
func (r *reader) readMessage(m *message) bool {
	p := &parsed{m: m, text: string(m.buf)}
	r.readTags(p)
	if m.extra > 0 {
		r.problem(m.extraLine, "%s has more than %d tags; the %d from line %d on were ignored", messageName(m.number), maxTags, m.extra, m.extraLine)
	}
	for _, code := range mandatory {
		if !r.seen[code] {
			p.missing = append(p.missing, code)
		}
	}
	for _, t := range m.tags {
		r.seen[t.code] = false
	}
	r.reportMissing(p)
	if !r.done && len(p.missing) == 0 && !p.moovGaps {
		err := guard(func() error {
			f := wire.File{FEDWireMessage: p.fw}
			return f.Validate()
		})
		if err != nil && !p.reported[err.Error()] {
			r.warning(m.line(), "%s: moov-io/wire's validation of the message says %q", messageName(m.number), moovWords(err.Error()))
		}
	}
	if r.done {
		return false
	}
	if ev := r.event(p); ev != nil {
		r.emit(ev, nil)
	}
	return !r.done
}

// readTags reads each tag of p's message into p.fw and reports what is
// wrong with it.
func (r *reader) readTags(p *parsed) {
	m := p.m
	name := msgName(m.number)
	for _, t := range m.tags {
		rec := p.text[t.start:t.end]
		def, known := tags[t.code]
		switch {
		case !known:
			if text := strings.TrimSpace(rec[6:]); text != "" {
				r.problem(t.line, "%s: unknown tag %s (not a FAIM tag): ignored with its text %s", name, tagName(t.code), quoteStart([]byte(text)))
			} else {
				r.problem(t.line, "%s: unknown tag %s (not a FAIM tag) ignored", name, tagName(t.code))
			}
			continue
		case r.seen[t.code]:
			r.problem(t.line, "%s: tag %s (%s) appears a second time: the second was ignored", name, tagName(t.code), def.what)
			continue
		}
		r.seen[t.code] = true
		if t.dropped > 0 {
			r.problem(t.line, "%s: tag %s (%s) is over %d characters long: the last %d were skipped", name, tagName(t.code), def.what, maxTagText, t.dropped)
		}
		res := def.read(&p.fw, rec, &r.valid)
		if res.parseErr != nil {
			switch {
			case !res.own:
				p.moovGaps = true
				r.warning(t.line, "%s: tag %s (%s): moov-io/wire cannot read it (%v); payinv does not use it", name, tagName(t.code), def.what, res.parseErr)
			case res.long:
				r.warning(t.line, "%s: tag %s (%s): an element is longer than FAIM allows; kept whole", name, tagName(t.code), def.what)
			case !errors.Is(res.parseErr, wire.ErrRequireDelimiter) && !ownCheck(t.code):
				r.warning(t.line, "%s: tag %s (%s): moov-io/wire cannot read it (%v); read by its FAIM layout", name, tagName(t.code), def.what, res.parseErr)
			}
		}
		if res.rest != "" {
			r.warning(t.line, "%s: tag %s (%s): text after its last element ignored: %s", name, tagName(t.code), def.what, quoteStart([]byte(res.rest)))
		}
		if res.valErr != nil {
			if p.reported == nil {
				p.reported = map[string]bool{}
			}
			p.reported[res.valErr.Error()] = true
			if !ownCheck(t.code) {
				r.warning(t.line, "%s: tag %s (%s): %s", name, tagName(t.code), def.what, moovFinding(res.valErr))
			}
		}
	}
}

// moovWords replaces the moov-io/wire type a finding starts with by its
// tag: "FIBeneficiaryAdvice is a required field" reads "{6410} beneficiary
// advice is a required field".
func moovWords(s string) string {
	first, rest, _ := strings.Cut(s, " ")
	if code, ok := moovTypes[first]; ok {
		return tagName(code) + " " + tags[code].what + " " + rest
	}
	return s
}

// moovFinding words a moov-io/wire validation error for a problem.
func moovFinding(err error) string {
	return fmt.Sprintf("moov-io/wire's validation says %q", err.Error())
}

// reportMissing reports the mandatory tags p's message lacks.
func (r *reader) reportMissing(p *parsed) {
	if len(p.missing) == 0 {
		return
	}
	list := ""
	for i, code := range p.missing {
		if i > 0 {
			list += ", "
		}
		list += tagName(code) + " " + tags[code].what
	}
	why := ""
	if p.m.last {
		why = " (the file may be truncated)"
	}
	r.problem(p.m.line(), "%s lacks mandatory tags: %s%s", messageName(p.m.number), list, why)
}
