package ach

import (
	"slices"
	"strings"
)

// TimeFrame says how long a return (or dishonor, or contest) may take to
// reach the other bank, and from which event the clock starts.
type TimeFrame string

// The time frames used by the Nacha Operating Rules for return entries.
const (
	// TwoBankingDays: available to the ODFI by opening of business on the
	// second banking day after the Settlement Date of the original entry.
	TwoBankingDays TimeFrame = "2_banking_days"
	// SixtyCalendarDays: available to the ODFI by opening of business on the
	// banking day after the 60th calendar day after the original Settlement
	// Date (unauthorized consumer debits; usually needs a Written Statement
	// of Unauthorized Debit).
	SixtyCalendarDays TimeFrame = "60_calendar_days"
	// TwoBankingDaysAfterNotice: two banking days after the RDFI learns of
	// the Receiver's refusal (R23); the start cannot be read from a file.
	TwoBankingDaysAfterNotice TimeFrame = "2_banking_days_after_notice"
	// NextFileDelivery: returned by the ACH Operator itself in its next file
	// delivery; no RDFI deadline applies.
	NextFileDelivery TimeFrame = "next_file_delivery"
	// ByAgreement: no time frame in the rules; it depends on the request or
	// agreement between the banks (R06, R31).
	ByAgreement TimeFrame = "by_agreement"
	// DishonorFiveBankingDays: the ODFI may dishonor a return within five
	// banking days after the Settlement Date of the return.
	DishonorFiveBankingDays TimeFrame = "5_banking_days_after_return"
	// ContestTwoBankingDays: the RDFI may contest a dishonored return within
	// two banking days after the Settlement Date of the dishonored return.
	ContestTwoBankingDays TimeFrame = "2_banking_days_after_dishonor"
	// Enrollment: ENR-only codes returned by a federal agency; outside the
	// normal return windows.
	Enrollment TimeFrame = "enrollment"
)

// RateCategory is the bucket a return code counts in for the Nacha return
// rate thresholds (unauthorized 0.5 %, administrative 3 %, overall 15 %).
type RateCategory string

// Return rate categories.
const (
	Unauthorized   RateCategory = "unauthorized"
	Administrative RateCategory = "administrative"
	OtherReturn    RateCategory = "other"
)

// Reinitiation says whether a returned entry may be sent again.
type Reinitiation string

// Reinitiation rules (Nacha Operating Rules 2.12.4).
const (
	// RetryAllowed: R01/R09, at most two more attempts within 180 days of the
	// original Settlement Date, described "RETRY PYMT".
	RetryAllowed Reinitiation = "retry_allowed"
	// AfterCorrection: only once the cause of the return has been fixed.
	AfterCorrection Reinitiation = "after_correction"
	// WithReceiverApproval: R08, only when the Receiver authorizes it again.
	WithReceiverApproval Reinitiation = "with_receiver_approval"
	// NewAuthorization: only with a new authorization from the Receiver.
	NewAuthorization Reinitiation = "new_authorization"
	// NotAllowed: the entry must not be sent again.
	NotAllowed Reinitiation = "not_allowed"
	// NotApplicable: not a return of a forward entry (dishonored, contested,
	// enrollment codes).
	NotApplicable Reinitiation = "not_applicable"
)

// Status tells whether a code is in force today.
type Status string

// Code statuses.
const (
	Current Status = "current"
	// Future: published, not yet effective (EffectiveFrom says when).
	Future Status = "future"
	// Retired: no longer part of the rules; may still appear in old files.
	Retired Status = "retired"
)

// ReturnCode describes one Nacha return reason code (R01–R90), including the
// dishonored (R61–R70) and contested dishonored (R71–R77) codes.
type ReturnCode struct {
	Code  string // "R01"
	Title string // current official Nacha title
	// Initiator is who sends an entry with this code: "RDFI", "ACH Operator",
	// "ODFI" (dishonored returns), "Gateway", "Federal agency".
	Initiator    string
	TimeFrame    TimeFrame
	Category     RateCategory
	Reinitiation Reinitiation
	// WrittenStatement is true when the RDFI needs the Receiver's Written
	// Statement of Unauthorized Debit to use the code.
	WrittenStatement bool
	// Sensitive codes (a death, sanctions) must not be explained to the
	// customer by an automatic message; a person handles them.
	Sensitive bool
	Status    Status
	// EffectiveFrom / RetiredOn are civil dates (YYYY-MM-DD) where relevant.
	EffectiveFrom string
	RetiredOn     string
	// Meaning is the plain-language explanation for an analyst.
	Meaning string
	// Customer is one calm sentence fit for a customer reply, without codes.
	Customer string
	// Action is the next step for the operations team.
	Action string
}

// ChangeCode describes one Nacha Notification of Change code (C01–C14) or
// refused NOC code (C61–C69).
type ChangeCode struct {
	Code  string // "C01"
	Title string
	// CorrectedData says what the corrected-data field of the NOC holds.
	CorrectedData string
	// Refused is true for C61–C69, sent by the ODFI to refuse a NOC.
	Refused   bool
	Status    Status
	RetiredOn string
	Meaning   string
	Customer  string
	Action    string
}

// LookupReturnCode returns the catalog entry for a return code such as
// "R01" (case and surrounding spaces ignored). ok is false for codes that
// are not Nacha codes, such as a bank's private "R97".
func LookupReturnCode(code string) (ReturnCode, bool) {
	c, ok := returnCodeIndex[normalizeCode(code)]
	return c, ok
}

// LookupChangeCode returns the catalog entry for a change code such as
// "C01". ok is false for codes that are not Nacha codes.
func LookupChangeCode(code string) (ChangeCode, bool) {
	c, ok := changeCodeIndex[normalizeCode(code)]
	return c, ok
}

// ReturnCodes returns every return code in the catalog, in code order.
func ReturnCodes() []ReturnCode { return slices.Clone(returnCodes) }

// ChangeCodes returns every change code in the catalog, in code order.
func ChangeCodes() []ChangeCode { return slices.Clone(changeCodes) }

// IsDishonoredReturnCode reports whether code is a dishonored return code
// (R61, R62, R67–R70).
func IsDishonoredReturnCode(code string) bool {
	switch normalizeCode(code) {
	case "R61", "R62", "R67", "R68", "R69", "R70":
		return true
	}
	return false
}

// IsContestedReturnCode reports whether code is a contested dishonored
// return code (R71–R77).
func IsContestedReturnCode(code string) bool {
	c := normalizeCode(code)
	return len(c) == 3 && c >= "R71" && c <= "R77"
}

// IsRefusedChangeCode reports whether code refuses a NOC (C61–C69).
func IsRefusedChangeCode(code string) bool {
	c := normalizeCode(code)
	return len(c) == 3 && c >= "C61" && c <= "C69"
}

func normalizeCode(code string) string {
	return strings.ToUpper(strings.TrimSpace(code))
}

var (
	returnCodeIndex = indexBy(returnCodes, func(c ReturnCode) string { return c.Code })
	changeCodeIndex = indexBy(changeCodes, func(c ChangeCode) string { return c.Code })
)

func indexBy[T any](items []T, key func(T) string) map[string]T {
	m := make(map[string]T, len(items))
	for _, it := range items {
		m[key(it)] = it
	}
	return m
}

// Describe says in words when a return with this time frame must arrive.
func (t TimeFrame) Describe() string {
	switch t {
	case TwoBankingDays:
		return "2 banking days after the original entry settled"
	case SixtyCalendarDays:
		return "60 calendar days after the original entry settled (the banking day after the 60th day)"
	case TwoBankingDaysAfterNotice:
		return "2 banking days after the receiving bank learns the customer refused the credit"
	case NextFileDelivery:
		return "returned by the ACH Operator in its next file delivery"
	case ByAgreement:
		return "no time frame in the rules: by request or agreement between the banks"
	case DishonorFiveBankingDays:
		return "5 banking days after the return settled"
	case ContestTwoBankingDays:
		return "2 banking days after the dishonored return settled"
	case Enrollment:
		return "enrollment (ENR) returns from a federal agency"
	}
	return string(t)
}

// Describe says in words which return rate the code counts toward.
func (c RateCategory) Describe() string {
	switch c {
	case Unauthorized:
		return "unauthorized return rate (0.5% threshold) and overall return rate (15%)"
	case Administrative:
		return "administrative return rate (3% threshold) and overall return rate (15%)"
	}
	return "overall return rate (15% threshold)"
}

// Describe says in words whether and how the entry may be sent again.
func (r Reinitiation) Describe() string {
	switch r {
	case RetryAllowed:
		return "allowed: at most two more attempts within 180 days of the original settlement, described RETRY PYMT"
	case AfterCorrection:
		return "only after the cause of the return has been corrected"
	case WithReceiverApproval:
		return "only if the customer authorizes it again"
	case NewAuthorization:
		return "only with a new authorization from the customer"
	case NotAllowed:
		return "not allowed"
	case NotApplicable:
		return "not applicable"
	}
	return string(r)
}
