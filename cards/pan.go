package cards

// Full card numbers (PANs) must never leave the reader: a cell holding one
// is rewritten to its last four digits, the digits before them replaced by
// '*', and a warning names the file, line and column. (Card networks allow
// showing the first six too; payinv shows no more than the last four of
// any number.)
//
// A PAN here is 13 to 19 digits that pass the Luhn check and start with a
// card network's major industry identifier, 2 to 6 (2 and 5 Mastercard, 3
// Amex/JCB/Diners, 4 Visa, 6 Discover/UnionPay/Maestro). The first-digit
// rule keeps numeric processor references from being taken for cards:
// Adyen's 16-digit PSP references (those in Adyen's documentation and in
// public parsers start with 1, 8 or 9) pass the Luhn check one time in ten,
// and masking one would lose the reference. Digits may be written in groups of 3
// to 8 separated by one blank or hyphen ("4242 4242 4242 4242").

const (
	minPAN = 13
	maxPAN = 19
)

// luhn reports whether the digits pass the Luhn check.
func luhn(digits []byte) bool {
	sum, double := 0, false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// isPAN reports whether the digits are a full card number.
func isPAN(digits []byte) bool {
	return len(digits) >= minPAN && len(digits) <= maxPAN && digits[0] >= '2' && digits[0] <= '6' && luhn(digits)
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// group is a run of digits, s[start:end].
type group struct{ start, end int }

// span is a PAN's place in a cell: s[start:end], with its digits.
type span struct {
	start, end int
	digits     [maxPAN]byte
	n          int
}

// mayHoldPAN is the fast rejection of findPANs: whether s has a run of
// at least minPAN digits, counting across single blanks or hyphens
// between digits. Dates ("2026-11-10 15:04:11" has 12 before the colon),
// amounts and identifiers do not. Such a run lies inside a stretch of at
// least minPAN bytes that are digits, blanks or hyphens, so the scan
// looks at every minPAN-th byte and only around those that could belong
// to one: most cells are read a byte in thirteen.
func mayHoldPAN(s string) bool {
	low := 0 // s[:low] has been looked at
	for p := minPAN - 1; p < len(s); {
		if !digitish[s[p]] {
			low = p + 1
			p += minPAN
			continue
		}
		start := p
		for start > low && digitish[s[start-1]] {
			start--
		}
		end := p + 1
		for end < len(s) && digitish[s[end]] {
			end++
		}
		if end-start >= minPAN && digitRun(s[start:end]) {
			return true
		}
		low = end
		p = end + minPAN
	}
	return false
}

// digitish marks the bytes a written card number is made of.
var digitish = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t[' '], t['-'] = true, true
	return t
}()

// digitRun reports whether s, all digits, blanks and hyphens, has minPAN
// digits in a row, counting across single separators between digits.
func digitRun(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			if n++; n >= minPAN {
				return true
			}
		} else if n == 0 || i+1 >= len(s) || !isDigitByte(s[i+1]) {
			n = 0
		}
	}
	return false
}

// findPANs returns the PANs in s, in order; nil (without allocating) when
// there are none, the common case.
func findPANs(s string) []span {
	if !mayHoldPAN(s) {
		return nil
	}
	var out []span
	i := 0
	for i < len(s) {
		if !isDigitByte(s[i]) {
			i++
			continue
		}
		// A run of digit groups joined by single separators.
		groups := make([]group, 0, 8)
		j := i
		for {
			k := j
			for k < len(s) && isDigitByte(s[k]) {
				k++
			}
			groups = append(groups, group{j, k})
			if k+1 < len(s) && (s[k] == ' ' || s[k] == '-') && isDigitByte(s[k+1]) {
				j = k + 1
				continue
			}
			j = k
			break
		}
		end := j
		ng := len(groups)
		found := false
		// A single long run: it is a PAN or not as a whole.
		for g := 0; g < ng; g++ {
			if n := groups[g].end - groups[g].start; n >= minPAN {
				if n <= maxPAN {
					var sp span
					sp.start, sp.end = groups[g].start, groups[g].end
					sp.n = copy(sp.digits[:], s[sp.start:sp.end])
					if isPAN(sp.digits[:sp.n]) {
						out = append(out, sp)
						found = true
					}
				}
			}
		}
		// Written in groups: consecutive short groups (3–8 digits) whose
		// digits together are a PAN.
		if !found {
			for a := 0; a < ng; a++ {
				var sp span
				for b := a; b < ng; b++ {
					n := groups[b].end - groups[b].start
					if n < 3 || n > 8 || sp.n+n > maxPAN {
						break
					}
					sp.n += copy(sp.digits[sp.n:], s[groups[b].start:groups[b].end])
					if b > a && sp.n >= minPAN && isPAN(sp.digits[:sp.n]) {
						sp.start, sp.end = groups[a].start, groups[b].end
						out = append(out, sp)
						a = b
						break
					}
				}
			}
		}
		i = end
	}
	return out
}

// maskPANs returns s with every PAN in it masked, and whether there was
// one. Masking can leave digits that, with their neighbours, read as
// another PAN, so the result is scanned again until none is left; each
// pass hides at least three digits, so this ends.
func maskPANs(s string) (string, bool) {
	spans := findPANs(s)
	if len(spans) == 0 {
		return s, false
	}
	for len(spans) > 0 {
		b := make([]byte, 0, len(s))
		last := 0
		for _, sp := range spans {
			b = append(b, s[last:sp.start]...)
			b = appendMasked(b, sp.digits[:sp.n])
			last = sp.end
		}
		b = append(b, s[last:]...)
		s = string(b)
		spans = findPANs(s)
	}
	return s, true
}

// appendMasked appends a '*' per hidden digit and the last four.
func appendMasked(b, digits []byte) []byte {
	for range len(digits) - 4 {
		b = append(b, '*')
	}
	return append(b, digits[len(digits)-4:]...)
}

// MaskPANs returns s with every full card number in it replaced by
// asterisks and its last four digits ("4242424242424242" becomes
// "************4242"), and whether it held one. The readers apply it to
// every cell; output code may apply it to text from elsewhere.
func MaskPANs(s string) (string, bool) { return maskPANs(s) }
