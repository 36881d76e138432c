package explain

import (
	"slices"

	"github.com/payinv/payinv/wires/reason"
)

// Wire reason code schemes.
const (
	SchemeWireReturn       = reason.SchemeReturn
	SchemeWireStatus       = reason.SchemeStatus
	SchemeWireCancellation = reason.SchemeCancellation
	SchemeWireRefusal      = reason.SchemeCancellationRefusal
	SchemeGPI              = reason.SchemeGPI
	SchemeFedwire          = reason.SchemeFedwire
)

// WireSchemes are the schemes of wire reason codes.
var WireSchemes = slices.Clone(reason.Schemes)

// wireSchemeTitle names a wire scheme for people; "" for another scheme.
func wireSchemeTitle(scheme string) string {
	switch scheme {
	case SchemeWireReturn:
		return "ISO 20022 return reason (pacs.004, MT /RETN/)"
	case SchemeWireStatus:
		return "ISO 20022 status reason, for rejections (pacs.002, MT /REJT/)"
	case SchemeWireCancellation:
		return "ISO 20022 cancellation reason, for recalls (camt.056, MT192)"
	case SchemeWireRefusal:
		return "ISO 20022 cancellation refusal reason, for answers to recalls (camt.029, MT196)"
	case SchemeGPI:
		return "SWIFT gpi status reason (gpi tracker, MT199)"
	case SchemeFedwire:
		return "Fedwire Funds error code (the Fed's pacs.002, FAIM {1130})"
	}
	return ""
}

// wireMessages says which messages carry a scheme's codes, and where.
var wireMessages = map[string]string{
	SchemeWireReturn:       "pacs.004 RtrRsnInf (Fedwire, CBPR+), the second line of MT103/202 :72:/RETN/, camt.053/054 return information",
	SchemeWireStatus:       "pacs.002 StsRsnInf with TxSts RJCT (or ACSP, PDNG), MT199/299 :79:/REJT/, MT103 :72:/REJT/",
	SchemeWireCancellation: "camt.056 CxlRsnInf (a recall, Fedwire's return request), MT192/292 :79:",
	SchemeWireRefusal:      "camt.029 CxlDtls/TxInfAndSts/CxlStsRsnInf with RJCR or PDCR, MT196/296 :76:",
	SchemeGPI:              "gpi tracker status updates: MT199 :79: //ACSP/G00x, the gpi API, pacs.002 from the tracker",
	SchemeFedwire:          "the Fed's pacs.002 StsRsnInf/Rsn/Prtry with TxSts RJCT, FAIM {1130} error category and code",
}

// wireCodes returns the known wire codes of a scheme, or of every wire
// scheme when scheme is empty, in catalog order.
func wireCodes(scheme string) []Code {
	var out []Code
	for _, c := range reason.Codes("") {
		if scheme == "" || c.Scheme == scheme {
			out = append(out, fromWire(c))
		}
	}
	return out
}

// lookupWire finds code among the wire schemes in allows. Only known
// codes come back; unknownWire explains the others.
func lookupWire(code string, allows func(string) bool) []Code {
	var out []Code
	for _, c := range reason.Lookup(code, "") {
		if c.Known && allows(c.Scheme) {
			out = append(out, fromWire(c))
		}
	}
	return out
}

// unknownWire explains a Fedwire code the catalog does not list from its
// category letter. With scheme empty only a category letter and three
// digits qualify ("E999"); with the Fedwire scheme named, any three
// letters or digits.
func unknownWire(code, scheme string) (Code, bool) {
	if scheme != "" && scheme != SchemeFedwire {
		return Code{}, false
	}
	for _, c := range reason.Lookup(code, scheme) {
		if !c.Known && c.Scheme == SchemeFedwire {
			return fromWire(c), true
		}
	}
	return Code{}, false
}

// fromWire explains a wire reason code.
func fromWire(c reason.Code) Code {
	facts := []Fact{{Key: "messages", Label: "Carried in", Value: wireMessages[c.Scheme], Text: wireMessages[c.Scheme]}}
	if c.Category != "" {
		facts = append(facts, Fact{Key: "category", Label: "Category", Value: c.Category[:1], Text: c.Category})
	}
	return Code{
		Scheme: c.Scheme, Code: c.Code, Title: c.Title, Known: c.Known,
		Meaning: c.Meaning, Customer: c.Customer, Action: c.Action, Sensitive: c.Sensitive,
		Facts: facts,
	}
}
