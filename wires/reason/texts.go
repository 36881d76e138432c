package reason

// Customer sentences shared by many codes. The neutral ones are for
// sensitive codes: they name no code and no reason.
const (
	customerReturnedNeutral = "The payment was returned for reasons the bank doesn't share; we're looking into it and will contact you."
	customerRejectedNeutral = "The payment could not be completed for reasons the bank doesn't share; we're looking into it and will contact you."
	customerRecallNeutral   = "A request was made to send this payment back; we're looking into it and will contact you."
	customerRefusalNeutral  = "The receiving bank did not agree to send the payment back, for reasons it doesn't share; we're looking into it and will contact you."

	// customerTechnical is for errors between banks that the customer
	// can do nothing about.
	customerTechnical = "A technical problem between the banks stopped this payment; we're correcting it and will let you know if we need anything from you."
	// customerReturnedTechnical is the same for a payment sent back.
	customerReturnedTechnical = "The payment was sent back because of a processing problem between the banks; we're correcting it and will let you know if we need anything from you."
)

// Actions shared by many codes.
const (
	actionSensitive   = "Escalate to compliance before any customer contact; do not tell the customer the reason or the code, and do not send the payment again until compliance clears it."
	actionFixResend   = "Correct the message with our bank's wire team and send it again; no customer contact is needed unless the correction needs details from them."
	actionDirectDebit = "This code belongs to direct debits and card schemes, not to wires: read the bank's additional text and ask our bank what it meant before acting."
)

// code and sensitive build catalog entries; the scheme is set when the
// catalog is assembled.
func code(c, title, meaning, customer, action string) Code {
	return Code{Code: c, Title: title, Meaning: meaning, Customer: customer, Action: action}
}

func sensitive(c, title, meaning, customer string) Code {
	return Code{Code: c, Title: title, Meaning: meaning, Customer: customer, Action: actionSensitive, Sensitive: true}
}

// technical builds a code for an error between banks: the customer is
// told nothing specific.
func technical(c, title, meaning, action string) Code {
	return code(c, title, meaning, customerTechnical, action)
}
