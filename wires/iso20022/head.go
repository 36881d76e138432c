package iso20022

import "strings"

// appHdr is what payinv takes from a head.001 business application header.
type appHdr struct {
	line      int
	from, to  string // routing number or BIC of the sender and receiver
	bizMsgID  string
	msgDef    string // MsgDefIdr; the Document's namespace wins when they disagree
	bizSvc    string
	createdAt string // RFC 3339
	network   string
	test      bool
}

// inbound says whether the message came to the company's bank: the Fed
// delivering it (from the Fed to someone else). A message to the Fed was
// sent by the company's bank. Other headers (CBPR+, between banks) do not
// say.
func (h *appHdr) inbound() bool { return h.from == fedABA && h.to != fedABA }

// appHdrRead reads the AppHdr just captured; it belongs to the Document
// that follows.
func (rd *reader) appHdrRead() {
	t := &rd.hdr
	const root = 0
	h := appHdr{line: t.line(root, 0)}
	h.from = headerParty(t, t.child(root, "Fr"))
	h.to = headerParty(t, t.child(root, "To"))
	h.bizMsgID = t.str(root, "BizMsgIdr")
	h.msgDef = t.str(root, "MsgDefIdr")
	h.bizSvc = t.str(root, "BizSvc")
	if cre := t.child(root, "CreDt"); cre >= 0 {
		if v, ok := parseDateTime(t.raw(cre)); ok {
			h.createdAt = formatDateTime(v)
		} else {
			rd.warning(t.line(cre, h.line), "AppHdr CreDt %q is not a valid date and time; left out", clip(t.raw(cre)))
		}
	}
	h.test = strings.EqualFold(h.bizSvc, "TEST")
	practice := strings.ToLower(h.bizSvc + " " + t.str(root, "MktPrctc", "Id") + " " + t.str(root, "MktPrctc", "Regy"))
	switch {
	case strings.Contains(practice, "fedwire") || h.from == fedABA || h.to == fedABA:
		h.network = networkFedwire
	case strings.Contains(practice, "cbprplus"):
		h.network = networkSWIFT
	case strings.Contains(practice, "chips"):
		h.network = networkCHIPS
	}
	if t.full {
		rd.problem(h.line, "AppHdr is too large to read whole; some of it was left out")
	}
	rd.bah, rd.hasBAH = h, true
}

// headerParty reads the identifier of a header's Fr or To: the routing
// number, else the BIC, else another id.
func headerParty(t *tree, n int32) string {
	fi := t.at(n, "FIId", "FinInstnId")
	if s := t.str(fi, "ClrSysMmbId", "MmbId"); s != "" {
		return s
	}
	if s := t.str(fi, "BICFI"); s != "" {
		return s
	}
	if s := t.str(fi, "Othr", "Id"); s != "" {
		return s
	}
	return t.str(n, "OrgId", "Id", "OrgId", "AnyBIC")
}
