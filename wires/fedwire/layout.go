package fedwire

import (
	"strings"
	"unicode/utf8"
)

// elem is one element of a tag's layout. A fixed element always has its
// width ("{3100}" starts with a 9-digit ABA); a variable one ends at a '*'
// delimiter or, in the fixed-width (space-padded) form, fills its maximum
// width.
type elem struct {
	width int
	fixed bool
}

// fx is a fixed element of n characters.
func fx(n int) elem { return elem{width: n, fixed: true} }

// vr is a variable element of at most n characters.
func vr(n int) elem { return elem{width: n} }

// repeat returns n variable elements of width w.
func repeat(n, w int) []elem {
	out := make([]elem, n)
	for i := range out {
		out[i] = vr(w)
	}
	return out
}

// Layouts of the tags payinv reads itself when moov-io/wire cannot (the
// widths are those of the FAIM format reference and moov-io/wire's Parse).
var (
	layoutDisposition = []elem{fx(2), fx(1), fx(1), fx(1)}                               // {1100} version, test/production, duplication, status
	layoutReceiptTime = []elem{fx(4), fx(4), fx(4)}                                      // {1110} MMDD, HHMM, application
	layoutOMAD        = []elem{fx(8), fx(8), fx(6), fx(4), fx(4), fx(4)}                 // {1120}
	layoutError       = []elem{fx(1), fx(3), vr(35)}                                     // {1130} category, code, description
	layoutSender      = []elem{fx(2), fx(8), fx(1), fx(1)}                               // {1500} version, correlation, test/production, duplication
	layoutTypeSubtype = []elem{fx(2), fx(2)}                                             // {1510}
	layoutWhole       = []elem{vr(1 << 10)}                                              // {1520}, {2000}: read whole and checked by payinv
	layoutDI          = []elem{fx(9), vr(18)}                                            // {3100}, {3400} ABA and short name
	layoutSenderRef   = []elem{vr(16)}                                                   // {3320}, {4320}
	layoutPrevious    = []elem{fx(22)}                                                   // {3500}
	layoutFunction    = []elem{fx(3), vr(3)}                                             // {3600} business function, transaction type
	layoutInstrument  = []elem{fx(4), vr(35)}                                            // {3610}
	layoutNotify      = []elem{fx(1), vr(2048), vr(140), vr(35), vr(35), vr(35), vr(35)} // {3620}
	layoutCharges     = []elem{fx(1), vr(15), vr(15), vr(15), vr(15)}                    // {3700}
	layoutInstructed  = []elem{fx(3), vr(15)}                                            // {3710}
	layoutRate        = []elem{vr(12)}                                                   // {3720}
	layoutParty       = []elem{fx(1), vr(34), vr(35), vr(35), vr(35), vr(35)}            // {4000}–{4400}, {5000}, {5100}, {5200}
	layoutOptionF     = repeat(5, 35)                                                    // {5010}
	layoutCreditedDD  = []elem{fx(9)}                                                    // {5400}
	layoutOBI         = repeat(4, 35)                                                    // {6000}
	layoutFIToFI      = append([]elem{vr(30)}, repeat(5, 33)...)                         // {6100}, {6200}, {6300}, {6400}
	layoutAdvice      = append([]elem{fx(3), vr(26)}, repeat(5, 33)...)                  // {6110}, {6210}, {6310}, {6410}
	layoutMethod      = []elem{fx(5), vr(30)}                                            // {6420}
	layoutAdditional  = repeat(6, 35)                                                    // {6500}
	layoutService     = repeat(12, 35)                                                   // {9000}
)

// splitElements reads the elements of value, the text of a tag after its
// six characters, by layout: delimited ("121042882WELLS FARGO NA*"),
// fixed-width ("121042882WELLS FARGO NA    ") or a mix. A variable element
// ends at the next '*' when there is one further on, else it fills its
// width; a fixed element has its width unless a '*' ends it sooner.
// Elements are trimmed; an element the value does not reach is "". rest is
// what is left after the last element, without blanks and delimiters.
func splitElements(value string, layout []elem) (els []string, rest string) {
	els = make([]string, len(layout))
	for i, e := range layout {
		if value == "" {
			break
		}
		star := strings.IndexByte(value, '*')
		n := runeOffset(value, e.width)
		switch {
		case star >= 0 && (!e.fixed || star < n):
			els[i] = strings.TrimSpace(value[:star])
			value = value[star+1:]
		default:
			els[i] = strings.TrimSpace(value[:n])
			value = value[n:]
			if e.fixed && strings.HasPrefix(value, "*") && i == len(layout)-1 {
				value = value[1:]
			}
		}
	}
	return els, strings.Trim(value, " *")
}

// runeOffset returns the byte offset in s after n characters, or len(s).
func runeOffset(s string, n int) int {
	for i := 0; i < len(s) && i < n; i++ {
		if s[i] >= utf8.RuneSelf {
			off := 0
			for k := 0; k < n && off < len(s); k++ {
				_, size := utf8.DecodeRuneInString(s[off:])
				off += size
			}
			return off
		}
	}
	return min(n, len(s))
}

// overlong reports whether a delimited element of value is longer than
// its layout allows (moov-io/wire cuts such an element to its width; payinv
// keeps it whole).
func overlong(value string, layout []elem) bool {
	for _, e := range layout {
		star := strings.IndexByte(value, '*')
		if star < 0 {
			return false
		}
		n := runeOffset(value, e.width)
		if e.fixed {
			if star < n {
				value = value[star+1:]
			} else {
				value = value[n:]
			}
			continue
		}
		if star > n && utf8.RuneCountInString(strings.TrimSpace(value[:star])) > e.width {
			return true
		}
		value = value[star+1:]
	}
	return false
}
