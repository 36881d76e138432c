package swiftmt

import (
	"strings"

	"github.com/payinv/payinv/payment"
)

// guideline is what the lines of the SWIFT Payments Reject/Return
// Guidelines say, as found in :72: of a returned or rejected MT103/202 (or
// :79: of an MT199/299):
//
//	/RETN/59                     the field that caused it
//	/AC01/optional text          the reason code (or /XT99/AC01/)
//	/MREF/WIR-2611200001         :20: of the original message
//	/TREF/E2E-1                  the original end-to-end reference
//	/TEXT//UETR/<uuid>           free text; the original UETR
//	/CHGS/USD25,00               charges taken
//	/EXCH/1,0909                 the exchange rate used
type guideline struct {
	kind  payment.Kind // KindReturn for /RETN/, KindRejection for /REJT/
	field string       // "59", "99"
	code  string
	text  string // the words given with the code, and /TEXT/ free text
	mref  string
	tref  string
	uetr  string // lower case
	fx    string // point decimal

	charges []payment.Money
	notes   []string // what could not be read
}

// parseGuideline reads v when it begins with /RETN/ or /REJT/.
func parseGuideline(v string) (g guideline, ok bool) {
	v = strings.TrimLeft(v, " \n")
	switch {
	case hasPrefixFold(v, "/RETN/"):
		g.kind = payment.KindReturn
	case hasPrefixFold(v, "/REJT/"):
		g.kind = payment.KindRejection
	default:
		return g, false
	}
	var arr [8]string
	ls := lines(arr[:0], v)
	first := strings.TrimSpace(ls[0][len("/RETN/"):])
	var texts []string
	if isFieldTag(first) {
		g.field = first
	} else if first != "" {
		// Not the guideline's form, but seen: the code (and words) on the
		// first line, "/RETN/AC01/Invalid account", or words alone.
		if code, rest, ok := codeAndRest(first); ok {
			g.code = code
			texts = appendText(texts, rest)
		} else {
			texts = appendText(texts, first)
		}
	}

	// Gather the codewords: "/WORD/value", continued by lines starting
	// with "//" or with no slash.
	type codeword struct{ word, value string }
	var words []codeword
	for _, l := range ls[1:] {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case strings.HasPrefix(l, "//") || !strings.HasPrefix(l, "/"):
			cont := strings.TrimPrefix(l, "//")
			if n := len(words); n > 0 {
				words[n-1].value += " " + cont
			} else {
				texts = appendText(texts, cont)
			}
		default:
			word, value, _ := strings.Cut(l[1:], "/")
			words = append(words, codeword{strings.ToUpper(word), value})
		}
	}
	var free []string
	for _, w := range words {
		switch w.word {
		case "MREF":
			g.mref = strings.TrimSpace(w.value)
		case "TREF":
			g.tref = strings.TrimSpace(w.value)
		case "CHGS":
			m, _, err := parseMoney(strings.ReplaceAll(w.value, " ", ""))
			if err != nil {
				g.notes = append(g.notes, "/CHGS/ "+err.Error())
				continue
			}
			g.charges = append(g.charges, m)
		case "EXCH":
			r, ok := rate(strings.ReplaceAll(w.value, " ", ""))
			if !ok {
				g.notes = append(g.notes, "/EXCH/ rate "+quote(w.value)+" is not a number")
				continue
			}
			g.fx = r
		case "TEXT":
			text := w.value
			if i := strings.Index(strings.ToUpper(text), "/UETR/"); i >= 0 {
				uetr, rest := takeUUID(text[i+len("/UETR/"):])
				if uetr == "" {
					g.notes = append(g.notes, "/TEXT//UETR/ "+quote(text[i+len("/UETR/"):])+" is not a UETR")
				} else {
					g.uetr = uetr
					text = text[:i] + rest
				}
			}
			free = appendText(free, text)
		default:
			if g.code == "" && isReasonCode(w.word) {
				code, rest := w.word, w.value
				if code == "XT99" {
					// An ISO code that is no MT code: /XT99/AC05/text.
					if c, r, ok := codeAndRest(rest); ok {
						code, rest = c, r
					}
				}
				g.code = code
				texts = appendText(texts, strings.TrimSuffix(rest, "/"))
				continue
			}
			free = appendText(free, "/"+w.word+"/"+w.value)
		}
	}
	g.text = strings.Join(append(texts, free...), " ")
	return g, true
}

func appendText(texts []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		return append(texts, s)
	}
	return texts
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isFieldTag reports whether s is a field tag: two digits and an
// optional option letter.
func isFieldTag(s string) bool {
	switch len(s) {
	case 2:
		return allDigits(s)
	case 3:
		return allDigits(s[:2]) && s[2] >= 'A' && s[2] <= 'Z'
	}
	return false
}

// isReasonCode reports whether s has the form of an ISO reason code: four
// capital letters or digits, starting with a letter.
func isReasonCode(s string) bool {
	if len(s) != 4 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < 4; i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// codeAndRest reads "AC01/text" or "AC01": a reason code and the words
// after it.
func codeAndRest(s string) (code, rest string, ok bool) {
	code, rest, _ = strings.Cut(s, "/")
	code = strings.TrimSpace(code)
	if !isReasonCode(code) {
		return "", "", false
	}
	return code, strings.TrimSuffix(strings.TrimSpace(rest), "/"), true
}

// takeUUID reads a UUID at the start of s, blanks inside it (where a line
// was continued) skipped, and returns it in lower case with the rest of s.
func takeUUID(s string) (uuid, rest string) {
	var b [36]byte
	n, i := 0, 0
	for ; i < len(s) && n < 36; i++ {
		if s[i] == ' ' {
			continue
		}
		b[n] = s[i]
		n++
	}
	if n < 36 || !isUUID(string(b[:])) {
		return "", s
	}
	return strings.ToLower(string(b[:])), s[i:]
}

func quote(s string) string { return "\"" + strings.TrimSpace(s) + "\"" }

// gpiStatus is a gpi status confirmation in :79: of an MT199/299:
//
//	//2611210930-0500     when (YYMMDDHHMM and the offset)
//	//ACSP/G004           the status and its reason
//	//ROYCCAT2            the bank reporting (or forwarded to)
//	//USD5000,00          the amount confirmed
type gpiStatus struct {
	date   payment.Date
	at     string // RFC 3339, when the offset is given
	status string
	reason string
	bic    string
	amount *payment.Money
	notes  []string
}

// looksGPI reports whether a :79: starts the way a gpi status does: "//"
// and ten digits.
func looksGPI(v string) bool {
	v = strings.TrimLeft(v, " \n")
	return len(v) >= 12 && v[:2] == "//" && allDigits(v[2:12])
}

// parseGPI reads a gpi status from :79:; ok is false when its first two
// lines are not a date and time and a status.
func parseGPI(v string) (g gpiStatus, ok bool) {
	var arr [8]string
	ls := lines(arr[:0], strings.TrimLeft(v, " \n"))
	if len(ls) < 2 {
		return g, false
	}
	l0 := strings.TrimPrefix(strings.TrimSpace(ls[0]), "//")
	d, at, ok := parseDateTime(l0)
	if !ok {
		return g, false
	}
	g.date, g.at = d, at
	l1 := strings.TrimPrefix(strings.TrimSpace(ls[1]), "//")
	status, reason, _ := strings.Cut(l1, "/")
	if len(status) != 4 || !isLetters(status) {
		return g, false
	}
	g.status = strings.ToUpper(status)
	g.reason = strings.ToUpper(strings.TrimSpace(strings.TrimSuffix(reason, "/")))
	for _, l := range ls[2:] {
		l = strings.TrimPrefix(strings.TrimSpace(l), "//")
		switch {
		case l == "":
		case g.amount == nil && len(l) > 3 && isLetters(l[:3]) && isDigit(l[3]):
			m, _, err := parseMoney(l)
			if err != nil {
				g.notes = append(g.notes, "confirmed amount "+err.Error())
				continue
			}
			g.amount = &m
		case g.bic == "" && isBIC(l):
			g.bic = l
		}
	}
	return g, true
}

// isBIC reports whether s has the form of a BIC: 8 or 11 letters and
// digits, the first six letters.
func isBIC(s string) bool {
	if len(s) != 8 && len(s) != 11 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i < 6 && !(c >= 'A' && c <= 'Z') || !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
