package iso20022

import (
	"fmt"
	"strings"

	"github.com/payinv/payinv/payment"
)

// txn is one transaction being turned into an event: the tree it was read
// into, its element and line, and what is wrong with it.
type txn struct {
	rd   *reader
	t    *tree
	root int32
	line int
	id   string // a reference naming the transaction in problems

	errs, warns []issue
}

// issue is one thing wrong with a transaction, at a line.
type issue struct {
	line int
	msg  string
}

// need says what a missing or unreadable element means.
type need uint8

const (
	optional need = iota // missing is fine; unreadable is a warning
	strict               // missing is fine; unreadable is an error
	expected             // missing is a warning; unreadable an error
	required             // missing or unreadable is an error
)

func (rd *reader) newTxn(t *tree, root int32) *txn {
	x := &rd.txnBuf
	*x = txn{rd: rd, t: t, root: root, line: t.line(root, 0), errs: x.errs[:0], warns: x.warns[:0]}
	return x
}

func (x *txn) fail(t *tree, n int32, format string, args ...any) {
	x.errs = append(x.errs, issue{t.line(n, x.line), fmt.Sprintf(format, args...)})
}

func (x *txn) warn(t *tree, n int32, format string, args ...any) {
	x.warns = append(x.warns, issue{t.line(n, x.line), fmt.Sprintf(format, args...)})
}

// missing records that element what is not there.
func (x *txn) missing(nd need, what string) {
	switch nd {
	case required:
		x.errs = append(x.errs, issue{x.line, "no " + what})
	case expected:
		x.warns = append(x.warns, issue{x.line, "no " + what})
	}
}

// bad records that the element n (what) cannot be read.
func (x *txn) bad(nd need, t *tree, n int32, format string, args ...any) {
	if nd == optional {
		x.warn(t, n, format+"; left out", args...)
		return
	}
	x.fail(t, n, format, args...)
}

// money reads an amount element with its Ccy attribute.
func (x *txn) money(t *tree, n int32, what string, nd need) (payment.Money, bool) {
	if n < 0 {
		x.missing(nd, what)
		return payment.Money{}, false
	}
	raw := t.raw(n)
	amt, ok := parseAmount(raw)
	if !ok {
		x.bad(nd, t, n, "%s %q is not an amount (want digits and a decimal point, like 1234.56)", what, clip(raw))
		return payment.Money{}, false
	}
	ccy := t.ccy(n)
	if !isCurrency(ccy) {
		if ccy == "" {
			x.bad(nd, t, n, "%s %s has no currency (Ccy attribute)", what, raw)
		} else {
			x.bad(nd, t, n, "%s %s has currency %q, not a three-letter ISO 4217 code", what, raw, clip([]byte(ccy)))
		}
		return payment.Money{}, false
	}
	return payment.Money{Amount: amt, Currency: ccy}, true
}

// date reads an element holding a date (YYYY-MM-DD).
func (x *txn) date(t *tree, n int32, what string, nd need) payment.Date {
	if n < 0 {
		x.missing(nd, what)
		return payment.Date{}
	}
	raw := t.raw(n)
	d, ok := parseDate(raw)
	if !ok {
		x.bad(nd, t, n, "%s %q is not a valid date (want YYYY-MM-DD)", what, clip(raw))
	}
	return d
}

// dateChoice reads an element holding a Dt or a DtTm (BookgDt, ValDt,
// FctvIntrBkSttlmDt), giving the civil date either way: a date and time
// counts in its own zone.
func (x *txn) dateChoice(t *tree, n int32, what string, nd need) payment.Date {
	if n < 0 {
		x.missing(nd, what)
		return payment.Date{}
	}
	if dt := t.child(n, "Dt"); dt >= 0 {
		return x.date(t, dt, what+"/Dt", nd)
	}
	if tm := t.child(n, "DtTm"); tm >= 0 {
		raw := t.raw(tm)
		v, ok := parseDateTime(raw)
		if !ok {
			x.bad(nd, t, tm, "%s/DtTm %q is not a valid date and time (want YYYY-MM-DDThh:mm:ss with a zone)", what, clip(raw))
			return payment.Date{}
		}
		return payment.DateOf(v)
	}
	// Some exports put the date straight in the element.
	if raw := t.raw(n); len(raw) > 0 {
		return x.date(t, n, what, nd)
	}
	x.missing(nd, what+"/Dt")
	return payment.Date{}
}

// dateTime reads an optional date and time into RFC 3339; one that
// cannot be read is a warning.
func (x *txn) dateTime(t *tree, n int32, what string) string {
	if n < 0 {
		return ""
	}
	raw := t.raw(n)
	v, ok := parseDateTime(raw)
	if !ok {
		x.warn(t, n, "%s %q is not a valid date and time; left out", what, clip(raw))
		return ""
	}
	return formatDateTime(v)
}

func isCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// deliver hands out the event of a transaction, after its warnings; or,
// when something mandatory was wrong, one problem naming all of it.
func (x *txn) deliver(ev *payment.Event) {
	rd := x.rd
	if len(x.errs) == 0 && len(x.warns) == 0 {
		rd.emit(ev, nil)
		return
	}
	what := x.describe()
	if len(x.errs) > 0 {
		first := x.errs[0].line
		var b strings.Builder
		for i, e := range x.errs {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(e.msg)
			if e.line != first {
				fmt.Fprintf(&b, " (line %d)", e.line)
			}
		}
		rd.problem(first, "%s skipped: %s", what, b.String())
		return
	}
	for _, w := range x.warns {
		if !rd.warning(w.line, "%s: %s", what, w.msg) {
			return
		}
	}
	rd.emit(ev, nil)
}

// describe names the transaction for a problem: "pacs.008 CdtTrfTxInf at
// line 21 (EndToEndId WIR-2611160002)".
func (x *txn) describe() string {
	s := fmt.Sprintf("%s %s at line %d", x.rd.doc.format, x.t.name(x.root), x.line)
	if x.id != "" {
		s += " (" + x.id + ")"
	}
	return s
}
