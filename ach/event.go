package ach

import (
	"io"
	"iter"
	"strings"

	moov "github.com/moov-io/ach"
	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/settlement"
)

// Events reads the NACHA file r and yields one event per entry, and the
// problems found on the way (as *payment.Problem errors).
func Events(r io.Reader, name string) iter.Seq2[*payment.Event, error] {
	return func(yield func(*payment.Event, error) bool) {
		for rec, err := range NewReader(r, name).All() {
			if err != nil {
				if !yield(nil, err) {
					return
				}
				continue
			}
			if e, ok := rec.(*Entry); ok {
				if !yield(e.Event(), nil) {
					return
				}
			}
		}
	}
}

// Kind says what the entry is in a payment's life, from its addenda, its
// transaction code and its batch.
func (e *Entry) Kind() payment.Kind {
	tc, _ := LookupTransactionCode(e.TransactionCode)
	switch {
	case e.Contested != nil:
		return payment.KindContestedDishonoredReturn
	case e.Dishonored != nil:
		return payment.KindDishonoredReturn
	case e.Return != nil:
		return payment.KindReturn
	case e.RefusedChange != nil:
		return payment.KindRefusedNOC
	case e.Change != nil:
		return payment.KindNOC
	case tc.Purpose == "return_or_noc":
		return payment.KindReturn // a return whose addenda is missing
	case tc.Purpose == "advice":
		return payment.KindAdvice
	case tc.Purpose == "prenote":
		return payment.KindPrenote
	case e.Batch.Reversal:
		return payment.KindReversal
	}
	return payment.KindPayment
}

// ReasonCode returns the return or change code the entry carries, or "".
func (e *Entry) ReasonCode() string {
	switch {
	case e.Contested != nil:
		return e.Contested.ContestedReturnCode
	case e.Dishonored != nil:
		return e.Dishonored.DishonoredReturnReasonCode
	case e.Return != nil:
		return e.Return.ReturnCode
	case e.RefusedChange != nil:
		return e.RefusedChange.RefusedChangeCode
	case e.Change != nil:
		return e.Change.ChangeCode
	}
	return ""
}

// Event turns the entry into a normalized payment event, with the dates
// that follow from it and the banking calendar.
func (e *Entry) Event() *payment.Event {
	ev := &payment.Event{}
	e.FillEvent(ev)
	return ev
}

// FillEvent is Event writing into ev, which is reset first; it reuses ev's
// ACH detail, for callers that stream millions of entries.
func (e *Entry) FillEvent(ev *payment.Event) {
	b := e.Batch
	tc, _ := LookupTransactionCode(e.TransactionCode)
	kind := e.Kind()
	detail := ev.ACH
	if detail == nil {
		detail = &payment.ACHDetail{}
	}
	*detail = payment.ACHDetail{
		SECCode:          b.SECCode,
		TransactionCode:  e.TransactionCode,
		BatchNumber:      b.Number,
		CompanyName:      b.CompanyName,
		CompanyID:        b.CompanyID,
		EntryDescription: b.EntryDescription,
		DescriptiveDate:  b.DescriptiveDate,
		ODFI:             b.ODFI,
		Addenda:          detail.Addenda[:0],
	}
	*ev = payment.Event{
		Rail:           payment.RailACH,
		Format:         "nacha",
		Kind:           kind,
		Direction:      tc.companyDirection(kind),
		Amount:         decimal.New(e.Amount, -2),
		Currency:       "USD",
		EffectiveDate:  b.EffectiveDate,
		SettlementDate: b.ExpectedSettlement,
		Refs: payment.Refs{
			Trace:        e.Trace,
			IndividualID: e.IndividualID,
		},
		Party: payment.Party{
			Name:        e.Name,
			Account:     e.Account,
			Routing:     e.Routing(),
			AccountType: tc.AccountType,
		},
		Source: e.Source,
		ACH:    detail,
	}
	ev.SettlementEstimated = b.SettlementDate.IsZero() && !b.ExpectedSettlement.IsZero()
	if tc.Purpose == "advice" {
		ev.Party.AccountType = ""
	}
	if e.Addenda02 != nil {
		ev.ACH.Addenda = append(ev.ACH.Addenda, terminalText(e.Addenda02))
	}
	for _, a := range e.Addenda05 {
		ev.ACH.Addenda = append(ev.ACH.Addenda, strings.TrimSpace(a.PaymentRelatedInformation))
	}
	if e.IAT != nil {
		e.fillIAT(ev)
	}
	switch kind {
	case payment.KindPayment, payment.KindReversal, payment.KindPrenote:
		ev.ACH.SameDay = b.SameDay
		forwardTiming(ev, b.forward)
	}
	e.fillReturnOrChange(ev)
	if dfi := ev.ACH.OriginalDFI; dfi != "" {
		// A return, NOC or dishonor travels between the two banks; the
		// customer's bank is the original entry's receiving bank.
		if cd, ok := checkDigit(dfi); ok {
			ev.Party.Routing = dfi + string(cd)
		}
	}
}

func terminalText(a *moov.Addenda02) string {
	parts := []string{
		strings.TrimSpace(a.TerminalIdentificationCode),
		strings.TrimSpace(a.TerminalLocation),
		strings.TrimSpace(a.TerminalCity),
		strings.TrimSpace(a.TerminalState),
	}
	out := parts[:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return "terminal " + strings.Join(out, ", ")
}

func (e *Entry) fillIAT(ev *payment.Event) {
	h := e.Batch.IAT
	iat := &payment.IATDetail{ForeignAccount: e.Account}
	if h != nil {
		iat.ForeignExchangeIndicator = h.ForeignExchangeIndicator
		iat.DestinationCountry = h.ISODestinationCountryCode
		iat.OriginatingCurrency = h.ISOOriginatingCurrencyCode
		iat.DestinationCurrency = h.ISODestinationCurrencyCode
	}
	x := e.IATAddenda
	if x.Addenda10 != nil {
		ev.Party.Name = strings.TrimSpace(x.Addenda10.Name)
	}
	if x.Addenda11 != nil {
		iat.OriginatorName = strings.TrimSpace(x.Addenda11.OriginatorName)
	}
	if x.Addenda12 != nil {
		country, _, _ := strings.Cut(x.Addenda12.OriginatorCountryPostalCode, "*")
		iat.OriginatorCountry = strings.TrimSpace(country)
	}
	ev.ACH.IAT = iat
	ev.Party.Account = e.Account
}

// fillReturnOrChange adds the reason, references and dates of a return,
// dishonored or contested return, NOC or refused NOC.
func (e *Entry) fillReturnOrChange(ev *payment.Event) {
	cal := settlement.Fed
	settled := ev.SettlementDate
	switch {
	case e.Contested != nil:
		a := e.Contested
		ev.Reason = returnReason(a.ContestedReturnCode)
		ev.Refs.OriginalTrace = strings.TrimSpace(a.OriginalEntryTraceNumber)
		ev.Refs.ReturnTrace = strings.TrimSpace(a.ReturnTraceNumber)
		ev.Refs.DishonoredReturnTrace = strings.TrimSpace(a.DishonoredReturnTraceNumber)
		ev.ACH.OriginalDFI = strings.TrimSpace(a.OriginalReceivingDFIIdentification)
		ev.ACH.OriginalReturnCode = prefixR(a.ReturnReasonCode)
		ev.ACH.DishonoredReturnCode = prefixR(a.DishonoredReturnReasonCode)
		ev.Timing.OriginalSettlementDate, _ = ResolveJulian(a.OriginalSettlementDate, settled)
		ev.ACH.ReturnSettlementDate, _ = ResolveJulian(a.ReturnSettlementDate, settled)
		ev.ACH.DishonoredSettlementDate, _ = ResolveJulian(a.DishonoredReturnSettlementDate, settled)
		ev.ACH.OriginalReturnSentOn, _ = parseYYMMDD(strings.TrimSpace(a.DateOriginalEntryReturned))
		answerTiming(ev, ev.ACH.DishonoredSettlementDate, settlement.ACHContestBankingDays, cal)
	case e.Dishonored != nil:
		a := e.Dishonored
		ev.Reason = returnReason(a.DishonoredReturnReasonCode)
		ev.Refs.OriginalTrace = strings.TrimSpace(a.OriginalEntryTraceNumber)
		ev.Refs.ReturnTrace = strings.TrimSpace(a.ReturnTraceNumber)
		ev.ACH.OriginalDFI = strings.TrimSpace(a.OriginalReceivingDFIIdentification)
		ev.ACH.OriginalReturnCode = prefixR(a.ReturnReasonCode)
		ev.ACH.ReturnSettlementDate, _ = ResolveJulian(a.ReturnSettlementDate, settled)
		if strings.ToUpper(a.DishonoredReturnReasonCode) == "R69" {
			ev.ACH.FieldErrors = fieldErrors(a.AddendaInformation)
		} else {
			ev.ACH.ReturnInfo = strings.TrimSpace(a.AddendaInformation)
		}
		answerTiming(ev, ev.ACH.ReturnSettlementDate, settlement.ACHDishonorBankingDays, cal)
		if !settled.IsZero() {
			ev.Timing.ContestableUntil = settlement.ACHDeadline(settled, settlement.ACHContestBankingDays, cal)
		}
	case e.Return != nil:
		a := e.Return
		ev.Reason = returnReason(a.ReturnCode)
		ev.Refs.OriginalTrace = strings.TrimSpace(a.OriginalTrace)
		ev.ACH.OriginalDFI = strings.TrimSpace(a.OriginalDFI)
		ev.ACH.ReturnInfo = strings.TrimSpace(a.AddendaInformation)
		if !settled.IsZero() {
			ev.Timing.DishonorableUntil = settlement.ACHDeadline(settled, settlement.ACHDishonorBankingDays, cal)
		}
	case e.RefusedChange != nil:
		a := e.RefusedChange
		ev.Reason = changeReason(a.RefusedChangeCode)
		ev.Refs.OriginalTrace = strings.TrimSpace(a.OriginalTrace)
		ev.ACH.OriginalDFI = strings.TrimSpace(a.OriginalDFI)
		ev.ACH.OriginalChangeCode = strings.ToUpper(strings.TrimSpace(a.ChangeCode))
		// The refused NOC repeats the corrected data of the NOC it refuses.
		ev.ACH.Corrected = correctedData(&moov.Addenda98{ChangeCode: ev.ACH.OriginalChangeCode, CorrectedData: a.CorrectedData})
	case e.Change != nil:
		a := e.Change
		ev.Reason = changeReason(a.ChangeCode)
		ev.Refs.OriginalTrace = strings.TrimSpace(a.OriginalTrace)
		ev.ACH.OriginalDFI = strings.TrimSpace(a.OriginalDFI)
		ev.ACH.Corrected = correctedData(a)
		if !settled.IsZero() {
			ev.Timing.CorrectionDue = settlement.ACHDeadline(settled, settlement.ACHCorrectionBankingDays, cal)
		}
	}
}

// answerTiming dates a dishonored (or contested) return against the return
// (or dishonor) it answers, which allows days banking days.
func answerTiming(ev *payment.Event, answered payment.Date, days int, cal *settlement.Calendar) {
	if answered.IsZero() {
		return
	}
	dateAgainst(ev, answered, settlement.ACHDeadline(answered, days, cal), cal)
}

func prefixR(code string) string {
	code = strings.TrimSpace(code)
	if code == "" || strings.HasPrefix(code, "R") {
		return code
	}
	return "R" + code
}

// fieldErrors decodes an R69 dishonored return's list of wrong fields
// ("01*03*06").
func fieldErrors(info string) []string {
	names := map[string]string{
		"01": "DFI account number", "02": "original entry trace number", "03": "amount",
		"04": "individual identification number or receiving company name", "05": "transaction code",
		"06": "company identification", "07": "effective entry date",
	}
	var out []string
	for part := range strings.SplitSeq(strings.TrimSpace(info), "*") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if name, ok := names[part]; ok {
			out = append(out, part+" "+name)
		} else {
			out = append(out, part)
		}
	}
	return out
}

func returnReason(code string) *payment.Reason {
	code = strings.ToUpper(strings.TrimSpace(code))
	r := &payment.Reason{Scheme: "nacha_return", Code: code}
	if c, ok := LookupReturnCode(code); ok {
		r.Title, r.Known = c.Title, true
	}
	return r
}

func changeReason(code string) *payment.Reason {
	code = strings.ToUpper(strings.TrimSpace(code))
	r := &payment.Reason{Scheme: "nacha_change", Code: code}
	if c, ok := LookupChangeCode(code); ok {
		r.Title, r.Known = c.Title, true
	}
	return r
}

func correctedData(a *moov.Addenda98) *payment.CorrectedData {
	c := &payment.CorrectedData{Raw: strings.TrimRight(a.CorrectedData, " ")}
	if d := a.ParseCorrectedData(moov.PartialCorrectedData()); d != nil {
		c.AccountNumber = strings.TrimSpace(d.AccountNumber)
		c.RoutingNumber = strings.TrimSpace(d.RoutingNumber)
		c.TransactionCode = d.TransactionCode
		c.IndividualID = strings.TrimSpace(d.Identification)
		c.Name = strings.TrimSpace(d.Name)
	}
	if tc, ok := LookupTransactionCode(c.TransactionCode); ok && c.TransactionCode != 0 {
		c.AccountType = tc.AccountType
	}
	return c
}
