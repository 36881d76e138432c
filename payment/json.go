package payment

import (
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends the event's JSON face (one compact object, fields in a
// fixed order) to b. It is hand-written rather than reflected because
// scheduled jobs stream millions of events through it; TestEventJSON keeps
// it equal to what encoding/json reads back.
func (e *Event) AppendJSON(b []byte) []byte {
	b = append(b, `{"rail":`...)
	b = AppendJSONString(b, string(e.Rail))
	b = append(b, `,"format":`...)
	b = AppendJSONString(b, e.Format)
	b = append(b, `,"kind":`...)
	b = AppendJSONString(b, string(e.Kind))
	b = append(b, `,"direction":`...)
	b = AppendJSONString(b, string(e.Direction))
	b = append(b, `,"amount":"`...)
	b = AppendAmount(b, e.Amount, e.Currency)
	b = append(b, '"')
	b = append(b, `,"currency":`...)
	b = AppendJSONString(b, e.Currency)
	b = append(b, `,"effective_date":`...)
	b = appendJSONDate(b, e.EffectiveDate)
	b = append(b, `,"settlement_date":`...)
	b = appendJSONDate(b, e.SettlementDate)
	b = append(b, `,"settlement_date_estimated":`...)
	b = strconv.AppendBool(b, e.SettlementEstimated)

	b = append(b, `,"refs":{`...)
	o := object{b: b}
	o.str("trace", e.Refs.Trace)
	o.str("individual_id", e.Refs.IndividualID)
	o.str("original_trace", e.Refs.OriginalTrace)
	o.str("return_trace", e.Refs.ReturnTrace)
	o.str("dishonored_return_trace", e.Refs.DishonoredReturnTrace)
	o.str("uetr", e.Refs.UETR)
	o.str("imad", e.Refs.IMAD)
	o.str("omad", e.Refs.OMAD)
	o.str("message_id", e.Refs.MessageID)
	o.str("end_to_end_id", e.Refs.EndToEndID)
	o.str("instruction_id", e.Refs.InstructionID)
	o.str("transaction_id", e.Refs.TransactionID)
	o.str("sender_reference", e.Refs.SenderReference)
	o.str("psp_id", e.Refs.PSPID)
	o.str("psp_event_id", e.Refs.PSPEventID)
	o.str("merchant_reference", e.Refs.MerchantReference)
	o.str("arn", e.Refs.ARN)
	o.str("original_uetr", e.Refs.OriginalUETR)
	o.str("original_imad", e.Refs.OriginalIMAD)
	o.str("original_end_to_end_id", e.Refs.OriginalEndToEndID)
	o.str("original_psp_id", e.Refs.OriginalPSPID)
	o.str("original_message_id", e.Refs.OriginalMessageID)
	o.str("original_sender_reference", e.Refs.OriginalSenderReference)
	b = append(o.b, '}')

	b = append(b, `,"party":{`...)
	o = object{b: b}
	o.str("name", e.Party.Name)
	o.str("account", e.Party.Account)
	o.str("routing", e.Party.Routing)
	o.str("account_type", e.Party.AccountType)
	b = append(o.b, '}')

	b = append(b, `,"reason":`...)
	if r := e.Reason; r == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"scheme":`...)
		b = AppendJSONString(b, r.Scheme)
		b = append(b, `,"code":`...)
		b = AppendJSONString(b, r.Code)
		b = append(b, `,"title":`...)
		b = AppendJSONString(b, r.Title)
		b = append(b, `,"known":`...)
		b = strconv.AppendBool(b, r.Known)
		b = append(b, '}')
	}

	b = append(b, `,"timing":{`...)
	b = append(e.Timing.appendFields(object{b: b}).b, '}')

	b = append(b, `,"source":{"file":`...)
	b = AppendJSONString(b, e.Source.File)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(e.Source.Line), 10)
	b = append(b, '}')

	if e.ACH != nil {
		b = append(b, `,"ach":{`...)
		b = append(e.ACH.appendFields(object{b: b}).b, '}')
	}
	if e.Card != nil {
		b = append(b, `,"card":{`...)
		b = append(e.Card.appendFields(object{b: b}).b, '}')
	}
	if e.Wire != nil {
		b = append(b, `,"wire":{`...)
		b = append(e.Wire.appendFields(object{b: b}).b, '}')
	}
	return append(b, '}')
}

func (t *Timing) appendFields(o object) object {
	o.date("returnable_until", t.ReturnableUntil)
	o.date("unauthorized_returnable_until", t.UnauthorizedReturnableUntil)
	o.date("original_settlement_date", t.OriginalSettlementDate)
	if t.BankingDaysAfter != nil {
		o.int("banking_days_after_settlement", *t.BankingDaysAfter)
	}
	o.date("deadline", t.Deadline)
	if t.Timely != nil {
		o.bool("timely", *t.Timely)
	}
	o.date("dishonorable_until", t.DishonorableUntil)
	o.date("contestable_until", t.ContestableUntil)
	o.date("correction_due", t.CorrectionDue)
	o.date("reversible_until", t.ReversibleUntil)
	o.date("hold_expires_on", t.HoldExpiresOn)
	o.date("refund_arrives_from", t.RefundArrivesFrom)
	o.date("refund_arrives_by", t.RefundArrivesBy)
	o.date("dispute_response_due", t.DisputeResponseDue)
	o.date("available_on", t.AvailableOn)
	return o
}

func (c *CardDetail) appendFields(o object) object {
	o.str("processor", c.Processor)
	o.str("report", c.Report)
	o.str("raw_type", c.RawType)
	o.str("raw_status", c.RawStatus)
	o.str("brand", c.Brand)
	o.str("funding", c.Funding)
	o.str("bin", c.BIN)
	o.str("last4", c.Last4)
	o.str("wallet", c.Wallet)
	o.str("device_last4", c.DeviceLast4)
	o.str("country", c.Country)
	o.money("fee", c.Fee)
	o.money("net", c.Net)
	o.money("settle_amount", c.SettleAmount)
	o.str("response_code", c.ResponseCode)
	o.str("response_scheme", c.ResponseScheme)
	o.str("response_text", c.ResponseText)
	o.str("advice_code", c.AdviceCode)
	o.str("auth_code", c.AuthCode)
	o.str("dispute_reason", c.DisputeReason)
	o.str("dispute_network", c.DisputeNetwork)
	o.str("payout_id", c.PayoutID)
	o.str("created_at", c.CreatedAt)
	return o
}

func (w *WireDetail) appendFields(o object) object {
	o.str("network", w.Network)
	o.str("message_type", w.MessageType)
	o.bool("inbound", w.Inbound)
	if w.Test {
		o.bool("test", true)
	}
	o.str("business_function", w.BusinessFunction)
	o.str("type_subtype", w.TypeSubtype)
	o.str("local_instrument", w.LocalInstrument)
	o.str("status", w.Status)
	o.party("debtor", &w.Debtor)
	o.party("creditor", &w.Creditor)
	if len(w.Intermediaries) > 0 {
		o.key("intermediaries")
		o.b = append(o.b, '[')
		for i := range w.Intermediaries {
			if i > 0 {
				o.b = append(o.b, ',')
			}
			o.b = append(o.b, '{')
			o.b = append(w.Intermediaries[i].appendFields(object{b: o.b}).b, '}')
		}
		o.b = append(o.b, ']')
	}
	o.money("instructed_amount", w.InstructedAmount)
	o.money("original_amount", w.OriginalAmount)
	o.str("charge_bearer", w.ChargeBearer)
	if len(w.Charges) > 0 {
		o.key("charges")
		o.b = append(o.b, '[')
		for i := range w.Charges {
			if i > 0 {
				o.b = append(o.b, ',')
			}
			o.b = appendMoney(o.b, &w.Charges[i])
		}
		o.b = append(o.b, ']')
	}
	o.str("fx_rate", w.FXRate)
	o.str("remittance", w.Remittance)
	o.str("bank_info", w.BankInfo)
	o.str("reason_text", w.ReasonText)
	if w.ReasonInferred {
		o.bool("reason_inferred", true)
	}
	o.date("cycle_date", w.CycleDate)
	o.str("created_at", w.CreatedAt)
	o.str("accepted_at", w.AcceptedAt)
	o.str("case_id", w.CaseID)
	o.str("return_id", w.ReturnID)
	o.str("related_reference", w.RelatedReference)
	o.str("original_message_id", w.OriginalMessageID)
	o.str("original_message_type", w.OriginalMessageType)
	o.str("original_instruction_id", w.OriginalInstructionID)
	o.date("original_settlement_date", w.OriginalSettlement)
	return o
}

// party writes a wire party, left out when it holds nothing.
func (o *object) party(k string, p *WireParty) {
	if *p == (WireParty{}) {
		return
	}
	o.key(k)
	o.b = append(o.b, '{')
	po := object{b: o.b}
	po.str("name", p.Name)
	po.str("account", p.Account)
	if p.Agent != (WireAgent{}) {
		po.key("agent")
		po.b = append(po.b, '{')
		po.b = append(p.Agent.appendFields(object{b: po.b}).b, '}')
	}
	o.b = append(po.b, '}')
}

func (a *WireAgent) appendFields(o object) object {
	o.str("id", a.ID)
	o.str("name", a.Name)
	return o
}

func (a *ACHDetail) appendFields(o object) object {
	o.str("sec_code", a.SECCode)
	o.int("transaction_code", a.TransactionCode)
	o.int("batch_number", a.BatchNumber)
	o.str("company_name", a.CompanyName)
	o.str("company_id", a.CompanyID)
	o.str("entry_description", a.EntryDescription)
	o.str("descriptive_date", a.DescriptiveDate)
	o.str("odfi", a.ODFI)
	o.bool("same_day", a.SameDay)
	o.strs("addenda", a.Addenda)
	o.str("return_info", a.ReturnInfo)
	o.str("original_dfi", a.OriginalDFI)
	if c := a.Corrected; c != nil {
		o.key("corrected")
		o.b = append(o.b, '{')
		co := object{b: o.b}
		co.str("account_number", c.AccountNumber)
		co.str("routing_number", c.RoutingNumber)
		if c.TransactionCode != 0 {
			co.int("transaction_code", c.TransactionCode)
		}
		co.str("account_type", c.AccountType)
		co.str("individual_id", c.IndividualID)
		co.str("name", c.Name)
		co.str("raw", c.Raw)
		o.b = append(co.b, '}')
	}
	o.str("original_change_code", a.OriginalChangeCode)
	o.str("original_return_code", a.OriginalReturnCode)
	o.str("dishonored_return_code", a.DishonoredReturnCode)
	o.date("return_settlement_date", a.ReturnSettlementDate)
	o.date("dishonored_settlement_date", a.DishonoredSettlementDate)
	o.date("original_return_sent_on", a.OriginalReturnSentOn)
	o.strs("field_errors", a.FieldErrors)
	if t := a.IAT; t != nil {
		o.key("iat")
		o.b = append(o.b, '{')
		io := object{b: o.b}
		io.str("foreign_exchange_indicator", t.ForeignExchangeIndicator)
		io.str("destination_country", t.DestinationCountry)
		io.str("originating_currency", t.OriginatingCurrency)
		io.str("destination_currency", t.DestinationCurrency)
		io.str("originator_name", t.OriginatorName)
		io.str("originator_country", t.OriginatorCountry)
		io.str("foreign_account", t.ForeignAccount)
		o.b = append(io.b, '}')
	}
	return o
}

// object appends the members of a JSON object, leaving out empty strings
// and zero dates so that rail-specific groups stay small.
type object struct {
	b      []byte
	filled bool
}

func (o *object) key(k string) {
	if o.filled {
		o.b = append(o.b, ',')
	}
	o.filled = true
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':')
}

func (o *object) str(k, v string) {
	if v == "" {
		return
	}
	o.key(k)
	o.b = AppendJSONString(o.b, v)
}

// money writes {"amount": "1.00", "currency": "USD"}, left out when nil.
func (o *object) money(k string, m *Money) {
	if m == nil {
		return
	}
	o.key(k)
	o.b = appendMoney(o.b, m)
}

func appendMoney(b []byte, m *Money) []byte {
	b = append(b, `{"amount":"`...)
	b = AppendAmount(b, m.Amount, m.Currency)
	b = append(b, `","currency":`...)
	b = AppendJSONString(b, m.Currency)
	return append(b, '}')
}

// strs writes a list of strings, left out when empty.
func (o *object) strs(k string, list []string) {
	if len(list) == 0 {
		return
	}
	o.key(k)
	o.b = append(o.b, '[')
	for i, s := range list {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		o.b = AppendJSONString(o.b, s)
	}
	o.b = append(o.b, ']')
}

func (o *object) date(k string, d Date) {
	if d.IsZero() {
		return
	}
	o.key(k)
	o.b = append(o.b, '"')
	o.b = d.AppendISO(o.b)
	o.b = append(o.b, '"')
}

func (o *object) int(k string, v int) {
	o.key(k)
	o.b = strconv.AppendInt(o.b, int64(v), 10)
}

func (o *object) bool(k string, v bool) {
	o.key(k)
	o.b = strconv.AppendBool(o.b, v)
}

func appendJSONDate(b []byte, d Date) []byte {
	if d.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = d.AppendISO(b)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// AppendJSONString appends s as a JSON string. Invalid UTF-8 (common in
// bank files written in Latin-1) becomes U+FFFD, as encoding/json does.
func AppendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
