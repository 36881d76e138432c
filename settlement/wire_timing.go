package settlement

import (
	"fmt"
	"strings"

	"github.com/payinv/payinv/payment"
)

// Wire timing. Sources (the project's wires reference, §5):
//
//   - Fedwire Funds runs on Federal Reserve banking days; a business day
//     opens at 9:00 p.m. ET the calendar day before (Sunday 9 p.m. for
//     Monday) and closes at 7:00 p.m. ET. A wire sent after 9:00 p.m. carries
//     the next business day's cycle date; a Friday-night wire carries
//     Monday's. Settlement is real time, final and irrevocable.
//   - The third-party (customer) cut-off is 6:00 p.m. ET per
//     federalreserve.gov (May 2021) but 6:45 p.m. ET per the current FRFS
//     operating-hours page: the default is 6:45 p.m. (VERIFY on
//     frbservices.org). Banks' own cut-offs are earlier (often 2–5 p.m.).
//   - CHIPS opens 9:00 p.m. ET the day before and takes payment messages
//     until 6:00 p.m. ET (since 2021-03-08), then runs its end-of-day
//     settlement.
//   - SWIFT: 90% of payments reach the destination bank within an hour,
//     43% the customer's account; crediting commonly takes 1–5 business
//     days (time zones, correspondents, screening, local holidays).

// Wire networks, Request.Kind for the wire rail.
const (
	WireFedwire = "fedwire"
	WireCHIPS   = "chips"
	WireSWIFT   = "swift"
)

// Rule sources named on wire steps.
const (
	srcFedwire     = "Fedwire Funds Service operating hours (frbservices.org)"
	srcCHIPS       = "CHIPS operating hours (The Clearing House)"
	srcSWIFT       = "SWIFT gpi statistics (swift.com); typical, not a rule"
	srcWirePolicy  = "company policy (rules file): the bank's wire cut-off"
	srcWirePosting = "receiving bank's posting (Regulation CC 229.10(b))" // VERIFY that 229.10(b) is the section
)

// WireRules are Fedwire's and CHIPS's hours and cut-offs, the company's
// bank's cut-off and SWIFT's typical timing.
type WireRules struct {
	// FedwireOpens is when a Fedwire business day opens, on the calendar
	// day before it.
	FedwireOpens Clock `yaml:"fedwire_opens" toml:"fedwire_opens"`
	// FedwireCustomerCutoff is Fedwire's cut-off for third-party
	// (customer) transfers. VERIFY: 18:00 per federalreserve.gov, 18:45
	// per FRFS operating hours.
	FedwireCustomerCutoff Clock `yaml:"fedwire_customer_cutoff" toml:"fedwire_customer_cutoff"`
	// FedwireClose is Fedwire's close for bank-to-bank transfers.
	FedwireClose Clock `yaml:"fedwire_close" toml:"fedwire_close"`
	// BankCutoff is the company's bank's own cut-off for outgoing wires.
	BankCutoff Clock `yaml:"bank_cutoff" toml:"bank_cutoff"`
	// CHIPSOpens is when a CHIPS day opens, on the calendar day before.
	CHIPSOpens Clock `yaml:"chips_opens" toml:"chips_opens"`
	// CHIPSCutoff is the last time CHIPS takes payment messages before its
	// end-of-day settlement.
	CHIPSCutoff Clock `yaml:"chips_cutoff" toml:"chips_cutoff"`
	// SWIFTCreditFromDays and SWIFTCreditByDays bound, in business days
	// after sending, when a SWIFT payment typically reaches the
	// beneficiary's account.
	SWIFTCreditFromDays int `yaml:"swift_credit_from_days" toml:"swift_credit_from_days"`
	SWIFTCreditByDays   int `yaml:"swift_credit_by_days" toml:"swift_credit_by_days"`
}

func defaultWireRules() WireRules {
	return WireRules{
		FedwireOpens:          Clock{21, 0},
		FedwireCustomerCutoff: Clock{18, 45},
		FedwireClose:          Clock{19, 0},
		BankCutoff:            Clock{17, 0},
		CHIPSOpens:            Clock{21, 0},
		CHIPSCutoff:           Clock{18, 0},
		SWIFTCreditFromDays:   1,
		SWIFTCreditByDays:     5,
	}
}

// clockMinutes is the minutes after midnight of a clock time.
func clockMinutes(c Clock) int { return c.Hour*60 + c.Minute }

// wireCutoff is the cut-off a customer wire must meet on network: the
// bank's, or the network's when that is earlier.
func (w *WireRules) wireCutoff(network string) (Clock, string) {
	netCut, netName := w.FedwireCustomerCutoff, "Fedwire's cut-off for customer wires"
	if network == WireCHIPS {
		netCut, netName = w.CHIPSCutoff, "CHIPS's cut-off"
	}
	if network == WireSWIFT || clockMinutes(w.BankCutoff) <= clockMinutes(netCut) {
		return w.BankCutoff, "the bank's cut-off"
	}
	return netCut, netName
}

func (r *Rules) wireTimeline(req Request, cal *Calendar) (Timeline, error) {
	tl := Timeline{Request: req}
	network := strings.ToLower(strings.TrimSpace(req.Kind))
	if network == "" {
		network = WireFedwire
	}
	if network != WireFedwire && network != WireCHIPS && network != WireSWIFT {
		return tl, fmt.Errorf("wire: %q is not a wire network payinv knows (want fedwire, chips or swift)", req.Kind)
	}
	w := &r.Wire
	t := req.At
	day := DateOf(t)
	mins := t.Hour()*60 + t.Minute()
	cut, cutName := w.wireCutoff(network)
	opens := w.FedwireOpens
	if network == WireCHIPS {
		opens = w.CHIPSOpens
	}

	// The business day the wire goes out on, and why.
	var send payment.Date
	var why Step
	switch {
	case network != WireSWIFT && mins >= clockMinutes(opens) && cal.IsBankingDay(day.AddDays(1)):
		// The network is open for tomorrow's business day already.
		send = day.AddDays(1)
		why = Step{Key: "cutoff_met", At: t, Rule: srcFedwire,
			Sentence: fmt.Sprintf("It came after %s opened the next business day at %s, so it carries the cycle date of %s.", wireName(network), spokenClock(opens), spokenDate(send))}
		if network == WireCHIPS {
			why.Rule = srcCHIPS
		}
	case cal.IsBankingDay(day) && mins <= clockMinutes(cut):
		send = day
		why = Step{Key: "cutoff_met", At: t, Rule: srcWirePolicy,
			Sentence: fmt.Sprintf("It came before %s of %s, so it goes out today, %s.", cutName, spokenClock(cut), spokenDate(day))}
	case cal.IsBankingDay(day):
		send = cal.AddBankingDays(day, 1)
		words := cutName + " of " + spokenClock(cut)
		if network == WireFedwire && cutName == "the bank's cut-off" && mins > clockMinutes(w.FedwireCustomerCutoff) {
			words += " and Fedwire's " + spokenClock(w.FedwireCustomerCutoff) + " cut-off for customer wires"
		}
		why = Step{Key: "cutoff_missed", At: t, Rule: srcWirePolicy,
			Sentence: fmt.Sprintf("It came after %s on %s, so it goes out on the next business day, %s.", words, spokenDate(day), spokenDate(send))}
	default:
		send = cal.OnOrAfter(day)
		what := day.Weekday().String()
		if h, ok := cal.Holiday(day); ok {
			what = h
		}
		why = Step{Key: "closed_day", At: t, Rule: srcFedwire,
			Sentence: fmt.Sprintf("%s is not a business day for wires (%s), so it goes out on %s.", spokenDate(day), what, spokenDate(send))}
	}

	tl.Steps = append(tl.Steps,
		Step{Key: "submitted", At: t, Rule: srcWirePolicy,
			Sentence: fmt.Sprintf("The wire was sent to the bank at %s.", spokenTime(t))},
		why)
	sendDay := send.Time(Eastern)
	switch network {
	case WireFedwire, WireCHIPS:
		open := opens.At(send.AddDays(-1).Time(Eastern))
		if open.After(t) {
			tl.Steps = append(tl.Steps, Step{Key: "network_opens", At: open, Rule: srcFedwire,
				Sentence: fmt.Sprintf("%s opens for %s's business day at %s.", wireName(network), send.Weekday(), spokenTime(open))})
			if network == WireCHIPS {
				tl.Steps[len(tl.Steps)-1].Rule = srcCHIPS
			}
		}
	}
	switch network {
	case WireFedwire:
		if send == day && mins < clockMinutes(w.FedwireClose) {
			tl.Steps = append(tl.Steps, Step{Key: "settles", At: t, Rule: srcFedwire,
				Sentence: fmt.Sprintf("Fedwire settles it the moment the bank sends it, usually within minutes of %s; settlement is final.", spokenTime(t))})
		} else {
			tl.Steps = append(tl.Steps, Step{Key: "settles", At: sendDay, DayOnly: true, Rule: srcFedwire,
				Sentence: fmt.Sprintf("Fedwire settles it on %s, the moment the bank sends it; settlement is final.", spokenDate(send))})
		}
		tl.Steps = append(tl.Steps, Step{Key: "available", At: sendDay, DayOnly: true, Rule: srcWirePosting,
			Sentence: fmt.Sprintf("The receiving bank usually credits the beneficiary the same day, %s.", spokenDate(send))})
	case WireCHIPS:
		end := w.CHIPSCutoff.At(sendDay)
		tl.Steps = append(tl.Steps,
			Step{Key: "settles", At: end, Rule: srcCHIPS,
				Sentence: fmt.Sprintf("CHIPS settles it during the day, and at the latest in its end-of-day settlement after %s.", spokenTime(end))},
			Step{Key: "available", At: sendDay, DayOnly: true, Rule: srcWirePosting,
				Sentence: fmt.Sprintf("The receiving bank usually credits the beneficiary the same day, %s.", spokenDate(send))})
	case WireSWIFT:
		from := cal.AddBankingDays(send, w.SWIFTCreditFromDays)
		by := cal.AddBankingDays(send, w.SWIFTCreditByDays)
		tl.Steps = append(tl.Steps,
			Step{Key: "reaches_bank", At: sendDay, DayOnly: true, Rule: srcSWIFT,
				Sentence: fmt.Sprintf("It typically reaches the beneficiary's bank the same day, %s; most payments arrive within an hour.", spokenDate(send))},
			Step{Key: "credit_expected_from", At: from.Time(Eastern), DayOnly: true, Rule: srcSWIFT,
				Sentence: fmt.Sprintf("The beneficiary is typically credited within %d–%d business days: between %s and %s.", w.SWIFTCreditFromDays, w.SWIFTCreditByDays, spokenDate(from), spokenDate(by))},
			Step{Key: "credit_expected_by", At: by.Time(Eastern), DayOnly: true, Rule: srcSWIFT,
				Sentence: fmt.Sprintf("By %s the beneficiary should have the money; if not, ask the bank to trace it (gpi tracker, UETR).", spokenDate(by))})
		tl.Notes = append(tl.Notes, "Business days are counted on the US Federal Reserve calendar; holidays in the destination country, correspondent banks, currency conversion and compliance checks can add days.")
	}
	tl.Notes = append(tl.Notes,
		"A bank's own cut-off is usually earlier than the network's; set the bank's cut-off in the rules file.",
		"Once a wire settles it cannot be pulled back: a recall is only a request to the receiving bank, which may refuse or need the beneficiary's consent.")
	return tl, nil
}

// wireName names a network for people.
func wireName(network string) string {
	switch network {
	case WireCHIPS:
		return "CHIPS"
	case WireSWIFT:
		return "SWIFT"
	}
	return "Fedwire"
}

// spokenClock writes a clock time for people: "5:00 p.m. ET".
func spokenClock(c Clock) string { return c.String() + " ET" }
