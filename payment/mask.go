package payment

import "strings"

// MaskAccount hides all but the last four characters of an account or card
// number: "123456789" becomes "****6789". Numbers of four characters or
// fewer are hidden completely, since their last four would be all of them.
func MaskAccount(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if len(s) <= 4 {
		return "****"
	}
	return "****" + s[len(s)-4:]
}

// Redact masks every account number the event holds, in place, and drops
// a card's BIN and a wire's debtor and creditor accounts. Output code calls it unless the user asked to reveal
// account numbers. (Card readers keep no full card number to reveal.)
func (e *Event) Redact() {
	e.Party.Account = MaskAccount(e.Party.Account)
	if e.Card != nil {
		// The first six digits with the last four are more of the card
		// number than payinv shows.
		e.Card.BIN = ""
	}
	if w := e.Wire; w != nil {
		w.Debtor.Account = MaskAccount(w.Debtor.Account)
		w.Creditor.Account = MaskAccount(w.Creditor.Account)
		// Free text between banks and customers often quotes account
		// numbers ("/ACC/123456789", "FBO ACCT 4470012345").
		w.Remittance = MaskNumbersInText(w.Remittance)
		w.BankInfo = MaskNumbersInText(w.BankInfo)
		w.ReasonText = MaskNumbersInText(w.ReasonText)
	}
	if e.ACH == nil {
		return
	}
	if c := e.ACH.Corrected; c != nil && c.AccountNumber != "" {
		masked := MaskAccount(c.AccountNumber)
		c.Raw = strings.Replace(c.Raw, c.AccountNumber, masked, 1)
		c.AccountNumber = masked
	}
	if iat := e.ACH.IAT; iat != nil {
		iat.ForeignAccount = MaskAccount(iat.ForeignAccount)
	}
}

// minMaskedDigits is the shortest run of digits MaskNumbersInText takes for
// an account number.
const minMaskedDigits = 8

// MaskNumbersInText masks, in free text, every word made of digits (and
// dashes) with 8 digits or more to the last four of them: "FBO ACCT
// 4470012345" becomes "FBO ACCT ****2345". Words with letters — an IMAD, a
// reference like WIR-2611160001 — are kept. Such numbers are account
// numbers more often than not; a date and time run together may be masked
// too, which loses nothing a structured field does not keep.
func MaskNumbersInText(s string) string {
	var b strings.Builder
	copied := 0 // s[:copied] is in b
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j, digits, letters := i, 0, false
		for j < len(s) && isWordByte(s[j]) {
			switch c := s[j]; {
			case c >= '0' && c <= '9':
				digits++
			case c != '-' && c != '_':
				letters = true
			}
			j++
		}
		if !letters && digits >= minMaskedDigits {
			b.WriteString(s[copied:i])
			b.WriteString("****")
			b.WriteString(lastDigits(s[i:j], 4))
			copied = j
		}
		i = j
	}
	if copied == 0 {
		return s
	}
	b.WriteString(s[copied:])
	return b.String()
}

// isWordByte reports whether c belongs in a word of a reference: letters,
// digits, dashes and underscores.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_'
}

// lastDigits returns the last n digits of s, leaving out anything else.
func lastDigits(s string, n int) string {
	out := make([]byte, 0, n)
	for i := len(s) - 1; i >= 0 && len(out) < n; i-- {
		if s[i] >= '0' && s[i] <= '9' {
			out = append(out, s[i])
		}
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return string(out)
}
