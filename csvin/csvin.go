// Package csvin holds what payinv's CSV readers (the company's records,
// card processor exports) share: how to say what is wrong with a row the
// csv package could not read, how to quote a cell in a message, and how
// to trim one.
package csvin

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseErrorText says in words what is wrong with a row encoding/csv could
// not read, and where in it.
func ParseErrorText(pe *csv.ParseError) string {
	what := pe.Err.Error()
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		what = `a quoted cell is not closed, or has a quote (") inside that is not doubled`
	case errors.Is(pe.Err, csv.ErrBareQuote):
		what = `a quote (") inside a cell that is not quoted`
	}
	if pe.Line != pe.StartLine {
		return fmt.Sprintf("%s (found at line %d, column %d)", what, pe.Line, pe.Column)
	}
	return fmt.Sprintf("%s (column %d)", what, pe.Column)
}

// maxQuoted is how much of a cell a message shows.
const maxQuoted = 40

// Quote quotes a cell for a message, cut to its first 40 bytes (on a
// character boundary) and marked "..." when longer.
func Quote(s string) string {
	if len(s) > maxQuoted {
		i := maxQuoted
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		return strconv.Quote(s[:i]) + "..."
	}
	return strconv.Quote(s)
}

// TrimCell trims the blanks around a cell: ASCII blanks and tabs without
// the cost of Unicode tables on the common path, and Unicode spaces (a
// no-break space pasted from a spreadsheet) when an end is not ASCII.
func TrimCell(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	if len(s) > 0 && (s[0] >= utf8.RuneSelf || s[len(s)-1] >= utf8.RuneSelf) {
		return strings.TrimSpace(s)
	}
	return s
}

// DigitsAt reads the n ASCII digits of s at i as a number, or returns -1
// when s is too short there or holds something else: the fixed-width date
// and time fields of exports ("2026-11-10 15:04").
func DigitsAt(s string, i, n int) int {
	if i < 0 || i+n > len(s) {
		return -1
	}
	v := 0
	for j := i; j < i+n; j++ {
		c := s[j]
		if c < '0' || c > '9' {
			return -1
		}
		v = v*10 + int(c-'0')
	}
	return v
}
