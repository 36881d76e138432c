package fedwire

import (
	"strings"
	"time"

	"github.com/moov-io/wire"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/wires/reason"
)

// Format is the Event.Format of every event Read gives, and Network the
// WireDetail.Network.
const (
	Format  = "fedwire"
	Network = "fedwire"
)

// eventBlock holds an event and its wire detail, allocated together.
type eventBlock struct {
	ev payment.Event
	wd payment.WireDetail
}

// event builds the event of a parsed message and reports what keeps it
// from being right; nil (with a problem) when the amount or the
// type/subtype cannot be read.
func (r *reader) event(p *parsed) *payment.Event {
	fw := &p.fw
	name := msgName(p.m.number)
	if fw.Amount == nil || fw.TypeSubType == nil {
		r.problem(p.m.line(), "%s: no event: without its %s the message cannot be read", name, missingWhat(fw))
		return nil
	}
	amount, err := parseCents(fw.Amount.Amount)
	if err != nil {
		r.problem(p.line(2000), "%s: tag {2000} amount: %v: no event for this message", name, err)
		return nil
	}
	if n := len(fw.Amount.Amount); n != 12 {
		r.warning(p.line(2000), "%s: tag {2000} amount %q has %d digits instead of 12; read as cents", name, fw.Amount.Amount, n)
	}
	ts := fw.TypeSubType.TypeCode + fw.TypeSubType.SubTypeCode
	if len(ts) != 4 || !allDigits(ts) {
		r.problem(p.line(1510), "%s: tag {1510} type/subtype %q is not four digits (like 1000): no event for this message", name, ts)
		return nil
	}

	b := &eventBlock{}
	ev, wd := &b.ev, &b.wd
	ev.Wire = wd
	ev.Rail = payment.RailWire
	ev.Format = Format
	ev.Amount = amount
	ev.Currency = "USD"
	ev.Source = r.at(p.m.line())
	wd.Network = Network
	wd.TypeSubtype = ts
	wd.MessageType = "fedwire " + ts
	if fw.BusinessFunctionCode != nil {
		wd.BusinessFunction = fw.BusinessFunctionCode.BusinessFunctionCode
		wd.MessageType += " " + wd.BusinessFunction
	}
	if fw.LocalInstrument != nil {
		wd.LocalInstrument = fw.LocalInstrument.LocalInstrumentCode
	}
	if fw.SenderSupplied != nil && fw.SenderSupplied.TestProductionCode == "T" ||
		fw.MessageDisposition != nil && fw.MessageDisposition.TestProductionCode == "T" {
		wd.Test = true
	}

	r.refs(p, ev)
	r.kind(p, ev)
	r.dates(p, ev)
	parties(fw, ev)
	r.money(p, wd)
	wd.Remittance = join(" ", obiLines(fw)...)
	wd.BankInfo = bankInfo(fw)
	r.reason(p, ev)
	return ev
}

// missingWhat names the tags among {2000} and {1510} fw lacks.
func missingWhat(fw *wire.FEDWireMessage) string {
	switch {
	case fw.Amount == nil && fw.TypeSubType == nil:
		return "amount {2000} and type/subtype {1510}"
	case fw.Amount == nil:
		return "amount {2000}"
	}
	return "type/subtype {1510}"
}

// refs sets the event's references: IMAD, OMAD, sender reference,
// end-to-end id and the previous message's IMAD.
func (r *reader) refs(p *parsed, ev *payment.Event) {
	fw, wd := &p.fw, ev.Wire
	name := msgName(p.m.number)
	if m := fw.InputMessageAccountabilityData; m != nil {
		s := m.InputCycleDate + m.InputSource + m.InputSequenceNumber
		if imad, err := ParseIMAD(s); err == nil {
			ev.Refs.IMAD = s
			ev.Refs.MessageID = s
			wd.CycleDate = imad.CycleDate
		} else {
			r.problem(p.line(1520), "%s: tag {1520}: %v; the message has no IMAD to be found by", name, err)
		}
	}
	if m := fw.OutputMessageAccountabilityData; m != nil {
		s := m.OutputCycleDate + m.OutputDestinationID + m.OutputSequenceNumber + m.OutputDate + m.OutputTime + m.OutputFRBApplicationIdentification
		ev.Refs.OMAD = s
		if omad, err := ParseOMAD(s); err != nil {
			r.warning(p.line(1120), "%s: tag {1120}: %v", name, err)
		} else if wd.CycleDate.IsZero() {
			wd.CycleDate = omad.CycleDate
		}
	}
	if fw.SenderReference != nil {
		ev.Refs.SenderReference = fw.SenderReference.SenderReference
	}
	if fw.PaymentNotification != nil {
		ev.Refs.EndToEndID = fw.PaymentNotification.EndToEndIdentification
	}
	if ev.Refs.EndToEndID == "" && fw.BeneficiaryReference != nil {
		// {4320}, the originator's reference for the beneficiary, is what
		// the Fed's ISO 20022 translation carries as EndToEndId.
		ev.Refs.EndToEndID = fw.BeneficiaryReference.BeneficiaryReference
	}
	if fw.PreviousMessageIdentifier != nil {
		prev := fw.PreviousMessageIdentifier.PreviousMessageIdentifier
		wd.OriginalMessageID = prev
		if IsIMAD(prev) {
			setOriginal(ev, prev, false)
		}
	}
}

// setOriginal sets the original IMAD and, for an answer to a transfer (a
// reversal, return or recall), the day that transfer settled: its IMAD's
// cycle date.
func setOriginal(ev *payment.Event, imad string, answer bool) {
	ev.Refs.OriginalIMAD = imad
	if m, err := ParseIMAD(imad); err == nil && answer {
		ev.Wire.OriginalSettlement = m.CycleDate
	}
}

// kind sets the event's kind, status, direction and Inbound, from the
// subtype, the narrative and the Fed's disposition.
func (r *reader) kind(p *parsed, ev *payment.Event) {
	fw, wd := &p.fw, ev.Wire
	name := msgName(p.m.number)
	switch tc := fw.TypeSubType.TypeCode; tc {
	case "10", "15", "16":
	default:
		r.warning(p.line(1510), "%s: tag {1510}: type %q is not one FAIM defines (10 funds transfer, 15 foreign transfer, 16 settlement transfer)", name, tc)
	}
	subtype := fw.TypeSubType.SubTypeCode
	own, ok := kindOfSubtype(subtype)
	if !ok {
		r.warning(p.line(1510), "%s: tag {1510}: subtype %q is not one FAIM defines; read as a transfer", name, subtype)
	}
	narrative := narrativeText(fw)
	if own == payment.KindPayment && subtype == "00" && !moneyMarket(wd.BusinessFunction) && saysReturn(narrative) {
		own = payment.KindReturn
	}
	switch own {
	case payment.KindReversal, payment.KindRecall, payment.KindReturn:
		imad := ev.Refs.OriginalIMAD
		if imad == "" {
			imad = findIMAD(narrative)
		}
		if imad != "" {
			setOriginal(ev, imad, true)
		}
	}
	switch {
	case own == payment.KindReversal && fw.PreviousMessageIdentifier == nil:
		r.problem(p.m.line(), "%s: a reversal (subtype %s) without tag {3500}, the IMAD of the transfer it reverses", name, subtype)
	case (own == payment.KindReversal || own == payment.KindRecall) && ev.Refs.OriginalIMAD == "" && fw.PreviousMessageIdentifier != nil:
		r.warning(p.line(3500), "%s: tag {3500} %q is not an IMAD: the transfer it refers to cannot be found by it", name, wd.OriginalMessageID)
	}

	kind := own
	inbound := fw.OutputMessageAccountabilityData != nil
	if md := fw.MessageDisposition; md != nil {
		d := dispositionOf(md.MessageStatusIndicator)
		if d.known {
			wd.Status = d.status
			inbound = d.inbound
			if d.kind != "" {
				kind = d.kind
			}
		} else {
			r.warning(p.line(1100), "%s: tag {1100}: message status %q is not one FAIM defines (0, 2, 3, 7, N, S)", name, md.MessageStatusIndicator)
		}
	}
	ev.Kind = kind
	wd.Inbound = inbound
	// A rejection or hold by the Fed is news about the message the bank
	// sent: its direction is that of the message itself.
	ev.Direction = payment.WireDirection(own, inbound)
}

// dates sets the cycle date as effective date and, for transfers that
// move money and were not stopped, as settlement date; and the time the
// Fed received the message ({1110}, Eastern time).
func (r *reader) dates(p *parsed, ev *payment.Event) {
	wd := ev.Wire
	cycle := wd.CycleDate
	ev.EffectiveDate = cycle
	if valueKind(ev.Kind) {
		ev.SettlementDate = cycle
	}
	rt := p.fw.ReceiptTimeStamp
	if rt == nil {
		return
	}
	name := msgName(p.m.number)
	if cycle.IsZero() {
		r.warning(p.line(1110), "%s: tag {1110}: the receipt time %s %s cannot be dated without a cycle date (IMAD)", name, rt.ReceiptDate, rt.ReceiptTime)
		return
	}
	stamp := rt.ReceiptDate + rt.ReceiptTime
	if len(stamp) != 8 || !allDigits(stamp) {
		r.warning(p.line(1110), "%s: tag {1110} receipt time %q is not MMDD and HHMM", name, stamp)
		return
	}
	at, err := outputTime(stamp, cycle)
	if err != nil {
		r.warning(p.line(1110), "%s: tag {1110} receipt time: %v", name, err)
		return
	}
	wd.AcceptedAt = at.Format(time.RFC3339)
}

// money sets the instructed amount, charges and exchange rate.
func (r *reader) money(p *parsed, wd *payment.WireDetail) {
	fw := &p.fw
	name := msgName(p.m.number)
	if c := fw.Charges; c != nil {
		switch c.ChargeDetails {
		case "B":
			wd.ChargeBearer = "BEN"
		case "S":
			wd.ChargeBearer = "SHA"
		default:
			wd.ChargeBearer = c.ChargeDetails
		}
		for _, s := range []string{c.SendersChargesOne, c.SendersChargesTwo, c.SendersChargesThree, c.SendersChargesFour} {
			if s == "" {
				continue
			}
			m, err := parseMoney(s)
			if err != nil {
				r.warning(p.line(3700), "%s: tag {3700} charges: %v", name, err)
				continue
			}
			wd.Charges = append(wd.Charges, m)
		}
	}
	if ia := fw.InstructedAmount; ia != nil && (ia.CurrencyCode != "" || ia.Amount != "") {
		if m, err := parseMoney(ia.CurrencyCode + ia.Amount); err == nil {
			wd.InstructedAmount = &m
		} else {
			r.warning(p.line(3710), "%s: tag {3710} instructed amount: %v", name, err)
		}
	}
	if er := fw.ExchangeRate; er != nil && er.ExchangeRate != "" {
		if d, err := parseComma(er.ExchangeRate); err == nil {
			wd.FXRate = d.String()
		} else {
			r.warning(p.line(3720), "%s: tag {3720} exchange rate: %v", name, err)
		}
	}
}

// reason sets the reason of a rejection (the Fed's {1130} error) or the
// one a return's or reversal's narrative states.
func (r *reader) reason(p *parsed, ev *payment.Event) {
	fw, wd := &p.fw, ev.Wire
	if e := fw.ErrorWire; e != nil && e.ErrorCategory+e.ErrorCode != "" {
		ev.Reason = reason.For(reason.SchemeFedwire, e.ErrorCategory+e.ErrorCode)
		wd.ReasonText = e.ErrorDescription
		return
	}
	switch ev.Kind {
	case payment.KindReturn, payment.KindReversal, payment.KindRecall:
	default:
		return
	}
	wd.ReasonText = narrativeText(fw)
	if ev.Kind == payment.KindRecall || wd.ReasonText == "" {
		return
	}
	if code, ok := reason.Infer(wd.ReasonText); ok {
		ev.Reason = reason.For(reason.SchemeReturn, code)
		wd.ReasonInferred = true
	}
}

// narrativeText is the free text a return or reversal explains itself in:
// {6000} originator to beneficiary, {6500} FI to FI, {9000} service
// message.
func narrativeText(fw *wire.FEDWireMessage) string {
	var parts []string
	if s := join(" ", obiLines(fw)...); s != "" {
		parts = append(parts, s)
	}
	if f := fw.FIAdditionalFIToFI; f != nil {
		a := f.AdditionalFIToFI
		if s := join(" ", a.LineOne, a.LineTwo, a.LineThree, a.LineFour, a.LineFive, a.LineSix); s != "" {
			parts = append(parts, s)
		}
	}
	if s := serviceText(fw); s != "" {
		parts = append(parts, s)
	}
	return join(" / ", parts...)
}

func obiLines(fw *wire.FEDWireMessage) []string {
	if o := fw.OriginatorToBeneficiary; o != nil {
		return []string{o.LineOne, o.LineTwo, o.LineThree, o.LineFour}
	}
	return nil
}

func serviceText(fw *wire.FEDWireMessage) string {
	s := fw.ServiceMessage
	if s == nil {
		return ""
	}
	return join(" ", s.LineOne, s.LineTwo, s.LineThree, s.LineFour, s.LineFive, s.LineSix,
		s.LineSeven, s.LineEight, s.LineNine, s.LineTen, s.LineEleven, s.LineTwelve)
}

// bankInfo joins the bank-to-bank texts: {6100}–{6500} and {9000}.
func bankInfo(fw *wire.FEDWireMessage) string {
	fi := func(f wire.FIToFI) string {
		return join(" ", f.LineOne, f.LineTwo, f.LineThree, f.LineFour, f.LineFive, f.LineSix)
	}
	adv := func(a wire.Advice) string {
		return join(" ", a.AdviceCode, a.LineOne, a.LineTwo, a.LineThree, a.LineFour, a.LineFive, a.LineSix)
	}
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if t := fw.FIReceiverFI; t != nil {
		add(fi(t.FIToFI))
	}
	if t := fw.FIDrawdownDebitAccountAdvice; t != nil {
		add(adv(t.Advice))
	}
	if t := fw.FIIntermediaryFI; t != nil {
		add(fi(t.FIToFI))
	}
	if t := fw.FIIntermediaryFIAdvice; t != nil {
		add(adv(t.Advice))
	}
	if t := fw.FIBeneficiaryFI; t != nil {
		add(fi(t.FIToFI))
	}
	if t := fw.FIBeneficiaryFIAdvice; t != nil {
		add(adv(t.Advice))
	}
	if t := fw.FIBeneficiary; t != nil {
		add(fi(t.FIToFI))
	}
	if t := fw.FIBeneficiaryAdvice; t != nil {
		add(adv(t.Advice))
	}
	if t := fw.FIPaymentMethodToBeneficiary; t != nil {
		add(join(" ", t.PaymentMethod, t.AdditionalInformation))
	}
	if t := fw.FIAdditionalFIToFI; t != nil {
		a := t.AdditionalFIToFI
		add(join(" ", a.LineOne, a.LineTwo, a.LineThree, a.LineFour, a.LineFive, a.LineSix))
	}
	add(serviceText(fw))
	return join(" / ", parts...)
}

// join joins the non-blank parts, trimmed, with sep.
func join(sep string, parts ...string) string {
	out := ""
	for _, s := range parts {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += s
	}
	return out
}
