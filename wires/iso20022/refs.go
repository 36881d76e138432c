package iso20022

import (
	"strings"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/fedwire"
	"github.com/payinv/payinv/wires/reason"
)

// setOriginalGroup reads OrgnlGrpInf (or a group-level OrgnlGrpInfAndSts,
// OrgnlGrpInfAndCxl): the original message's id, an IMAD for Fedwire, and
// its type.
func setOriginalGroup(ev *payment.Event, t *tree, og int32) {
	if og < 0 {
		return
	}
	if id := t.str(og, "OrgnlMsgId"); id != "" {
		ev.Wire.OriginalMessageID = id
		if isIMAD(id) {
			ev.Refs.OriginalIMAD = id
		} else {
			ev.Refs.OriginalMessageID = id
		}
	}
	ev.Wire.OriginalMessageType = t.str(og, "OrgnlMsgNmId")
}

// setOriginals reads the references of the original transaction an
// answer names: OrgnlInstrId, OrgnlEndToEndId and OrgnlUETR. (OrgnlTxId
// has no place in the event.)
func setOriginals(ev *payment.Event, t *tree, n int32) {
	ev.Wire.OriginalInstructionID = t.str(n, "OrgnlInstrId")
	ev.Refs.OriginalEndToEndID = reference(t.str(n, "OrgnlEndToEndId"))
	ev.Refs.OriginalUETR = strings.ToLower(t.str(n, "OrgnlUETR"))
}

// originalRef names an answer in problems by the reference of the
// payment it answers.
func originalRef(ev *payment.Event) string {
	switch {
	case ev.Refs.OriginalEndToEndID != "":
		return "OrgnlEndToEndId " + ev.Refs.OriginalEndToEndID
	case ev.Refs.OriginalUETR != "":
		return "OrgnlUETR " + ev.Refs.OriginalUETR
	case ev.Wire.OriginalMessageID != "":
		return "OrgnlMsgId " + ev.Wire.OriginalMessageID
	}
	return ""
}

// reasonInfo reads the first of the repeated reason elements named elem
// under n (StsRsnInf, RtrRsnInf, CxlRsnInf, CxlStsRsnInf) that holds a
// reason: its Rsn/Cd or Rsn/Prtry; and the AddtlInf texts of all of them,
// joined.
func reasonInfo(t *tree, n int32, elem string) (cd, prtry, text string) {
	var texts []string
	for r := t.child(n, elem); r >= 0; r = t.nextNamed(r, elem) {
		if cd == "" && prtry == "" {
			rsn := t.child(r, "Rsn")
			cd, prtry = t.str(rsn, "Cd"), t.str(rsn, "Prtry")
		}
		for a := t.child(r, "AddtlInf"); a >= 0; a = t.nextNamed(a, "AddtlInf") {
			if s := t.text(a); s != "" {
				texts = append(texts, s)
			}
		}
	}
	return cd, prtry, strings.Join(texts, " ")
}

// setReason puts a reason code on the event: an ISO code (Cd) in scheme,
// a proprietary one (Prtry) in prtryScheme, each as found.
func setReason(ev *payment.Event, cd, prtry, text, scheme, prtryScheme string) {
	switch {
	case cd != "":
		ev.Reason = reason.For(scheme, cd)
	case prtry != "":
		ev.Reason = reason.For(prtryScheme, prtry)
	}
	ev.Wire.ReasonText = text
}

// setIMAD sets the event's IMAD and the Fedwire cycle date from a message
// id when it is one.
func setIMAD(ev *payment.Event, id string) bool {
	if !looksLikeIMAD(id) {
		return false
	}
	m, err := fedwire.ParseIMAD(id)
	if err != nil {
		return false
	}
	ev.Refs.IMAD = id
	ev.Wire.CycleDate = m.CycleDate
	return true
}

// looksLikeIMAD is a cheap test before fedwire.ParseIMAD, which builds an
// error for every id that is not one.
func looksLikeIMAD(s string) bool {
	return len(s) == 22 && s[0] >= '0' && s[0] <= '9'
}

// looksLikeOMAD is the same for OMADs.
func looksLikeOMAD(s string) bool {
	return len(s) == 34 && s[0] >= '0' && s[0] <= '9'
}

// isIMAD reports whether s is an IMAD.
func isIMAD(s string) bool { return looksLikeIMAD(s) && fedwire.IsIMAD(s) }

// parseOMAD decodes s when it is an OMAD.
func parseOMAD(s string) (fedwire.OMAD, bool) {
	if !looksLikeOMAD(s) {
		return fedwire.OMAD{}, false
	}
	m, err := fedwire.ParseOMAD(s)
	return m, err == nil
}
