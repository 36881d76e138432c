package iso20022

import (
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

// paymentReturn reads a pacs.004 TxInf: one return. Its parties are in
// their return roles (RtrChain): the debtor of the return is the creditor
// of the payment it sends back.
func (rd *reader) paymentReturn() {
	t, h := &rd.tx, &rd.head
	d := &rd.doc
	root := h.nodes[0].first
	grp := h.child(root, "GrpHdr")
	x := rd.newTxn(t, 0)
	ev := rd.newEvent(payment.KindReturn, x.line)
	w := ev.Wire

	ev.Refs.MessageID = d.msgID
	setIMAD(ev, d.msgID)
	w.ReturnID = t.str(0, "RtrId")
	if og := t.child(0, "OrgnlGrpInf"); og >= 0 {
		setOriginalGroup(ev, t, og)
	} else {
		setOriginalGroup(ev, h, h.child(root, "OrgnlGrpInf"))
	}
	setOriginals(ev, t, 0)
	x.id = join(", ", labeled("RtrId", w.ReturnID), originalRef(ev))

	if m, ok := x.money(t, t.child(0, "RtrdIntrBkSttlmAmt"), "RtrdIntrBkSttlmAmt", required); ok {
		ev.Amount, ev.Currency = m.Amount, m.Currency
	}
	if dt := t.child(0, "IntrBkSttlmDt"); dt >= 0 {
		ev.SettlementDate = x.date(t, dt, "IntrBkSttlmDt", required)
	} else {
		ev.SettlementDate = x.date(h, h.child(grp, "IntrBkSttlmDt"), "IntrBkSttlmDt", expected)
	}
	ev.EffectiveDate = ev.SettlementDate
	if m, ok := x.money(t, t.child(0, "OrgnlIntrBkSttlmAmt"), "OrgnlIntrBkSttlmAmt", optional); ok {
		w.OriginalAmount = &m
	}
	w.OriginalSettlement = x.date(t, t.child(0, "OrgnlIntrBkSttlmDt"), "OrgnlIntrBkSttlmDt", optional)
	if m, ok := x.money(t, t.child(0, "RtrdInstdAmt"), "RtrdInstdAmt", optional); ok {
		w.InstructedAmount = &m
	}
	w.ChargeBearer = t.str(0, "ChrgBr")
	w.Charges = x.charges(t, 0)
	w.FXRate = t.str(0, "XchgRate")

	cd, prtry, text := reasonInfo(t, 0, "RtrRsnInf")
	setReason(ev, cd, prtry, text, reason.SchemeReturn, reason.SchemeReturn)

	otr := t.child(0, "OrgnlTxRef")
	w.LocalInstrument = localInstrument(t, t.at(otr, "PmtTpInf", "LclInstrm"))
	if chain := t.child(0, "RtrChain"); chain >= 0 {
		w.Debtor = partyIn(t, chain, "Dbtr")
		w.Creditor = partyIn(t, chain, "Cdtr")
		w.Intermediaries = intermediaries(t, chain)
	} else {
		// Before RtrChain (pacs.004.001.09) the parties were those of the
		// original payment: the return runs the other way.
		w.Debtor = partyIn(t, otr, "Cdtr")
		w.Creditor = partyIn(t, otr, "Dbtr")
	}
	w.BankInfo = instructions(t, 0)

	ev.Direction = payment.WireDirection(ev.Kind, w.Inbound)
	setCustomer(ev)
	x.deliver(ev)
}

// labeled writes "label value", or "" when there is no value.
func labeled(label, value string) string {
	if value == "" {
		return ""
	}
	return label + " " + value
}
