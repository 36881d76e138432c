// Package cards reads card processors' exports into payment events, and
// holds the catalog of card response and chargeback reason codes.
//
// Read streams a CSV export of Stripe (itemized balance report, payments
// export), Adyen (settlement details, payment accounting), Braintree
// (transaction search), Checkout.com (payments report, financial actions)
// or, with a Mapping, any other processor. Every event is on
// payment.RailCard, from the company's side: a customer's card deposit is
// a credit, a refund, chargeback or push-to-card payout a debit.
//
// How each export becomes events:
//
//   - Captures, refunds, refund failures, chargebacks, their reversals and
//     second chargebacks, payouts to cards and their returns, and fees
//     are the kinds of the same names. Authorizations are authorization;
//     voids, cancellations, expiries and Stripe's partial capture
//     reversals are authorization_reversal (a debit: it undoes the
//     authorization's credit); refusals and declines are decline (with
//     the direction of the payment refused).
//   - Lines about the company's own money that are no customer's payment
//     are status events with the processor's word in Card.RawType: Stripe's
//     payout category and Adyen's MerchantPayout (the balance paid to the
//     company's bank, a debit of the processor balance, not a withdrawal to
//     a customer: KindPayout is kept for push-to-card payouts to
//     customers), Adyen's DepositCorrection, requests that move no money
//     yet (Adyen SentForSettle, SentForRefund), and other bookkeeping.
//   - PSPID is the processor's payment (Stripe charge, Adyen PSP reference,
//     Braintree transaction, Checkout.com payment); PSPEventID the line's
//     own id (Stripe balance transaction, Adyen modification reference,
//     Checkout.com action); OriginalPSPID the payment a refund or dispute
//     answers; MerchantReference the company's reference (Stripe metadata,
//     Adyen Merchant Reference, Braintree Order ID, Checkout.com Reference).
//   - Declines carry Reason{Scheme: the response code scheme, Code}, and
//     chargebacks Reason{Scheme: the card network, Code: its reason code}
//     (Stripe's own dispute reasons, when the network's code is not in the
//     export, under SchemeStripeDispute); titles are left to the catalog.
//   - Dates are civil dates in US Eastern time; Timing holds what follows
//     from them (see timing.go): when an authorization's hold expires, when
//     a refund reaches the card, when a chargeback must be answered.
//
// A full card number found in any cell is masked on read (see MaskPANs):
// nothing beyond the last four digits reaches an event or a message.
package cards
