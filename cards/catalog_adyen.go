package cards

// Adyen's refusal reasons: the refusalReasonCode and refusalReason Adyen
// returns for a refused or cancelled payment, and the text its payment
// accounting report shows in the Refusal Reason column. Code is the number
// as Adyen writes it ("5", "12"), Title Adyen's text as Adyen writes it;
// LookupResponse finds an entry by either, and by "05" for "5". Entries are
// in numeric code order (2, 3 … 10, 11), not string order.
//
// Adyen maps the issuer's raw response (refusalReasonRaw, "51 : Insufficient
// funds") to one of these, so one reason may stand for several ISO 8583
// codes: where the network retry rules matter, the raw response is what
// counts. Adyen asks merchants not to show refusal details to shoppers.
//
// Sources (stored copies, 2026): Adyen's refusal reasons page
// (docs.adyen.com/development-resources/refusal-reasons, with its older
// version's retry column), which the stored copies show as far as 18; the
// copies of the same table by Nayax (devzone.nayax.com, ecom decline
// reason codes) and Purse (docs.purse.tech, Adyen credit card), as far as
// 22; Adyen's penalty box page (point-of-sale/error-scenarios/penalty-box)
// for 40. Codes 23 to 46 come from public client code that maps Adyen's
// refusalReasonCode values and agrees on every number and text (the
// docs.rs adyen crate lists the same 40 reasons); they are marked VERIFY
// until checked against Adyen's page itself. Adyen's test values also list
// 43 Online PIN required, 44 Try another interface and 45 Chip downgrade
// mode, card-present reasons left out here until confirmed.

// adyenRetryNo is the retry wording for reasons Adyen lists as not to be
// retried.
const adyenRetryNo = "do not retry this card: Adyen lists this reason as one not to retry"

var adyenRefusals = []ResponseCode{
	{
		Scheme: SchemeAdyenRefusal, Code: "2", Title: "Refused",
		Decline: SoftDecline, Retry: "retry only after the customer has contacted their bank or on a later day; " + catRetryLimits,
		Meaning:  "Adyen's generic refusal: the issuer declined without a reason Adyen maps to anything more specific, most often a Do not honor (05).",
		Customer: "Your bank declined this payment without giving us a reason, so please contact your bank or use a different card.",
		Action:   "Look at the raw acquirer response in Adyen for the issuer's own code; otherwise ask the customer to have their bank allow the payment, or offer another funding method.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "3", Title: "Referral",
		Decline: SoftDecline, Retry: catRetryBank,
		Meaning:  "The issuer asked for a referral: the cardholder (or, in the old voice process, the merchant) has to call the bank before it approves. Adyen lists it as not to be retried as it is.",
		Customer: "Your bank asked to speak with you before approving this payment, so please call the number on the back of your card and then try again.",
		Action:   "Ask the customer to call their bank, then let them retry; do not retry automatically.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "4", Title: "Acquirer Error",
		Decline: SoftDecline, Retry: catRetryLater,
		Meaning:  "The payment failed on the acquirer's side, before the issuer decided anything. Nothing is known to be wrong with the card.",
		Customer: catCustomerTemporary,
		Action:   "Let the customer retry after a few minutes; if many payments fail this way at once, check Adyen's status page and raise it with Adyen support.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "5", Title: "Blocked Card",
		Decline: HardDecline, Retry: adyenRetryNo, Sensitive: true,
		Meaning:  "The card is blocked and cannot be used. The issuer's reason is not given and may be misuse (a card reported lost or stolen, or to be picked up), so it is handled as sensitive.",
		Customer: catCustomerDeclined,
		Action:   "Do not retry and do not tell the customer why; ask for another card or funding method, check the raw acquirer response, and look for account-takeover signs before allowing more card deposits.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "6", Title: "Expired Card",
		Decline: HardDecline, Retry: "do not retry with the same expiry date; retry once the customer has updated the card or added its replacement",
		Meaning:  "The card has expired, or the expiry date sent does not match the issuer's. It will not work as it is.",
		Customer: catCustomerNewCard,
		Action:   "Ask the customer to update the expiry date or add their replacement card; stop scheduled deposits on the old details and use Adyen's account updater if it is enabled.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "7", Title: "Invalid Amount",
		Decline: HardDecline, Retry: "do not retry the same amount: Adyen lists this reason as one not to retry",
		Meaning:  "The amount was not accepted: it did not match what was expected during processing, or it is outside what the issuer or card allows.",
		Customer: "Your bank did not accept the amount of this payment, so please try a smaller amount or a different card.",
		Action:   "Check the amount and currency we sent (minor units, decimals, a capture above the authorised amount); if they are right, suggest a smaller deposit or another method.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "8", Title: "Invalid Card Number",
		Decline: HardDecline, Retry: adyenRetryNo,
		Meaning:  "The card number is wrong or does not exist at the issuer: mistyped, never issued, or closed and replaced.",
		Customer: catCustomerNewCard,
		Action:   "Ask the customer to re-enter the card or add their replacement card; stop scheduled deposits on the old number.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "9", Title: "Issuer Unavailable",
		Decline: SoftDecline, Retry: catRetryLater,
		Meaning:  "The issuer could not be reached to authorise the payment, so it made no decision. Nothing is known to be wrong with the account.",
		Customer: catCustomerTemporary,
		Action:   "Let the customer retry after a few minutes; if it persists for one bank, offer another funding method.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "10", Title: "Not supported",
		Decline: HardDecline, Retry: "do not retry this card for the same kind of payment",
		Meaning:  "The issuer does not support or allow this kind of transaction on the card, for example online, international or account funding payments.",
		Customer: "Your bank cannot accept this type of payment on this card, so please use a different card or funding method.",
		Action:   "Check that the payment was sent with the right type and indicators; for one customer offer another funding method, and if many cards fail raise it with Adyen.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "11", Title: "3D Not Authenticated",
		Decline: SoftDecline, Retry: "retry only with the customer present to complete 3D Secure; never without authentication",
		Meaning:  "3D Secure authentication did not take place or did not succeed: the cardholder abandoned or failed the bank's check, or it could not run.",
		Customer: "Your bank could not confirm that this payment was made by you, so please try again and complete the check your bank shows you.",
		Action:   "Let the customer retry and complete 3D Secure; if it keeps failing, ask them to check with their bank that online authentication is set up on the card.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "12", Title: "Not enough balance",
		Decline: SoftDecline, Retry: "retry after the customer adds funds, or for a smaller amount; " + catRetryLimits,
		Meaning:  "The card's available balance or credit is less than the amount; holds still pending count against it. Usually an issuer's insufficient funds (51).",
		Customer: "Your bank declined this payment because there were not enough available funds, so please try a smaller amount, add funds, or use a different card.",
		Action:   "Let the customer retry when ready or for less; retry scheduled deposits on a later day, not the same day.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "14", Title: "Acquirer Fraud",
		Decline: HardDecline, Retry: adyenRetryNo, Sensitive: true,
		Meaning:  "The acquirer or the network refused the payment as possible fraud, before or instead of the issuer.",
		Customer: catCustomerDeclined,
		Action:   "Do not retry and do not explain; offer another funding method and send the account for a risk review, including earlier deposits from this card.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "15", Title: "Cancelled",
		Decline: SoftDecline, Retry: "the customer may start the payment again; do not resubmit it automatically",
		Meaning:  "The payment was cancelled before it completed, by us, by Adyen or along the way, not declined by the issuer.",
		Customer: "This payment was cancelled before it was completed, so please start it again if you still want to make it.",
		Action:   "Check the payment's history in Adyen for who cancelled it (our own cancel request, a timeout, a risk rule); if we did not mean to cancel it, find out why before the customer tries again.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "16", Title: "Shopper Cancelled",
		Decline: SoftDecline, Retry: "the customer may start the payment again; do not resubmit it automatically",
		Meaning:  "The customer left the payment before finishing it, for example at the bank's authentication page or in a redirect.",
		Customer: "This payment was stopped before it was completed, so please start it again if you still want to make it.",
		Action:   "Nothing to fix for one payment; if many customers stop at the same step, look at that step of the deposit flow.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "17", Title: "Invalid Pin",
		Decline: SoftDecline, Retry: "retry only with the cardholder entering the right PIN; never automatically, as Adyen lists it as not to be retried",
		Meaning:  "The PIN entered is wrong. A card-present reason; rare for online payments.",
		Customer: "The PIN entered was not accepted by your bank, so please try again with the right PIN or use a different card.",
		Action:   "Let the customer try again with the right PIN; after repeated failures ask for another card.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "18", Title: "Pin tries exceeded",
		Decline: HardDecline, Retry: "do not retry until the customer's bank has unlocked the PIN",
		Meaning:  "A wrong PIN was entered too many times in a row, so the issuer has locked PIN use on the card. A card-present reason.",
		Customer: "Your bank has locked PIN payments on this card after too many attempts, so please contact your bank or use a different card.",
		Action:   "Ask for another card or funding method; the customer has to have their bank reset the PIN.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "19", Title: "Pin validation not possible",
		Decline: SoftDecline, Retry: "do not retry automatically: Adyen lists it as not to be retried; the customer may try later or with another card",
		Meaning:  "The PIN could not be checked, because of a problem at the issuer or in the PIN data, so the payment could not be approved. A card-present reason.",
		Customer: catCustomerTemporary,
		Action:   "Offer another card or method; if it repeats on many cards, raise it with Adyen.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "20", Title: "FRAUD",
		Decline: HardDecline, Retry: adyenRetryNo, Sensitive: true,
		Meaning:  "Our own Adyen risk rules refused the payment before authorisation: the risk checks scored it 100 or more. The issuer never saw it.",
		Customer: catCustomerDeclined,
		Action:   "Do not retry and do not explain; see in Adyen's risk details which rules scored it and send the account for a risk review; if it was a false positive, adjust the risk profile rather than retrying.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "21", Title: "Not Submitted",
		Decline: SoftDecline, Retry: "do not retry until the cause is found: the payment never reached processing",
		Meaning:  "The payment was not submitted correctly for processing, so no issuer decided on it. A problem on our side or Adyen's, not the customer's.",
		Customer: catCustomerOurSide,
		Action:   "Collect examples (time, PSP reference) and check our request and Adyen's error details with engineering or Adyen support; offer the customer another method meanwhile.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "22", Title: "FRAUD-CANCELLED",
		Decline: HardDecline, Retry: adyenRetryNo, Sensitive: true,
		Meaning:  "Our Adyen risk rules scored the payment 100 or more counting the checks after authorisation too, so Adyen cancelled it; the issuer may have approved it first, and the hold is then released.",
		Customer: catCustomerDeclined,
		Action:   "Do not retry and do not explain; check which risk rules fired and send the account for a risk review; if the customer sees a hold, it drops off when the cancellation reaches their bank.",
	},
	{
		// VERIFY: codes 23 to 46, against Adyen's refusal reasons page
		// (see the sources above).
		Scheme: SchemeAdyenRefusal, Code: "23", Title: "Transaction Not Permitted",
		Decline: HardDecline, Retry: "do not retry this card for the same kind of payment",
		Meaning:  "The issuer does not permit this transaction for this cardholder or this kind of merchant, like ISO 8583's 57 and 58.",
		Customer: "Your bank does not allow this card to be used for this type of payment, so please use a different card or funding method.",
		Action:   "Offer another funding method; if many cards from different banks fail, check the merchant category and transaction type with Adyen.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "24", Title: "CVC Declined",
		Decline: SoftDecline, Retry: "retry only after the customer has re-entered the card verification code; " + catRetryLimits,
		Meaning:  "The card verification code (CVC, CVV) entered does not match the issuer's. Repeated failures across many cards can be card testing.",
		Customer: "The card verification code you entered was not accepted by your bank, so please check it and try again.",
		Action:   "Let the customer re-enter the code; if one account or device fails it on several cards, send it for a risk review.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "25", Title: "Restricted Card",
		Decline: HardDecline, Retry: adyenRetryNo, Sensitive: true,
		Meaning:  "The issuer has restricted the card: it cannot be used for this payment, or at all, for reasons the issuer does not give (a restriction by country or use, or a block after misuse).",
		Customer: catCustomerDeclined,
		Action:   "Do not retry and do not explain; ask for another card or funding method and check the raw acquirer response for the issuer's code.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "26", Title: "Revocation Of Auth",
		Decline: HardDecline, Retry: catRetryNever,
		Meaning:  "The authorisation to charge the card has been revoked: the cardholder told the issuer to stop recurring or stored-card payments to us, the kind of stop-payment response Visa sends as R0, R1 or R3. Adyen lists it as not to be retried.",
		Customer: "Your bank has told us to stop charging this card, so please add a new payment method if you want to continue.",
		Action:   "Stop every scheduled or stored-card deposit on this card at once; only a new authorisation from the customer, or another method, may be used.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "27", Title: "Declined Non Generic",
		Decline: SoftDecline, Retry: catRetryBank,
		Meaning:  "The issuer gave a specific reason that Adyen cannot map reliably to one of its reasons; Adyen keeps it apart from generic declines such as Do not honor.",
		Customer: catCustomerDeclined,
		Action:   "Read the raw acquirer response in Adyen and handle the payment by that code; until then treat it as a decline the customer has to take up with their bank.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "28", Title: "Withdrawal amount exceeded",
		Decline: SoftDecline, Retry: "retry for a smaller amount or on a later day, once the limit resets; " + catRetryLimits,
		Meaning:  "The amount is above a spending or withdrawal limit the issuer sets on the card, like ISO 8583's 61.",
		Customer: "This payment is above a spending limit on your card, so please try a smaller amount, try again tomorrow, or ask your bank to raise the limit.",
		Action:   "Let the customer retry for less or on a later day; suggest another method for large deposits.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "29", Title: "Withdrawal count exceeded",
		Decline: SoftDecline, Retry: "retry on a later day, once the count resets; " + catRetryLimits,
		Meaning:  "The card has reached the number of payments the issuer allows in a period, like ISO 8583's 65.",
		Customer: "You have reached the number of payments your card allows for now, so please try again tomorrow or use a different card.",
		Action:   "Let the customer retry on a later day; do not retry the same day.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "31", Title: "Issuer Suspected Fraud",
		Decline: HardDecline, Retry: adyenRetryNo, Sensitive: true,
		Meaning:  "The issuer suspects fraud and refused the payment, like ISO 8583's 59.",
		Customer: catCustomerDeclined,
		Action:   "Do not retry and do not explain; offer another funding method and send the account for a risk review, including earlier deposits from this card.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "32", Title: "AVS Declined",
		Decline: SoftDecline, Retry: "retry only after the customer has corrected the billing address; " + catRetryLimits,
		Meaning:  "The billing address or postal code given does not match the issuer's record, and the address check (AVS) result led to the refusal, by the issuer or by our own risk settings.",
		Customer: "The billing address you entered does not match the one your bank has for this card, so please check it and try again.",
		Action:   "Ask the customer to enter the address exactly as their bank has it; if many good customers fail, review the AVS rules in the Adyen risk profile.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "33", Title: "Card requires online pin",
		Decline: SoftDecline, Retry: "retry only where the cardholder can enter the PIN",
		Meaning:  "The issuer requires the cardholder's PIN, checked online, for this payment. A card-present reason; an online payment cannot provide it.",
		Customer: "Your bank needs your PIN for this payment, which cannot be entered here, so please use a different card or funding method.",
		Action:   "Offer another card or method; if it shows up on online payments, raise it with Adyen.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "34", Title: "No checking account available on Card",
		Decline: HardDecline, Retry: "do not retry this card until the customer's bank has linked the account",
		Meaning:  "The card has no checking (current) account behind it for this payment, like ISO 8583's 52.",
		Customer: "Your bank could not find the account this card pays from, so please contact your bank or use a different card.",
		Action:   "Ask for another card or funding method.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "35", Title: "No savings account available on Card",
		Decline: HardDecline, Retry: "do not retry this card until the customer's bank has linked the account",
		Meaning:  "The card has no savings account behind it for this payment, like ISO 8583's 53.",
		Customer: "Your bank could not find the account this card pays from, so please contact your bank or use a different card.",
		Action:   "Ask for another card or funding method.",
	},
	{
		// VERIFY: the capitals; copies of Adyen's test values write
		// "Mobile PIN required" (lookup ignores case).
		Scheme: SchemeAdyenRefusal, Code: "36", Title: "Mobile pin required",
		Decline: SoftDecline, Retry: "retry only with the cardholder verifying on their phone or with the PIN",
		Meaning:  "The issuer wants the cardholder verified, with the PIN or on the phone, for a payment made with a mobile wallet. A card-present reason.",
		Customer: "Your bank needs you to confirm this payment on your phone or with your PIN, so please try again and complete that step.",
		Action:   "Let the customer try again and verify; otherwise offer another card or method.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "37", Title: "Contactless fallback",
		Decline: SoftDecline, Retry: "retry with the card inserted or swiped, not contactless",
		Meaning:  "A contactless payment was refused and the shopper was asked to use another entry method (insert or swipe), then did not. A card-present reason.",
		Customer: "This card could not be used contactless for this payment, so please insert it or use a different card.",
		Action:   "Nothing to fix for one payment; the customer pays again with the card inserted.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "38", Title: "Authentication required",
		Decline: SoftDecline, Retry: "retry once with 3D Secure (strong customer authentication)",
		Meaning:  "The issuer refused an exemption from strong customer authentication and wants the payment authenticated, like Visa's 1A and Mastercard's 65; common for EEA and UK cards.",
		Customer: "Your bank needs you to confirm this payment, so please try again and complete the check your bank shows you.",
		Action:   "Retry the payment with 3D Secure; if the customer is not present (a scheduled deposit), ask them to come back and approve it in the app.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "39", Title: "RReq not received from DS",
		Decline: SoftDecline, Retry: catRetryLater,
		Meaning:  "During 3D Secure 2, the result of the authentication (the RReq) never came back from the card network's directory server, so the outcome is unknown. Not the customer's doing.",
		Customer: catCustomerTemporary,
		Action:   "Let the customer retry after a few minutes; if it is frequent, raise it with Adyen.",
	},
	{
		// VERIFY: the text; some copies end it with a full stop ("… Penalty
		// Box."), which LookupResponse would not find.
		Scheme: SchemeAdyenRefusal, Code: "40", Title: "Current AID is in Penalty Box",
		Decline: SoftDecline, Retry: "retry later or with another application on the card; the block lasts until the network connection is back",
		Meaning:  "The card application (AID, the network it is routed over, on a co-badged card) is in Adyen's penalty box because that network is unreachable for now, so payments with it are stopped. A card-present reason.",
		Customer: catCustomerTemporary,
		Action:   "Let the customer retry later or choose the card's other network; nothing is wrong with the card.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "41", Title: "CVM Required Restart Payment",
		Decline: SoftDecline, Retry: "restart the payment with the cardholder verifying (usually the PIN)",
		Meaning:  "The card needs a cardholder verification method, usually the PIN, that the attempt did not use, so the payment has to start again. A card-present reason.",
		Customer: "Your bank needs you to verify this payment, so please start it again and enter your PIN when asked.",
		Action:   "Let the customer start the payment again and verify.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "42", Title: "3DS Authentication Error",
		Decline: SoftDecline, Retry: "retry later, not straight away: the error is on the network's or the issuer's side, and authenticating again at once does not help",
		Meaning:  "3D Secure authentication ended in an error at the card network or the issuer, not a failed check by the cardholder.",
		Customer: catCustomerTemporary,
		Action:   "Let the customer retry later or with another card; if many payments fail this way, raise it with Adyen.",
	},
	{
		Scheme: SchemeAdyenRefusal, Code: "46", Title: "Transaction blocked by Adyen to prevent excessive retry fees",
		Decline: HardDecline, Retry: "do not retry: Adyen blocked this attempt because further ones on this card would break the card networks' retry rules and cost fees",
		Meaning:  "Adyen stopped the payment before it reached the issuer, to spare us the card networks' excessive-retry fees: earlier attempts on this card were refused in a way, or as often, that makes further attempts chargeable.",
		Customer: "We could not take this payment with this card right now, so please use a different card or funding method.",
		Action:   "Find the earlier refusals for this card and stop automatic retries on it; check our retry logic against the networks' limits.",
	},
}

// adyenRefusalCode is the catalog's refusal reason code for text, Adyen's
// refusal reason as the payment accounting report gives it ("Not enough
// balance" is "12"); text itself when the catalog does not know it.
func adyenRefusalCode(text string) string {
	if found := LookupResponse(text, SchemeAdyenRefusal); len(found) > 0 {
		return found[0].Code
	}
	return text
}
