package cards

// Chargeback (dispute) reason codes, network by network (Visa, Mastercard,
// American Express, Discover, then Stripe's own dispute reasons) and, within
// a network, in code order (plain string order: "12.6" < "12.6.1" < "12.7").
//
// Titles follow the networks' names as published by processors (Stripe's
// dispute categories, North, Antom, Yuno, TabaPay for Discover, Sift for
// Amex); where a network's own title was not confirmed the title is ours.
// Windows: cardholder filing up to 120 days (Visa up to 540 for some consumer
// disputes, 75 for Visa authorization and invalid-data disputes, 90 for
// Mastercard point-of-interaction errors); merchant response Visa 30,
// Mastercard 45, Amex 20, Discover 30 days (docs.chargeflow.io network
// timelines; chargeback.com Visa time limits; Forte on Mastercard's 2019
// change). FilingDays holds the outer limit counted from the transaction.
// PSP deadlines are shorter than the network's: the processor's due date on
// the dispute is the one that counts.

// disputeNetworkStripe is the pseudo-network of Stripe's own dispute
// reasons (dispute.reason), used when an export has no network reason
// code.
const disputeNetworkStripe = SchemeStripeDispute

// Customer sentences shared by many dispute codes. None names a code, and
// none says the customer did anything wrong.
const (
	catDisputeCustomerOpened     = "The bank that issued this card has opened a dispute on this payment, and we are reviewing it with them."
	catDisputeCustomerProcessing = "Your bank has asked us to review how this payment was processed, and we will contact you if we need anything."
	catDisputeCustomerNotRecv    = "Your bank has told us you did not receive what this payment was for, and we are checking our records with them."
	catDisputeCustomerRefund     = "Your bank has told us you expected a refund for this payment, and we are checking whether it was sent."
	catDisputeCustomerRecurring  = "Your bank has told us you cancelled this recurring payment, and we are checking it against your account settings."
	catDisputeCustomerDuplicate  = "Your bank has told us this payment may have been charged twice, and we are checking our records."
	catDisputeCustomerAmount     = "Your bank has told us the amount charged may not be right, and we are checking it against our records."
	catDisputeCustomerQuality    = "Your bank has told us you were not satisfied with what this payment was for, and we are reviewing it with them."
	catDisputeCustomerOtherMeans = "Your bank has told us this was already paid another way, and we are checking our records."
	catDisputeCustomerCancelled  = "Your bank has told us you cancelled this purchase, and we are checking it against our records."
)

// Account handling appended to Action, by kind of dispute.
const (
	catAcctFraud      = " For the account: hold withdrawals of money deposited with this card until the case ends, claw the deposit back from the balance if the chargeback is lost, block further deposits from this card, and check for account takeover before contacting the customer."
	catAcctConsumer   = " For the account: keep the deposit under review while the case is open; if we lose, debit the amount from the customer's balance under the account terms, and talk to the customer before restricting card funding."
	catAcctProcessing = " For the account: correct our own records first (double credits, wrong amounts); if we lose, debit only what was wrongly credited."
	catAcctNone       = " For the account: no customer contact is needed unless the chargeback is lost, in which case debit the deposit from the balance under the account terms."
)

// Evidence lists shared by several fraud codes.
const (
	catEvidenceCNP     = "Fight with evidence when the cardholder is our verified customer: the 3D Secure result (an authenticated payment, including Apple Pay, shifts liability to the issuer), AVS and CVV matches, device, IP address and login history around the deposit, proof that the identity verified at onboarding matches the cardholder, and what the money was used for (trades, withdrawals to the customer's own bank). Accept if the account looks taken over or was funded with someone else's card."
	catEvidenceCardPre = "Card-present only: an online deposit should not carry this code, so ask the processor to correct the reason code; for a real card-present payment, provide the chip or PIN terminal record and accept if our terminal could not read the chip."
)

// Stripe deadline note appended to every Stripe entry's Action.
const catStripeDue = " Stripe's evidence deadline is earlier than the network's: use the due date on the dispute in the Dashboard (evidence_details.due_by), and look up the network code in payment_method_details.card.network_reason_code."

var disputeCodes = []DisputeCode{
	// ---- Visa (Visa Claims Resolution) ----
	{
		Network: NetworkVisa, Code: "10.1", Title: "EMV Liability Shift Counterfeit Fraud", Category: Fraud,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says a counterfeit copy of their chip card was used at a terminal that did not process the chip. Card-present only.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},
	{
		Network: NetworkVisa, Code: "10.2", Title: "EMV Liability Shift Non-Counterfeit Fraud", Category: Fraud,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says their lost or stolen chip card was used at a terminal that was not chip-and-PIN capable. Card-present only.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},
	{
		Network: NetworkVisa, Code: "10.3", Title: "Other Fraud: Card-Present Environment", Category: Fraud,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says they did not take part in a card-present transaction (keyed, swiped or unattended).",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},
	{
		Network: NetworkVisa, Code: "10.4", Title: "Other Fraud: Card-Absent Environment", Category: Fraud,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says they did not authorize or take part in this online payment: the main fraud code for card deposits. It can be real fraud (a stolen card funding a new or taken-over account) or the cardholder disputing their own deposit.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCNP + " Under Visa Compelling Evidence 3.0, two undisputed payments on the same card made 120 to 365 days before this one that share at least two identifiers with it (IP address, device, account ID, shipping address) can win the case." + catAcctFraud,
	},
	{
		Network: NetworkVisa, Code: "10.5", Title: "Visa Fraud Monitoring Program", Category: Fraud,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "Visa's fraud monitoring programme flagged the merchant, which lets issuers charge back fraud-reported transactions. The cardholder need not have complained about this payment.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Usually not worth fighting: accept, and find out from the processor why we are in the programme and what fraud levels to get under." + catAcctFraud,
	},
	{
		Network: NetworkVisa, Code: "11.1", Title: "Card Recovery Bulletin", Category: Authorization,
		FilingDays: 75, ResponseDays: 30,
		Meaning:  "The card was listed as blocked in Visa's card recovery bulletin on the transaction date, and the transaction had no approval.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Fight only with an approval for this exact payment (authorization code, date, amount); otherwise accept, and check why a payment without an approval was credited." + catAcctNone,
	},
	{
		Network: NetworkVisa, Code: "11.2", Title: "Declined Authorization", Category: Authorization,
		FilingDays: 75, ResponseDays: 30,
		Meaning:  "The transaction was processed although its authorization was declined (for example a retry or force post that went through after a decline).",
		Customer: catDisputeCustomerProcessing,
		Action:   "Find the authorization log: fight with a valid approval if there is one; if the deposit was credited after a decline, accept and fix the flow that credited it." + catAcctNone,
	},
	{
		Network: NetworkVisa, Code: "11.3", Title: "No Authorization", Category: Authorization,
		FilingDays: 75, ResponseDays: 30,
		Meaning:  "No valid authorization covered the transaction: none was obtained, it was for a smaller amount, or it had expired before capture.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Fight with the approval if it covers the amount and was still valid at capture; if we captured after the hold expired, accept and fix capture timing." + catAcctNone,
	},
	{
		Network: NetworkVisa, Code: "12.1", Title: "Late Presentment", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "We presented (cleared) the transaction after Visa's time limit and the account was no longer in good standing.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Compare the authorization, capture and clearing dates; fight only if clearing was on time, otherwise accept and fix the capture delay." + catAcctProcessing,
	},
	{
		Network: NetworkVisa, Code: "12.2", Title: "Incorrect Transaction Code", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The transaction was processed with the wrong transaction code, for example a credit processed as a sale.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Compare the clearing record with what we meant to send; accept if we erred, and correct the ledger." + catAcctProcessing,
	},
	{
		Network: NetworkVisa, Code: "12.3", Title: "Incorrect Currency", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The transaction was processed in a currency other than the one agreed, or currency conversion was applied without the cardholder's consent.",
		Customer: catDisputeCustomerAmount,
		Action:   "Check the currency shown to the customer and the one sent to the processor; fight with the screen or receipt showing the agreed currency, otherwise accept." + catAcctProcessing,
	},
	{
		Network: NetworkVisa, Code: "12.4", Title: "Incorrect Account Number", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The transaction was charged to an account number different from the one the cardholder used.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Check the card on file against the one charged (watch for Apple Pay device numbers versus the physical card); accept if we charged the wrong card." + catAcctProcessing,
	},
	{
		Network: NetworkVisa, Code: "12.5", Title: "Incorrect Amount", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The amount charged differs from the amount the cardholder agreed to.",
		Customer: catDisputeCustomerAmount,
		Action:   "Compare the amount the customer confirmed with the amount cleared; fight with the confirmation if they match, otherwise accept the difference." + catAcctProcessing,
	},
	{
		Network: NetworkVisa, Code: "12.6", Title: "Duplicate Processing or Paid by Other Means", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The parent code, reported by some processors without its sub-code: either the same payment was processed twice (12.6.1) or it was paid another way (12.6.2).",
		Customer: catDisputeCustomerDuplicate,
		Action:   "Ask the processor for the sub-code, then handle it as 12.6.1 or 12.6.2." + catAcctProcessing,
	},
	{
		Network: NetworkVisa, Code: "12.6.1", Title: "Duplicate Processing", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says the same payment was processed more than once.",
		Customer: catDisputeCustomerDuplicate,
		Action:   "Compare the transactions (IDs, amounts, times, ARNs): if each was credited as its own deposit, fight with the ledger showing both credits; if only one deposit was credited, accept and do not also refund." + catAcctProcessing,
	},
	{
		Network: NetworkVisa, Code: "12.6.2", Title: "Paid by Other Means", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says they paid for the same thing another way, for example by bank transfer.",
		Customer: catDisputeCustomerOtherMeans,
		Action:   "Look for a deposit by another method with the same amount; if both were credited to the balance, fight with the ledger showing both credits; if only one was, accept." + catAcctProcessing,
	},
	{
		Network: NetworkVisa, Code: "12.7", Title: "Invalid Data", Category: ProcessingError,
		FilingDays: 75, ResponseDays: 30,
		Meaning:  "The authorization was obtained with invalid or incorrect data, such as the wrong merchant category code or transaction date.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Check the authorization data we sent (MCC, dates, indicators); accept if it was wrong and fix the setup." + catAcctProcessing,
	},
	{
		// VERIFY: 540 days is the outer limit when delivery was expected later
		// or a service stopped (chargeback.com marks 13.1, 13.3–13.7 with an
		// asterisk); the usual limit is 120 days from the expected date.
		Network: NetworkVisa, Code: "13.1", Title: "Merchandise/Services Not Received", Category: ConsumerDispute,
		FilingDays: 540, ResponseDays: 30,
		Meaning:  "The cardholder says they did not get what they paid for. For a deposit, that means the money never reached their account or they could not use it.",
		Customer: catDisputeCustomerNotRecv,
		Action:   "Fight with the ledger showing the deposit credited to the customer's account, the confirmation we sent, and any use of the funds (trades, transfers, withdrawals); if the deposit was never credited, credit it or accept." + catAcctConsumer,
	},
	{
		Network: NetworkVisa, Code: "13.2", Title: "Cancelled Recurring Transaction", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says they cancelled a recurring payment, or the bank told us to stop it, before it was charged.",
		Customer: catDisputeCustomerRecurring,
		Action:   "Compare when the recurring deposit was cancelled in the app, or revoked through the bank (R0, R1 or R3 declines), with the charge date; fight if it was still active and agreed, otherwise accept and cancel the schedule." + catAcctConsumer,
	},
	{
		// VERIFY: 540-day outer limit, as for 13.1.
		Network: NetworkVisa, Code: "13.3", Title: "Not as Described or Defective Merchandise/Services", Category: ConsumerDispute,
		FilingDays: 540, ResponseDays: 30,
		Meaning:  "The cardholder says what they got was not as described or was defective. For a broker or wallet this is usually a complaint about the service (fees, order execution, a blocked withdrawal).",
		Customer: catDisputeCustomerQuality,
		Action:   "Gather the terms and disclosures the customer accepted and the account history; fight if the service matched them, otherwise settle with the customer, and remember a refund on top of a lost chargeback pays twice." + catAcctConsumer,
	},
	{
		// VERIFY: 540-day outer limit, as for 13.1.
		Network: NetworkVisa, Code: "13.4", Title: "Counterfeit Merchandise", Category: ConsumerDispute,
		FilingDays: 540, ResponseDays: 30,
		Meaning:  "The cardholder says the goods were counterfeit. Rare for financial services.",
		Customer: catDisputeCustomerQuality,
		Action:   "Unlikely on a deposit: confirm the reason code with the processor, and fight with proof of what we provided." + catAcctConsumer,
	},
	{
		// VERIFY: 540-day outer limit; and that Visa limits 13.5 to certain
		// merchant segments that include investment products.
		Network: NetworkVisa, Code: "13.5", Title: "Misrepresentation", Category: ConsumerDispute,
		FilingDays: 540, ResponseDays: 30,
		Meaning:  "The cardholder says the terms of the sale were misrepresented. Visa allows it only for some merchant types, among them investment products, so expect claims of misleading promises about returns or fees.",
		Customer: catDisputeCustomerQuality,
		Action:   "Gather the marketing, disclosures and risk warnings the customer saw and accepted, with timestamps; involve compliance, since a misrepresentation claim may also be a complaint we must log." + catAcctConsumer,
	},
	{
		Network: NetworkVisa, Code: "13.6", Title: "Credit Not Processed", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says a refund or credit they were promised was not processed, or only in part. For a broker or wallet, usually a withdrawal or refund they expected back on the card.",
		Customer: catDisputeCustomerRefund,
		Action:   "Find the refund or withdrawal: if it was sent, fight with its date, amount and ARN (refunds take five to ten business days to show); if not, accept rather than refunding now, so the customer is not paid twice." + catAcctConsumer,
	},
	{
		Network: NetworkVisa, Code: "13.7", Title: "Cancelled Merchandise/Services", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says they cancelled or returned what they bought and were not credited.",
		Customer: catDisputeCustomerCancelled,
		Action:   "Check the cancellation against our terms (for example a deposit cancelled before it was invested); fight if the cancellation was not valid under the terms, otherwise accept." + catAcctConsumer,
	},
	{
		Network: NetworkVisa, Code: "13.8", Title: "Original Credit Transaction Not Accepted", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder did not accept a push-to-card payment (an original credit) we sent, or the card could not take it. For a withdrawal to card, the money comes back to us.",
		Customer: "Your bank did not accept the transfer we sent to your card, so the money is coming back to us and we will help you receive it another way.",
		Action:   "Check the push-to-card payment and its status; put the amount back in the customer's balance or pay it out another way. Nothing to fight.",
	},
	{
		Network: NetworkVisa, Code: "13.9", Title: "Non-Receipt of Cash or Load Transaction Value", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says they did not get the cash from an ATM, or the value of a load (a top-up of a prepaid card or wallet). For a wallet top-up, they say the balance never arrived.",
		Customer: catDisputeCustomerNotRecv,
		Action:   "Show the load was credited to the wallet (ledger entry, balance history, later spending); if it was not, credit it or accept." + catAcctConsumer,
	},

	// ---- Mastercard ----
	{
		// VERIFY: 90-day filing limit for authorization-related chargebacks.
		Network: NetworkMastercard, Code: "4808", Title: "Authorization-Related Chargeback", Category: Authorization,
		FilingDays: 90, ResponseDays: 45,
		Meaning:  "An authorization problem: no approval was obtained, the approval was declined, or the payment was captured after the approval expired or for more than was approved.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Fight with the approval if it covers the amount and was valid at capture; otherwise accept and fix the flow (late capture, force post)." + catAcctNone,
	},
	{
		Network: NetworkMastercard, Code: "4834", Title: "Point-of-Interaction Error", Category: ProcessingError,
		FilingDays: 90, ResponseDays: 45,
		Meaning:  "A processing error: duplicate processing, wrong amount, late presentment, currency conversion, paid by other means, or an ATM discrepancy. The sub-reason says which.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Get the sub-reason from the processor and handle it like the matching Visa code (duplicate, amount, late presentment); fight with ledger proof where we were right." + catAcctProcessing,
	},
	{
		Network: NetworkMastercard, Code: "4837", Title: "No Cardholder Authorization", Category: Fraud,
		FilingDays: 120, ResponseDays: 45,
		Meaning:  "The cardholder says they did not authorize or take part in the transaction; Mastercard's main fraud code for online payments.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCNP + catAcctFraud,
	},
	{
		Network: NetworkMastercard, Code: "4840", Title: "Fraudulent Processing of Transactions", Category: Fraud,
		FilingDays: 120, ResponseDays: 45,
		Meaning:  "The cardholder had the card and took part in one transaction, but says further transactions were processed without their consent.",
		Customer: catDisputeCustomerOpened,
		Action:   "List every charge on this card around the disputed one and show each was a separate deposit the customer asked for (app logs, confirmations); accept charges we cannot tie to a request." + catAcctFraud,
	},
	{
		Network: NetworkMastercard, Code: "4841", Title: "Cancelled Recurring or Digital Goods Transactions", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 45,
		Meaning:  "The cardholder says a recurring payment was charged after they cancelled it, or disputes a digital goods purchase.",
		Customer: catDisputeCustomerRecurring,
		Action:   "Compare the cancellation (in the app, or a bank stop such as Mastercard advice code 21) with the charge date; fight if the plan was still active and agreed, otherwise accept and cancel the schedule." + catAcctConsumer,
	},
	{
		Network: NetworkMastercard, Code: "4842", Title: "Late Presentment", Category: ProcessingError,
		FilingDays: 90, ResponseDays: 45,
		Meaning:  "The transaction was presented (cleared) after Mastercard's time limit and the account was no longer in good standing.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Compare authorization, capture and clearing dates; fight only if clearing was on time, otherwise accept and fix the delay." + catAcctProcessing,
	},
	{
		Network: NetworkMastercard, Code: "4849", Title: "Questionable Merchant Activity", Category: Fraud,
		FilingDays: 120, ResponseDays: 45,
		Meaning:  "Mastercard listed the merchant in a security bulletin for breaking its rules (a questionable merchant audit, or fraud reported to its fraud reporting system), which lets issuers charge back the affected transactions.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Escalate to the payments lead and the processor at once: this concerns our merchant standing, not one customer. Usually accept." + catAcctNone,
	},
	{
		// VERIFY: Mastercard allows more than 120 days for some cardholder
		// disputes (interrupted services, late delivery).
		Network: NetworkMastercard, Code: "4853", Title: "Cardholder Dispute", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 45,
		Meaning:  "Mastercard's umbrella code for cardholder disputes: goods or services not provided, not as described or defective, counterfeit, credit not processed, cancelled recurring, or misrepresentation. The sub-reason says which.",
		Customer: "Your bank has told us you have a concern about this payment, and we are reviewing it with them.",
		Action:   "Get the sub-reason and handle it like the matching Visa consumer code (not received, credit not processed, not as described); fight with the ledger, terms and account history." + catAcctConsumer,
	},
	{
		Network: NetworkMastercard, Code: "4855", Title: "Goods or Services Not Provided", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 45,
		Meaning:  "The cardholder says they did not get what they paid for. An older code Mastercard folded into 4853, still reported by some processors.",
		Customer: catDisputeCustomerNotRecv,
		Action:   "Fight with the ledger showing the deposit credited to the customer's account and any use of the funds; if it was never credited, credit it or accept." + catAcctConsumer,
	},
	{
		Network: NetworkMastercard, Code: "4859", Title: "Addendum, No-Show, or ATM Dispute", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 45,
		Meaning:  "An older code for disputed add-on charges, no-show charges or ATM cash not received, now folded into 4853 and 4834. Unusual for deposits.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Confirm the reason code with the processor; fight with proof of the customer's agreement to the charge, otherwise accept." + catAcctConsumer,
	},
	{
		Network: NetworkMastercard, Code: "4860", Title: "Credit Not Processed", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 45,
		Meaning:  "The cardholder says a promised refund was not processed. An older code Mastercard folded into 4853, still reported by some processors.",
		Customer: catDisputeCustomerRefund,
		Action:   "Find the refund or withdrawal: if sent, fight with its date, amount and ARN; if not, accept rather than refunding now, so the customer is not paid twice." + catAcctConsumer,
	},
	{
		Network: NetworkMastercard, Code: "4863", Title: "Cardholder Does Not Recognize, Potential Fraud", Category: Fraud,
		FilingDays: 120, ResponseDays: 45,
		Meaning:  "The cardholder does not recognize the transaction on their statement; it may be fraud or just an unfamiliar descriptor.",
		Customer: "Your bank has told us you did not recognise this payment on your statement, and we are sending them the details of what it was for.",
		Action:   "Send what identifies the payment (descriptor, date, amount, the account it funded, confirmation sent to the customer); check that our statement descriptor is recognisable." + catAcctFraud,
	},
	{
		Network: NetworkMastercard, Code: "4870", Title: "Chip Liability Shift", Category: Fraud,
		FilingDays: 120, ResponseDays: 45,
		Meaning:  "The cardholder says a counterfeit chip card was used at a terminal that did not read the chip. Card-present only.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},
	{
		Network: NetworkMastercard, Code: "4871", Title: "Chip/PIN Liability Shift", Category: Fraud,
		FilingDays: 120, ResponseDays: 45,
		Meaning:  "The cardholder says a lost, stolen or never-received chip card was used at a terminal without PIN support. Card-present only.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},

	// ---- American Express ----
	{
		Network: NetworkAmex, Code: "A01", Title: "Charge Amount Exceeds Authorization Amount", Category: Authorization,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The amount charged is more than the amount approved.",
		Customer: catDisputeCustomerAmount,
		Action:   "Compare the approved and captured amounts; fight if they match, otherwise accept the excess." + catAcctNone,
	},
	{
		Network: NetworkAmex, Code: "A02", Title: "No Valid Authorization", Category: Authorization,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "No valid approval was obtained for the charge, or it was declined.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Fight with the approval (code, date, amount) if there is one; otherwise accept and fix the flow that captured without it." + catAcctNone,
	},
	{
		Network: NetworkAmex, Code: "A08", Title: "Authorization Approval Expired", Category: Authorization,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The charge was submitted after the approval had expired.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Compare approval and submission dates; accept if we captured late and fix capture timing." + catAcctNone,
	},
	{
		Network: NetworkAmex, Code: "C02", Title: "Credit Not Processed", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says a refund or credit they were due has not been processed.",
		Customer: catDisputeCustomerRefund,
		Action:   "Find the refund or withdrawal: if sent, fight with its date, amount and reference; if not, accept rather than refunding now, so the customer is not paid twice." + catAcctConsumer,
	},
	{
		Network: NetworkAmex, Code: "C04", Title: "Goods/Services Returned or Refused", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says they returned or refused what they bought and were not credited.",
		Customer: catDisputeCustomerCancelled,
		Action:   "Check what was returned or refused under our terms; fight if no credit was due, otherwise accept." + catAcctConsumer,
	},
	{
		Network: NetworkAmex, Code: "C05", Title: "Goods/Services Cancelled", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says they cancelled the purchase and were not credited.",
		Customer: catDisputeCustomerCancelled,
		Action:   "Check the cancellation against our terms; fight if it was not valid, otherwise accept." + catAcctConsumer,
	},
	{
		Network: NetworkAmex, Code: "C08", Title: "Goods/Services Not Received or Only Partially Received", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says they did not receive, or only partly received, what they paid for; for a deposit, the money did not arrive in full.",
		Customer: catDisputeCustomerNotRecv,
		Action:   "Fight with the ledger showing the full deposit credited and any use of the funds; if it was not credited, credit it or accept." + catAcctConsumer,
	},
	{
		Network: NetworkAmex, Code: "C14", Title: "Paid by Other Means", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says they paid for the same thing another way.",
		Customer: catDisputeCustomerOtherMeans,
		Action:   "Look for a deposit by another method with the same amount; if both were credited, fight with the ledger showing both credits; if only one was, accept." + catAcctConsumer,
	},
	{
		Network: NetworkAmex, Code: "C18", Title: "\"No Show\" or CARDeposit Cancelled", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member disputes a no-show charge or says a reservation deposit was cancelled. Travel and lodging; unusual for deposits.",
		Customer: catDisputeCustomerCancelled,
		Action:   "Confirm the reason code with the processor; fight with the accepted terms, otherwise accept." + catAcctConsumer,
	},
	{
		Network: NetworkAmex, Code: "C28", Title: "Cancelled Recurring Billing", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says a recurring charge was billed after they cancelled it.",
		Customer: catDisputeCustomerRecurring,
		Action:   "Compare the cancellation date with the charge date; fight if the plan was still active and agreed, otherwise accept and cancel the schedule." + catAcctConsumer,
	},
	{
		Network: NetworkAmex, Code: "C31", Title: "Goods/Services Not as Described", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says what they got was not as described; for a broker or wallet, a complaint about the service.",
		Customer: catDisputeCustomerQuality,
		Action:   "Gather the terms and disclosures the customer accepted and the account history; fight if the service matched them, otherwise settle." + catAcctConsumer,
	},
	{
		Network: NetworkAmex, Code: "C32", Title: "Goods/Services Damaged or Defective", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says what they got was damaged or defective.",
		Customer: catDisputeCustomerQuality,
		Action:   "Gather the terms and the account history showing the service worked; fight if it did, otherwise settle." + catAcctConsumer,
	},
	{
		Network: NetworkAmex, Code: "F10", Title: "Missing Imprint", Category: Fraud,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member denies a card-present charge and we have no imprint or chip record of the card.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},
	{
		Network: NetworkAmex, Code: "F14", Title: "Missing Signature", Category: Fraud,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member denies a card-present charge and there is no signature or PIN record.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},
	{
		Network: NetworkAmex, Code: "F24", Title: "No Card Member Authorization", Category: Fraud,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says they did not authorize the charge.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCNP + catAcctFraud,
	},
	{
		Network: NetworkAmex, Code: "F29", Title: "Card Not Present", Category: Fraud,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says they did not authorize or take part in an online or phone charge; Amex's main fraud code for card deposits.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCNP + catAcctFraud,
	},
	{
		Network: NetworkAmex, Code: "F30", Title: "EMV Counterfeit", Category: Fraud,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says a counterfeit chip card was used at a terminal that did not read the chip. Card-present only.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},
	{
		Network: NetworkAmex, Code: "F31", Title: "EMV Lost/Stolen/Non-Received", Category: Fraud,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says a lost, stolen or never-received chip card was used at a terminal without chip-and-PIN support. Card-present only.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},
	{
		Network: NetworkAmex, Code: "FR2", Title: "Fraud Full Recourse Program", Category: Fraud,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The merchant is in Amex's Fraud Full Recourse Program, so Amex charges back fraud claims without asking us first.",
		Customer: catDisputeCustomerOpened,
		Action:   "Usually cannot be fought; ask the processor why we are in the program and how to get out." + catAcctFraud,
	},
	{
		Network: NetworkAmex, Code: "FR4", Title: "Immediate Chargeback Program", Category: Fraud,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The merchant is in Amex's Immediate Chargeback Program, so disputes are charged back at once instead of starting as an inquiry.",
		Customer: catDisputeCustomerOpened,
		Action:   "Usually cannot be fought; ask the processor about the program and treat the case by its underlying complaint." + catAcctFraud,
	},
	{
		Network: NetworkAmex, Code: "FR6", Title: "Partial Immediate Chargeback Program", Category: Fraud,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The merchant is in Amex's Partial Immediate Chargeback Program, so some disputes are charged back at once.",
		Customer: catDisputeCustomerOpened,
		Action:   "Usually cannot be fought; ask the processor about the program and treat the case by its underlying complaint." + catAcctFraud,
	},
	{
		Network: NetworkAmex, Code: "M01", Title: "Chargeback Authorization", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "We (or our processor) agreed to the chargeback, for example by accepting an inquiry; the debit follows from that.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Check who accepted it and why; nothing to fight." + catAcctNone,
	},
	{
		Network: NetworkAmex, Code: "P01", Title: "Unassigned Card Number", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The charge was submitted on a card number Amex never issued.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Check the card number on file against the authorization; accept if the charge was on a bad number." + catAcctProcessing,
	},
	{
		Network: NetworkAmex, Code: "P03", Title: "Credit Processed as Charge", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "A refund was submitted as a charge, so the card member was debited instead of credited.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Check the refund record; accept if it went out as a charge and fix the refund flow." + catAcctProcessing,
	},
	{
		Network: NetworkAmex, Code: "P04", Title: "Charge Processed as Credit", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "A charge was submitted as a credit.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Check the clearing record; accept if we erred and correct the ledger." + catAcctProcessing,
	},
	{
		Network: NetworkAmex, Code: "P05", Title: "Incorrect Charge Amount", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The amount submitted differs from the amount the card member agreed to.",
		Customer: catDisputeCustomerAmount,
		Action:   "Compare the confirmed and submitted amounts; fight if they match, otherwise accept the difference." + catAcctProcessing,
	},
	{
		Network: NetworkAmex, Code: "P07", Title: "Late Submission", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The charge was submitted after Amex's time limit.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Compare the charge and submission dates; accept if late and fix the capture delay." + catAcctProcessing,
	},
	{
		Network: NetworkAmex, Code: "P08", Title: "Duplicate Charge", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card member says the same charge was submitted twice.",
		Customer: catDisputeCustomerDuplicate,
		Action:   "Compare the charges: if each was credited as its own deposit, fight with the ledger; if only one was, accept and do not also refund." + catAcctProcessing,
	},
	{
		Network: NetworkAmex, Code: "P22", Title: "Non-Matching Card Number", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The card number submitted does not match the one on the approval.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Compare the card on the authorization with the one on the submission; accept if they differ." + catAcctProcessing,
	},
	{
		Network: NetworkAmex, Code: "P23", Title: "Currency Discrepancy", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "The charge was submitted in a different currency from the one agreed or approved.",
		Customer: catDisputeCustomerAmount,
		Action:   "Check the currency shown to the customer and the one submitted; accept if they differ." + catAcctProcessing,
	},
	{
		Network: NetworkAmex, Code: "R03", Title: "Insufficient Reply", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "Amex sent us an inquiry and our reply did not contain what it asked for.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Find the original inquiry and what was sent; if the time limit allows, send the missing documents, and fix the inquiry process." + catAcctConsumer,
	},
	{
		Network: NetworkAmex, Code: "R13", Title: "No Reply", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 20,
		Meaning:  "Amex sent us an inquiry and got no reply in time (inquiries allow about 15 days).",
		Customer: catDisputeCustomerProcessing,
		Action:   "Find why the inquiry was missed; reply now if the processor still allows it, and route Amex inquiries so they are answered in time." + catAcctConsumer,
	},

	// ---- Discover ----
	{
		Network: NetworkDiscover, Code: "4534", Title: "Duplicate Processing", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says the same transaction was processed more than once.",
		Customer: catDisputeCustomerDuplicate,
		Action:   "Compare the transactions: if each was credited as its own deposit, fight with the ledger; if only one was, accept and do not also refund." + catAcctProcessing,
	},
	{
		Network: NetworkDiscover, Code: "4541", Title: "Cancelled Recurring Transaction", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says a recurring payment was charged after they cancelled it.",
		Customer: catDisputeCustomerRecurring,
		Action:   "Compare the cancellation date with the charge date; fight if the plan was still active and agreed, otherwise accept and cancel the schedule." + catAcctConsumer,
	},
	{
		Network: NetworkDiscover, Code: "4542", Title: "Late Presentation", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The transaction was presented after Discover's time limit.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Compare authorization and clearing dates; accept if late and fix the capture delay." + catAcctProcessing,
	},
	{
		Network: NetworkDiscover, Code: "4550", Title: "Credit/Debit Posted Incorrectly", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "A credit was posted as a debit, or the other way round.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Check the clearing record; accept if we erred and correct the ledger." + catAcctProcessing,
	},
	{
		Network: NetworkDiscover, Code: "4553", Title: "Cardholder Disputes Quality of Goods or Services", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder disputes the quality of what they got; for a broker or wallet, a complaint about the service.",
		Customer: catDisputeCustomerQuality,
		Action:   "Gather the terms and disclosures the customer accepted and the account history; fight if the service matched them, otherwise settle." + catAcctConsumer,
	},
	{
		Network: NetworkDiscover, Code: "4586", Title: "Altered Amount", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The amount was changed after the cardholder agreed to it.",
		Customer: catDisputeCustomerAmount,
		Action:   "Compare the confirmed and cleared amounts; fight if they match, otherwise accept the difference." + catAcctProcessing,
	},
	{
		Network: NetworkDiscover, Code: "4752", Title: "Does Not Recognize", Category: Fraud,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder does not recognize the transaction; it may be fraud or just an unfamiliar descriptor.",
		Customer: "Your bank has told us you did not recognise this payment on your statement, and we are sending them the details of what it was for.",
		Action:   "Send what identifies the payment (descriptor, date, amount, the account it funded, confirmation sent); check that our descriptor is recognisable." + catAcctFraud,
	},
	{
		Network: NetworkDiscover, Code: "4753", Title: "Invalid Cardholder Number", Category: ProcessingError,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The transaction was processed on a card number that is not valid.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Check the card number on the authorization and the clearing record; accept if it was invalid." + catAcctProcessing,
	},
	{
		Network: NetworkDiscover, Code: "4755", Title: "Non-Receipt of Goods or Services", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says they did not get what they paid for; for a deposit, the money did not arrive.",
		Customer: catDisputeCustomerNotRecv,
		Action:   "Fight with the ledger showing the deposit credited and any use of the funds; if it was never credited, credit it or accept." + catAcctConsumer,
	},
	{
		Network: NetworkDiscover, Code: "4762", Title: "Good Faith Investigation", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The issuer asks the acquirer to accept a chargeback in good faith, usually outside the normal reason codes or time limits.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Decide case by case with the processor: we may decline it; if the customer's claim is fair, accepting may be simpler." + catAcctConsumer,
	},
	{
		Network: NetworkDiscover, Code: "4863", Title: "Authorization Non-Compliance", Category: Authorization,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The transaction did not follow Discover's authorization rules: no approval, a declined approval, or an expired one.",
		Customer: catDisputeCustomerProcessing,
		Action:   "Fight with a valid approval that covers the amount; otherwise accept and fix the flow." + catAcctNone,
	},
	{
		Network: NetworkDiscover, Code: "4864", Title: "Non-Receipt of Cash from ATM", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says an ATM did not give out the cash. Not expected for deposits.",
		Customer: catDisputeCustomerNotRecv,
		Action:   "Confirm the reason code with the processor; it should not apply to our transactions." + catAcctConsumer,
	},
	{
		Network: NetworkDiscover, Code: "4865", Title: "Paid by Other Means", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says they paid for the same thing another way.",
		Customer: catDisputeCustomerOtherMeans,
		Action:   "Look for a deposit by another method with the same amount; if both were credited, fight with the ledger; if only one was, accept." + catAcctConsumer,
	},
	{
		Network: NetworkDiscover, Code: "4866", Title: "Fraud: Chip Card Counterfeit Transaction", Category: Fraud,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says a counterfeit chip card was used at a terminal that did not read the chip. Card-present only.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},
	{
		Network: NetworkDiscover, Code: "4867", Title: "Fraud: Chip Card and PIN Transaction", Category: Fraud,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says a lost or stolen chip-and-PIN card was used at a terminal without PIN support. Card-present only.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},
	{
		Network: NetworkDiscover, Code: "7010", Title: "Fraud: Card-Present Transaction", Category: Fraud,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says they did not take part in a card-present transaction.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCardPre + catAcctFraud,
	},
	{
		Network: NetworkDiscover, Code: "7030", Title: "Fraud: Card-Not-Present Transaction", Category: Fraud,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says they did not authorize an online or phone transaction; Discover's main fraud code for card deposits.",
		Customer: catDisputeCustomerOpened,
		Action:   catEvidenceCNP + catAcctFraud,
	},
	{
		Network: NetworkDiscover, Code: "8002", Title: "Credit Not Processed", Category: ConsumerDispute,
		FilingDays: 120, ResponseDays: 30,
		Meaning:  "The cardholder says a refund or credit they were due was not processed.",
		Customer: catDisputeCustomerRefund,
		Action:   "Find the refund or withdrawal: if sent, fight with its date, amount and ARN; if not, accept rather than refunding now, so the customer is not paid twice." + catAcctConsumer,
	},

	// ---- Stripe dispute.reason (network "stripe_dispute") ----
	// The bank-debit reasons (bank_cannot_process, check_returned,
	// customer_initiated, debit_not_authorized, incorrect_account_details,
	// insufficient_funds) have FilingDays 0: the window depends on the
	// payment method (ACH, SEPA, Bacs), not on a card network.
	{
		Network: disputeNetworkStripe, Code: "bank_cannot_process", Title: "Bank cannot process", Category: ProcessingError,
		Meaning:  "The customer's bank could not process the debit. Stripe uses it for bank debits (for example ACH) that fail after first appearing to succeed.",
		Customer: "Your bank could not complete this transfer, so please check the account details with your bank or use another funding method.",
		Action:   "Treat it as a returned bank debit: reverse the deposit credit from the balance and ask the customer for another funding method." + catStripeDue,
	},
	{
		// VERIFY: which payment methods Stripe uses check_returned for.
		Network: disputeNetworkStripe, Code: "check_returned", Title: "Check returned", Category: ProcessingError,
		Meaning:  "A check payment was returned unpaid by the customer's bank.",
		Customer: "Your bank returned this payment unpaid, so please use another funding method.",
		Action:   "Reverse the deposit credit from the balance and ask for another funding method." + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "credit_not_processed", Title: "Credit not processed", Category: ConsumerDispute,
		FilingDays: 120,
		Meaning:    "The customer says a refund or credit they were due was not processed (Visa 13.6 and 13.7, Mastercard 4853, Amex C02, C04 and C05, Discover 8002).",
		Customer:   catDisputeCustomerRefund,
		Action:     "Find the refund or withdrawal: if sent, submit its date, amount and ARN; if not, accept rather than refunding now, so the customer is not paid twice." + catAcctConsumer + catStripeDue,
	},
	{
		// VERIFY: the exact cases Stripe files under customer_initiated.
		Network: disputeNetworkStripe, Code: "customer_initiated", Title: "Customer initiated", Category: ConsumerDispute,
		Meaning:  "The customer disputed the payment with their bank without a specific reason; Stripe advises contacting the customer to find out why. Seen on bank debits.",
		Customer: "Your bank has told us you asked to reverse this payment, so please let us know what went wrong and we will help.",
		Action:   "Contact the customer to learn why; for a bank debit the money is usually gone already, so reverse the deposit credit if it is still in the balance." + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "debit_not_authorized", Title: "Debit not authorized", Category: Fraud,
		Meaning:  "The account holder told their bank they did not authorize this bank debit (for example an ACH unauthorized return or a SEPA mandate dispute).",
		Customer: "Your bank has told us this debit was not authorised from your account, and we are looking into it.",
		Action:   "Reverse the deposit credit and hold withdrawals of money funded by this account; check that the bank account belongs to the customer (account verification, name match) and look for account takeover before re-enabling bank debits." + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "duplicate", Title: "Duplicate", Category: ProcessingError,
		FilingDays: 120,
		Meaning:    "The customer says they were charged more than once for the same thing (Visa 12.6.1, Mastercard 4834, Amex P08, Discover 4534).",
		Customer:   catDisputeCustomerDuplicate,
		Action:     "Compare the charges: if each was credited as its own deposit, submit the ledger showing both credits; if only one was, accept and do not also refund." + catAcctProcessing + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "fraudulent", Title: "Fraudulent", Category: Fraud,
		FilingDays: 120,
		Meaning:    "The cardholder says they did not authorize the payment (Visa 10.x, Mastercard 4837, Amex F24 and F29, Discover 7030 and others).",
		Customer:   catDisputeCustomerOpened,
		Action:     catEvidenceCNP + " For Visa 10.4, check whether the dispute qualifies for Visa Compelling Evidence 3.0 in the Dashboard." + catAcctFraud + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "general", Title: "General", Category: ConsumerDispute,
		FilingDays: 120,
		Meaning:    "Stripe could not put the dispute in a more specific category; the network code on the dispute says more.",
		Customer:   "Your bank has told us you have a concern about this payment, and we are reviewing it with them.",
		Action:     "Look up the network reason code and handle the dispute under that code; contact the customer if the reason is still unclear." + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "incorrect_account_details", Title: "Incorrect account details", Category: ProcessingError,
		Meaning:  "The bank account details used for the debit were wrong. Stripe uses it for bank debits that fail after first appearing to succeed.",
		Customer: "Your bank told us the account details for this transfer are not right, so please check them or use another funding method.",
		Action:   "Reverse the deposit credit from the balance and ask the customer to re-link or verify their bank account." + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "insufficient_funds", Title: "Insufficient funds", Category: Authorization,
		Meaning:  "The bank account did not have enough money for the debit. Stripe uses it for bank debits that fail after first appearing to succeed.",
		Customer: "Your bank returned this transfer because there were not enough funds in the account, so please add funds or use another funding method.",
		Action:   "Reverse the deposit credit from the balance; let the customer try again once funds are there." + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "noncompliant", Title: "Noncompliant", Category: ProcessingError,
		FilingDays: 120,
		Meaning:    "A Visa compliance dispute: the issuer says the transaction broke Visa's network rules. If the parties cannot settle it, Visa decides for a fee.",
		Customer:   catDisputeCustomerProcessing,
		Action:     "Find which rule is said to be broken; contesting costs an extra network fee of 500 USD that Stripe refunds only if we win, so fight only with a clear case." + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "product_not_received", Title: "Product not received", Category: ConsumerDispute,
		FilingDays: 120,
		Meaning:    "The customer says they did not receive what they paid for (Visa 13.1, Mastercard 4853, Amex C08, Discover 4755). For a deposit, that the money did not arrive.",
		Customer:   catDisputeCustomerNotRecv,
		Action:     "Submit the ledger showing the deposit credited to the customer's account and any use of the funds; if it was never credited, credit it or accept." + catAcctConsumer + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "product_unacceptable", Title: "Product unacceptable", Category: ConsumerDispute,
		FilingDays: 120,
		Meaning:    "The customer says what they got was defective, damaged or not as described (Visa 13.3 to 13.5, Mastercard 4853, Amex C31 and C32, Discover 4553).",
		Customer:   catDisputeCustomerQuality,
		Action:     "Submit the terms and disclosures the customer accepted and the account history; fight if the service matched them, otherwise settle." + catAcctConsumer + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "subscription_canceled", Title: "Subscription canceled", Category: ConsumerDispute,
		FilingDays: 120,
		Meaning:    "The customer says a recurring payment was charged after they cancelled it (Visa 13.2, Mastercard 4841, Amex C28, Discover 4541).",
		Customer:   catDisputeCustomerRecurring,
		Action:     "Compare the cancellation with the charge date; submit proof the plan was active and agreed, or accept and cancel the schedule." + catAcctConsumer + catStripeDue,
	},
	{
		Network: disputeNetworkStripe, Code: "unrecognized", Title: "Unrecognized", Category: Fraud,
		FilingDays: 120,
		Meaning:    "The customer does not recognize the payment (Mastercard 4863, Discover 4752 and similar); it may be fraud or an unfamiliar descriptor.",
		Customer:   "Your bank has told us you did not recognise this payment on your statement, and we are sending them the details of what it was for.",
		Action:     "Submit what identifies the payment (descriptor, date, amount, the account it funded, confirmation sent); check that our descriptor is recognisable." + catAcctFraud + catStripeDue,
	},
}
