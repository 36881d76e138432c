package reason

// Fedwire error codes are a category letter and three characters: FAIM
// {1130} carries them as category (1) + code (3), the Fed's pacs.002 as
// StsRsnInf/Rsn/Prtry ("E433"). The full list is in the Fed's ISO 20022
// implementation guide, which is not public; the catalog holds only the
// codes confirmed in public samples, and every other code is explained
// from its category. A code added here from a non-public or second-hand
// source must carry a "VERIFY" comment until it is checked against the
// Fed's guide.
var fedwireCodes = []Code{
	// Confirmed: the Fed's pacs.002 sample (FedwireFundsPaymentStatus,
	// CustomerCreditTransfer scenario 2), AddtlInf "The routing number of
	// the Instructed Agent is not permissible to receive Fedwire Funds
	// transaction."
	code("E433", "Receiving bank's routing number not eligible for Fedwire Funds",
		"The Fed rejected the message before settlement: the routing number of the instructed (receiving) bank may not receive Fedwire Funds transfers. It may be an ACH-only routing number, or a bank that is not (or no longer) a Fedwire participant. No money moved.",
		"The wire was stopped by the payment system before it reached the receiving bank, because that bank's routing number can't receive wires. No money was sent. Please check your bank's routing number for wires (it can differ from the one for direct deposits).",
		"Check the routing number against the Fed's directory (wire eligibility) and ask the customer for their bank's wire routing number; send again with it. Nothing settled, so there is nothing to recover."),
}

// category is a Fedwire error category, named by the first letter of the
// code.
type category struct {
	letter   byte
	name     string // "data error"
	meaning  string
	customer string
	action   string
}

// text is the category as shown: "E: data error"; "" for none.
func (c category) text() string {
	if c.letter == 0 {
		return ""
	}
	return string(c.letter) + ": " + c.name
}

// categories are the Fedwire error categories of FAIM {1130} (moov-io/wire
// errorWire.go; /work/shared/reference/wires.md §1.2).
var categories = []category{
	{'E', "data error",
		"The Fed rejected the message because a field is missing, badly formed or not allowed (a routing number, an amount, a tag). Nothing settled.",
		"The wire was stopped by the payment system because of a problem in the payment details, so no money was sent; we're correcting it and will let you know if we need anything from you.",
		"Read the error text, correct the message with our bank's wire team and send it again; ask the customer only if the fault is in details they gave."},
	{'F', "insufficient balance",
		"The Fed rejected the message because the sending bank's Fed account lacked the balance (or overdraft capacity) to settle it. Nothing settled; the problem is between our bank and the Fed, not the customer's.",
		"The wire was held up between the banks and hasn't been sent yet; we're working on it and will let you know.",
		"Raise it with our bank at once: it must fund its Fed account and send the wire again, before the cut-off."},
	{'H', "accountability error",
		"The Fed rejected the message because of an accountability problem (the message's sequence or identification, such as the IMAD or input source). Nothing settled.",
		customerTechnical,
		"Ask our bank's wire team to check the message's sequence and identification and send it again."},
	{'I', "in process or intercepted",
		"The Fed holds the message: it is in process or was intercepted for review, and has not settled yet. A final acceptance or rejection will follow.",
		"Your wire is still being processed by the payment system; we'll let you know when it's done.",
		"Wait for the final disposition; if none comes before the cut-off, ask our bank what the Fed is holding it for."},
	{'W', "cut-off hour error",
		"The Fed rejected the message because it arrived after the cut-off for its type. Nothing settled.",
		"The wire reached the payment system after its daily cut-off, so it wasn't sent; we'll send it on the next business day.",
		"Send it again at the opening of the next business day (the Fed opens at 9:00 p.m. ET the evening before)."},
	{'X', "duplicate IMAD",
		"The Fed rejected the message because its IMAD repeats one it already processed. The earlier message with that IMAD may well have settled.",
		customerTechnical,
		"Check whether the earlier message with this IMAD settled before anything is sent again; only a message that never settled is sent again, with a new IMAD."},
}

// categoryOf returns the category a Fedwire code's first letter names; a
// zero category for none.
func categoryOf(code string) category {
	if code == "" {
		return category{}
	}
	for _, c := range categories {
		if c.letter == code[0] {
			return c
		}
	}
	return category{}
}

// unlistedFedwire explains a Fedwire-shaped code the catalog does not
// list from its category. Shaped means a category letter and three
// digits; loose (an explicit Fedwire scheme) allows any three letters or
// digits.
func unlistedFedwire(code string, loose bool) (Code, bool) {
	cat := categoryOf(code)
	if cat.letter == 0 || len(code) != 4 {
		return Code{}, false
	}
	for i := 1; i < 4; i++ {
		b := code[i]
		digit := b >= '0' && b <= '9'
		if !digit && !(loose && b >= 'A' && b <= 'Z') {
			return Code{}, false
		}
	}
	return Code{
		Scheme: SchemeFedwire, Code: code,
		Title:    "Fedwire error, category " + cat.text(),
		Meaning:  "Category " + cat.text() + "; this exact code is not in the catalog. " + cat.meaning,
		Customer: cat.customer,
		Action:   cat.action,
		Category: cat.text(),
	}, true
}
