package iso20022

import (
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

// recall reads a camt.056 Undrlyg/TxInf: a request to return a payment.
func (rd *reader) recall() {
	t, h := &rd.tx, &rd.head
	d := &rd.doc
	root := h.nodes[0].first
	x := rd.newTxn(t, 0)
	ev := rd.newEvent(payment.KindRecall, x.line)
	w := ev.Wire

	ev.Refs.MessageID = d.msgID
	setCycle(ev, d)
	w.CaseID = t.str(0, "Case", "Id")
	if w.CaseID == "" {
		w.CaseID = h.str(root, "Case", "Id")
	}
	if og := t.child(0, "OrgnlGrpInf"); og >= 0 {
		setOriginalGroup(ev, t, og)
	} else {
		// The group the transaction's Undrlyg names, in every version.
		setOriginalGroup(ev, h, h.child(d.txParent, "OrgnlGrpInfAndCxl"))
	}
	setOriginals(ev, t, 0)
	x.id = join(", ", labeled("Case", w.CaseID), originalRef(ev))

	if m, ok := x.money(t, t.child(0, "OrgnlIntrBkSttlmAmt"), "OrgnlIntrBkSttlmAmt", strict); ok {
		ev.Amount, ev.Currency = m.Amount, m.Currency
		w.OriginalAmount = &m
	}
	w.OriginalSettlement = x.date(t, t.child(0, "OrgnlIntrBkSttlmDt"), "OrgnlIntrBkSttlmDt", strict)

	cd, prtry, text := reasonInfo(t, 0, "CxlRsnInf")
	setReason(ev, cd, prtry, text, reason.SchemeCancellation, reason.SchemeCancellation)

	otr := t.child(0, "OrgnlTxRef")
	w.LocalInstrument = localInstrument(t, t.at(otr, "PmtTpInf", "LclInstrm"))
	w.Debtor = partyIn(t, otr, "Dbtr")
	w.Creditor = partyIn(t, otr, "Cdtr")

	ev.EffectiveDate = rd.businessDate(ev)
	ev.Direction = payment.WireDirection(ev.Kind, w.Inbound)
	setCustomer(ev)
	x.deliver(ev)
}
