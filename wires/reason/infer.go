package reason

import (
	"slices"
	"strings"
)

// Infer reads a return reason from free text — a FAIM return's {6000} or
// {6500} narrative, an MT :72: or :79: — and returns the ISO 20022 return
// reason it states ("ACCT CLOSED" is AC04), or false when the text names
// none.
//
// Words match whole ("DUPLICATE" but not "DUPLICATES"), case and
// punctuation do not matter, and the longest phrase found wins. A return
// code written in the text ("AC04") counts before any phrase. Infer never
// gives a sensitive code, and gives nothing at all for a text that speaks
// of fraud, sanctions, compliance, the law or a death: such a text is for
// a person to read, and a guessed reason would put the wrong sentence in
// front of the customer.
func Infer(text string) (code string, ok bool) {
	words := strings.Fields(normalize(text))
	for i, w := range words {
		for _, b := range blockers[w] {
			if b.at(words, i) {
				return "", false
			}
		}
	}
	if c, ok := codeInText(words); ok {
		return c, true
	}
	var best *phrase
	for i, w := range words {
		for _, p := range phrases[w] {
			if best != nil && len(p.text) <= len(best.text) {
				break
			}
			if p.at(words, i) {
				best = p
				break
			}
		}
	}
	if best == nil {
		return "", false
	}
	return best.code, true
}

// normalize upper-cases text and turns every run of characters other than
// letters and digits into one space, so that its words can be compared
// whole: "a/c closed" reads "A C CLOSED".
func normalize(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := true
	for _, r := range text {
		switch {
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteByte(byte(r))
		space = false
	}
	return b.String()
}

// codeInText finds a return code written as a word ("REASON AC04") and
// returns it when it is a known, non-sensitive return reason of the
// letters-and-digits shape (AC04, BE01; not words such as CUST or NARR,
// which are ordinary English too).
func codeInText(words []string) (string, bool) {
	for _, w := range words {
		if len(w) != 4 || w[0] < 'A' || w[0] > 'Z' || w[1] < 'A' || w[1] > 'Z' || w[2] < '0' || w[2] > '9' || w[3] < '0' || w[3] > '9' {
			continue
		}
		for _, c := range index[w] {
			if c.Scheme == SchemeReturn && !c.Sensitive {
				return w, true
			}
		}
	}
	return "", false
}

// blockers are words that make a narrative a person's to read: Infer
// gives no reason for a text that contains one.
var blockers = phrasesOf(map[string][]string{"": {
	"FRAUD", "FRAUDULENT", "SCAM", "SUSPICIOUS", "STOLEN", "UNAUTHORIZED", "UNAUTHORISED",
	"SANCTION", "SANCTIONS", "SANCTIONED", "OFAC", "AML", "COMPLIANCE", "REGULATORY", "REGULATOR",
	"LEGAL HOLD", "LEGAL ORDER", "LEGAL REASON", "LEGAL REASONS", "COURT", "GARNISHMENT", "LEVY", "SEIZED", "SEIZURE", "POLICE", "LAW ENFORCEMENT",
	"DECEASED", "DEATH", "DIED", "DECEDENT",
}})

// keywords map phrases found in return narratives to return reasons. The
// order here does not matter: phrases are tried longest first. Every code
// here means the same as a status reason (readers also use Infer on MT
// /REJT/ narratives), which is why BE08 (a bank error as a return reason,
// a missing debtor name as a status reason) is not inferred.
var keywords = []struct {
	code  string
	words []string
}{
	{"AC04", []string{"ACCOUNT CLOSED", "ACCT CLOSED", "ACCT CLSD", "A C CLOSED", "CLOSED ACCOUNT", "CLOSED ACCT", "ACCOUNT IS CLOSED", "ACCOUNT HAS BEEN CLOSED"}},
	{"AC01", []string{"INVALID ACCOUNT NUMBER", "INVALID ACCOUNT", "INVALID ACCT", "INVALID ACCT NO", "INCORRECT ACCOUNT NUMBER", "INCORRECT ACCOUNT",
		"WRONG ACCOUNT NUMBER", "WRONG ACCOUNT", "WRONG ACCT", "NO SUCH ACCOUNT", "NO SUCH ACCT", "ACCOUNT NOT FOUND", "ACCT NOT FOUND",
		"ACCOUNT DOES NOT EXIST", "NO ACCOUNT", "UNABLE TO LOCATE ACCOUNT", "CANNOT LOCATE ACCOUNT"}},
	{"AC06", []string{"ACCOUNT FROZEN", "ACCT FROZEN", "FROZEN ACCOUNT", "ACCOUNT BLOCKED", "ACCT BLOCKED", "BLOCKED ACCOUNT", "ACCOUNT RESTRICTED", "ACCOUNT DORMANT", "DORMANT ACCOUNT"}},
	{"BE01", []string{"BENEFICIARY NAME MISMATCH", "BENE NAME MISMATCH", "NAME MISMATCH", "NAME DOES NOT MATCH", "NAME DOESN T MATCH", "NAME AND ACCOUNT DO NOT MATCH",
		"ACCOUNT NAME MISMATCH", "NAME ACCOUNT MISMATCH", "NAME NOT MATCHING"}},
	{"BE06", []string{"NOT OUR CUSTOMER", "NO SUCH CUSTOMER", "UNKNOWN BENEFICIARY", "BENEFICIARY UNKNOWN", "BENEFICIARY NOT KNOWN", "NOT A CUSTOMER"}},
	{"AGNT", []string{"WRONG BENEFICIARY BANK", "INCORRECT BENEFICIARY BANK", "WRONG BANK", "INCORRECT BANK"}},
	{"RC01", []string{"INVALID ROUTING NUMBER", "INVALID ROUTING", "INVALID ABA", "WRONG ABA", "INCORRECT ABA", "WRONG ROUTING NUMBER", "INCORRECT ROUTING NUMBER",
		"INVALID BIC", "WRONG BIC", "INVALID SWIFT CODE", "WRONG SWIFT CODE"}},
	{"DUPL", []string{"DUPLICATE", "DUPLICATE PAYMENT", "DUPLICATED", "DUPLICATE WIRE", "SENT TWICE", "PAID TWICE"}},
	{"RUTA", []string{"UNABLE TO APPLY", "UNABLE TO CREDIT", "CANNOT APPLY", "CANNOT BE APPLIED", "UNABLE TO POST", "UTA"}},
	{"MS02", []string{"REFUSED BY BENEFICIARY", "REFUSED BY BENE", "BENEFICIARY REFUSED", "BENE REFUSED", "BENEFICIARY REJECTED", "REJECTED BY BENEFICIARY",
		"BENEFICIARY DECLINED", "DECLINED BY BENEFICIARY", "CUSTOMER REFUSED"}},
	{"MD06", []string{"AT BENEFICIARY REQUEST", "AT BENEFICIARY S REQUEST", "PER BENEFICIARY REQUEST", "BENEFICIARY REQUESTED RETURN", "AT CUSTOMER REQUEST", "AT CUSTOMER S REQUEST",
		"REQUESTED BY BENEFICIARY", "REQUESTED BY BENE", "BENEFICIARY REQUEST"}},
	{"FOCR", []string{"PER YOUR REQUEST", "AS PER YOUR REQUEST", "PER YR REQUEST", "PER YOUR RECALL", "AS REQUESTED", "RECALL", "RECALLED", "RECALL REQUEST",
		"CANCELLATION REQUEST", "PER YOUR CANCELLATION", "PER REQUEST FOR REVERSAL"}},
	{"CURR", []string{"WRONG CURRENCY", "INCORRECT CURRENCY"}},
	{"AM03", []string{"CURRENCY NOT ACCEPTED", "CURRENCY NOT ALLOWED", "CURRENCY NOT SUPPORTED"}},
	{"AM09", []string{"WRONG AMOUNT", "INCORRECT AMOUNT", "AMOUNT MISMATCH"}},
	{"AG01", []string{"TRANSACTION FORBIDDEN", "WIRES NOT ACCEPTED", "CANNOT ACCEPT WIRES", "DOES NOT ACCEPT WIRES", "NOT ALLOWED ON THIS ACCOUNT"}},
	{"BE04", []string{"MISSING ADDRESS", "ADDRESS MISSING", "INCOMPLETE ADDRESS", "ADDRESS REQUIRED", "NO ADDRESS"}},
	{"UPAY", []string{"SENT IN ERROR", "PAID IN ERROR", "SENT BY MISTAKE", "NOT OWED", "UNDUE PAYMENT"}},
	{"ARDT", []string{"ALREADY RETURNED", "PREVIOUSLY RETURNED"}},
	{"NOAS", []string{"NO ANSWER FROM BENEFICIARY", "NO RESPONSE FROM BENEFICIARY", "BENEFICIARY DID NOT RESPOND", "UNABLE TO CONTACT BENEFICIARY"}},
	{"TM01", []string{"AFTER CUT OFF", "AFTER CUTOFF", "CUT OFF TIME", "CUTOFF TIME"}},
}

// phrase is a keyword phrase, its words and its code.
type phrase struct {
	text  string // normalized: "ACCT CLOSED"
	words []string
	code  string
}

// at reports whether the phrase starts at words[i].
func (p *phrase) at(words []string, i int) bool {
	if i+len(p.words) > len(words) {
		return false
	}
	for j, w := range p.words {
		if words[i+j] != w {
			return false
		}
	}
	return true
}

// phrases are the keywords by their first word, longest first.
var phrases = func() map[string][]*phrase {
	m := map[string][]string{}
	for _, k := range keywords {
		m[k.code] = append(m[k.code], k.words...)
	}
	return phrasesOf(m)
}()

// phrasesOf normalizes the phrases of each code and files them by their
// first word, longest first.
func phrasesOf(byCode map[string][]string) map[string][]*phrase {
	out := map[string][]*phrase{}
	for code, list := range byCode {
		for _, text := range list {
			p := &phrase{text: normalize(text), code: code}
			p.words = strings.Fields(p.text)
			out[p.words[0]] = append(out[p.words[0]], p)
		}
	}
	for _, list := range out {
		slices.SortFunc(list, func(a, b *phrase) int {
			if d := len(b.text) - len(a.text); d != 0 {
				return d
			}
			return strings.Compare(a.text, b.text)
		})
	}
	return out
}
