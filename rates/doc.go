// Package rates computes the rates the payment networks watch a company
// by, over a window ending on or before an as-of date:
//
//   - ACH (Nacha Risk Management rule, /work/shared/reference/ach-rules-and-timing.md
//     §1.1): the unauthorized return rate (R05, R07, R10, R11, R29, R51;
//     threshold 0.5 %), the administrative return rate (R02, R03, R04; 3 %)
//     and the overall return rate (every return of a debit, RCK entries
//     excluded; 15 %), each over the debit entries the company originated
//     in the window;
//   - cards: the decline rate (declines over declines and approved
//     attempts) by response code, the chargeback rate (first chargebacks
//     over captures) by dispute reason, and the chargeback rate of each
//     card network, measured as that network's monitoring program does
//     where payinv can (see ruleOf).
//
// Rates are counts over counts, shown as decimal percentages rounded half
// up to two places; amounts are summed as decimals per currency. No
// floating point is used anywhere.
//
// # How the window is counted
//
// Nacha measures return rates over "the preceding 60 days or two calendar
// months" (Nacha's "How to calculate" infographic for the 2015 Risk
// Management rule, which also allows the returns over the debits "contained
// within the files in which the original forward entries were
// transmitted"; payinv uses the first method). A window of days
// (NewWindow) is the Days calendar days ending on the as-of date, both
// included (60 by default); a window of months (NewMonthWindow) is whole
// calendar months before the as-of date's month, which is never included.
// Events are placed by their settlement date, or their effective date when
// they have none.
//
// Returns are counted by their own date, not by the date of the entry they
// return: the returns received in the period over the debit entries
// originated in the same period; the ODFI does not re-attribute a return
// to its original's month. So a return may count in the window although
// its original was settled before it (an R10 can come 60 days later), and
// the original need not be among the inputs at all. A cohort view (the
// returns of this window's debits, whenever they came) is not what the
// rule measures and is not computed.
//
// # Which entries count
//
// The rule divides by the debit Entries the Originator originated. A
// reversing entry (batch REVERSAL) that debits the receiver and a
// reinitiated entry (batch RETRY PYMT) are debit Entries the company
// originated, so they count, and so do their returns: Nacha made R11 and
// R17 the codes for returning an improper reversal (Reversals rule,
// 2021-06-30) and counts R11 among unauthorized returns. The erroneous
// entry a reversal corrects still counts too: it was originated. Prenotes
// and zero-dollar entries move no money and are left out, and so are their
// returns (of amount 0.00); returns of credits are not measured. RCK
// entries and their returns are left out of the overall rate ("may be
// excluded from both the numerator and denominator", the infographic).
// Dishonored and contested returns do not take the return they answer
// back. Each rate's Parts name these shares and exclusions with their
// counts, to reconcile with the bank's report.
//
// Every input is counted once even when it is read twice (the same file
// given twice, a file already in the history store, or a card payment
// that two exports of the same processor both list): ACH entries are told
// apart by their trace numbers, card events by processor and payment id.
package rates
