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
