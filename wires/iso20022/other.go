package iso20022

import (
	"strings"

	"github.com/payinv/payinv/payment"
)

// otherMessage gives the one status event of an ISO 20022 message payinv
// does not read in full (admi.002/004/007, camt.110/111, pacs.028,
// pain.013/014, camt.060 …): what it can tell of the message and of the
// payment it is about.
func (rd *reader) otherMessage() {
	h := &rd.head
	d := &rd.doc
	root := h.nodes[0].first
	x := rd.newTxn(h, root)
	if root < 0 {
		x.line = d.line
	}
	ev := rd.newEvent(payment.KindStatus, x.line)
	w := ev.Wire
	ev.Refs.MessageID = h.text(h.find(root, "MsgId"))
	if ev.Refs.MessageID == "" && d.hasBAH {
		ev.Refs.MessageID = d.bah.bizMsgID
	}
	if w.CreatedAt == "" {
		w.CreatedAt = x.dateTime(h, h.find(root, "CreDtTm"), "CreDtTm")
	}
	if _, ok := parseOMAD(ev.Refs.MessageID); ok {
		ev.Refs.OMAD = ev.Refs.MessageID // admi.007's MsgId is the OMAD
		w.Network = networkFedwire
	}
	if w.Network == "" && isIMAD(ev.Refs.MessageID) {
		w.Network = networkFedwire
	}
	setCycle(ev, &document{msgID: ev.Refs.MessageID})
	if og := h.find(root, "OrgnlMsgId"); og >= 0 {
		setOriginalGroup(ev, h, h.nodes[og].parent)
	}
	ev.Refs.OriginalEndToEndID = reference(h.text(h.find(root, "OrgnlEndToEndId")))
	ev.Refs.OriginalUETR = strings.ToLower(h.text(h.find(root, "OrgnlUETR")))
	w.OriginalInstructionID = h.text(h.find(root, "OrgnlInstrId"))
	ev.Refs.UETR = strings.ToLower(h.text(h.find(root, "UETR")))
	ev.Refs.EndToEndID = reference(h.text(h.find(root, "EndToEndId")))
	if c := h.find(root, "Case"); c >= 0 {
		w.CaseID = h.str(c, "Id")
	}
	for _, name := range [...]string{"TxSts", "GrpSts", "StsCd", "Conf"} {
		if w.Status = h.text(h.find(root, name)); w.Status != "" {
			break
		}
	}
	if ev.Refs.OriginalEndToEndID != "" {
		x.id = "OrgnlEndToEndId " + ev.Refs.OriginalEndToEndID
	}
	ev.EffectiveDate = rd.businessDate(ev)
	ev.Direction = payment.WireDirection(ev.Kind, w.Inbound)
	x.deliver(ev)
}
