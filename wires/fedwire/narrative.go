package fedwire

import "strings"

// FAIM has no return message and no return reason codes: a bank that
// sends back a transfer it cannot apply usually sends a new transfer whose
// free text says so ("RETURN OF FUNDS IMAD 20250620LKTBQR01000047 ACCT
// CLOSED"). These functions read such text.

// returnWords are the words that say a transfer returns an earlier one.
var returnWords = map[string]bool{
	"RETURN": true, "RETURNED": true, "RETURNING": true, "RETURNS": true,
	"RTN": true, "RTND": true, "RETN": true,
	"REVERSAL": true, "REVERSED": true, "REVERSE": true, "REVERSING": true,
	"UTA": true,
}

// notReturn are phrases with a return word that say nothing about
// returning a payment.
var notReturn = []string{"TAX RETURN", "RETURN OF CAPITAL", "RETURN ON ", "RETURN PREMIUM", "RETURN ADDRESS"}

// saysReturn reports whether text says its transfer returns (or reverses)
// an earlier one: it holds a return word (RETURN, RTN, REVERSAL, UTA …) or
// "UNABLE TO APPLY", outside phrases like "TAX RETURN".
func saysReturn(text string) bool {
	t := strings.ToUpper(text)
	if strings.Contains(t, "UNABLE TO APPLY") {
		return true
	}
	for _, p := range notReturn {
		t = strings.ReplaceAll(t, p, " ")
	}
	found := false
	eachWord(t, func(w string) bool {
		found = returnWords[w]
		return !found
	})
	return found
}

// findIMAD returns the first IMAD written in text (a word of 22 letters
// and digits that is a valid IMAD), or "".
func findIMAD(text string) string {
	imad := ""
	eachWord(text, func(w string) bool {
		if len(w) == 22 && IsIMAD(w) {
			imad = w
			return false
		}
		return true
	})
	return imad
}

// eachWord calls fn with each run of ASCII letters and digits in s until
// fn returns false.
func eachWord(s string, fn func(string) bool) {
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isAlnum(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !fn(s[start:i]) {
				return
			}
			start = -1
		}
	}
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
