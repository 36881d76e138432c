package reason

// gpiCodes are the SWIFT gpi status reasons the tracker reports with ACSP
// (in progress) or ACCC (credited): MT199 :79: "//ACSP/G004", the gpi API,
// a pacs.002 from the tracker. ISO also lists them as status reasons.
// G007 and G008 are not in the public ISO code sets and are left out.
var gpiCodes = []Code{
	code("G000", "Payment transferred and tracked",
		"The reporting bank passed the payment (or, for a cover, booked it and passed the cover) to the next bank or a market infrastructure, which also reports to the tracker. No further update comes from this bank.",
		"Your payment has been passed on to the next bank and is on its way; we can follow its progress.",
		"Nothing to do; follow the next bank's update on the tracker."),
	code("G001", "Payment transferred and not tracked",
		"The reporting bank passed the payment to a next bank that does not report to the tracker, so its progress can no longer be followed there.",
		"Your payment has been passed on to the next bank; from here its progress isn't reported to us, so it may take longer to confirm.",
		"Expect no further tracker updates; if the customer has not been credited after a few business days, open an inquiry with our bank."),
	code("G002", "Credit or debit not confirmed",
		"The credit to the beneficiary's account may not be confirmed the same day (for a cover: the nostro booking or transfer may not happen the same day). An update will follow.",
		"Your payment has reached the receiving bank, which may not confirm the credit to the account today; we'll let you know when it does.",
		"Wait for the next update (ACCC); chase through an inquiry if none comes within two business days."),
	code("G003", "Credit pending documents",
		"The receiving bank holds the credit until the beneficiary (or, for a cover, a previous bank) provides documents or information it asked for. An update will follow.",
		"The receiving bank is holding the payment until it receives some documents or information it has asked the account holder for. Please check with your bank whether they need anything from you.",
		"Tell the customer to answer their bank's request; nothing to send ourselves unless the receiving bank asks us."),
	code("G004", "Credit pending funds",
		"The receiving bank holds the credit until the cover (the funds sent bank to bank, MT202 COV or pacs.009 COV) arrives. An update will follow.",
		"The receiving bank is waiting for the funds to arrive between the banks before crediting the account; we're checking on it and will let you know.",
		"Check with our bank that the cover was sent and settled; chase the intermediary if it was."),
	code("G005", "Delivered with service level",
		"The payment was delivered to the beneficiary's bank within the gpi service level.",
		"Your payment has been delivered to the receiving bank.",
		"Nothing to do; expect the credit confirmation (ACCC)."),
	code("G006", "Delivered without service level",
		"The payment was delivered to the beneficiary's bank, but not under the gpi service level (the bank does not commit to the gpi timing).",
		"Your payment has been delivered to the receiving bank; crediting the account may take a little longer.",
		"Nothing to do; if no credit confirmation comes within two business days, open an inquiry."),
}
