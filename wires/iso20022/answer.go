package iso20022

import (
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

// recallAnswer reads a camt.029 CxlDtls/TxInfAndSts (t is the
// transaction's tree, n its root), or, for an answer without one, its
// overall status Sts/Conf (t is the head, n the message element): the
// answer to a recall.
func (rd *reader) recallAnswer(t *tree, n int32) {
	h := &rd.head
	d := &rd.doc
	root := h.nodes[0].first
	group := t == h
	x := rd.newTxn(t, n)
	if n < 0 {
		x.line = d.line
	}
	conf := h.str(root, "Sts", "Conf")
	status := conf
	if !group {
		if s := t.str(n, "TxCxlSts"); s != "" {
			status = s
		}
	}
	ev := rd.newEvent(payment.KindRecallResponse, x.line)
	w := ev.Wire
	w.Status = status
	ev.Refs.MessageID = d.msgID
	setCycle(ev, d)
	w.CaseID = h.str(root, "RslvdCase", "Id")
	if !group {
		if c := t.str(n, "RslvdCase", "Id"); c != "" {
			w.CaseID = c
		}
		if og := t.child(n, "OrgnlGrpInf"); og >= 0 {
			setOriginalGroup(ev, t, og)
		} else {
			setOriginalGroup(ev, h, h.child(d.txParent, "OrgnlGrpInfAndSts"))
		}
		setOriginals(ev, t, n)
	} else if cxl := h.child(root, "CxlDtls"); cxl >= 0 {
		setOriginalGroup(ev, h, h.child(cxl, "OrgnlGrpInfAndSts"))
	}
	x.id = join(", ", labeled("RslvdCase", w.CaseID), originalRef(ev))

	rsn := n
	if group {
		rsn = h.at(root, "CxlDtls", "OrgnlGrpInfAndSts")
	}
	cd, prtry, text := reasonInfo(t, rsn, "CxlStsRsnInf")
	setReason(ev, cd, prtry, text, reason.SchemeCancellationRefusal, reason.SchemeCancellationRefusal)

	otr := t.child(n, "OrgnlTxRef")
	if m, ok := x.money(t, t.child(otr, "IntrBkSttlmAmt"), "OrgnlTxRef/IntrBkSttlmAmt", strict); ok {
		ev.Amount, ev.Currency = m.Amount, m.Currency
		w.OriginalAmount = &m
	}
	if m, ok := x.money(t, t.child(n, "OrgnlIntrBkSttlmAmt"), "OrgnlIntrBkSttlmAmt", strict); ok && w.OriginalAmount == nil {
		ev.Amount, ev.Currency = m.Amount, m.Currency
		w.OriginalAmount = &m
	}
	w.OriginalSettlement = x.date(t, t.child(otr, "IntrBkSttlmDt"), "OrgnlTxRef/IntrBkSttlmDt", optional)
	if w.OriginalSettlement.IsZero() {
		w.OriginalSettlement = x.date(t, t.child(n, "OrgnlIntrBkSttlmDt"), "OrgnlIntrBkSttlmDt", optional)
	}
	w.LocalInstrument = localInstrument(t, t.at(otr, "PmtTpInf", "LclInstrm"))
	w.Debtor = partyIn(t, otr, "Dbtr")
	w.Creditor = partyIn(t, otr, "Cdtr")

	ev.EffectiveDate = rd.businessDate(ev)
	ev.Direction = payment.WireDirection(ev.Kind, w.Inbound)
	setCustomer(ev)
	x.deliver(ev)
}
