package ach

// Shared text for Notification of Change entries.
const (
	// customerNOCUpdated is the customer sentence for NOCs that update stored
	// bank details: the transfer itself went through.
	customerNOCUpdated = "Your transfer went through, and your bank sent us updated account details that we are saving for your future transfers."
	// nocDeadline is appended to the Action of every current NOC.
	nocDeadline = " Apply it within 6 banking days of receiving the NOC or before the next entry to this account, whichever is later; the original entry posted, so no money needs correcting. If the corrected data is malformed or does not match our entry, ask our bank to refuse the NOC (C61–C69) within 15 days instead."
	// actionRefused is appended to the Action of every refused NOC code.
	actionRefused = " Do not apply the refused NOC; the RDFI should send a corrected NOC, and only that one is applied to stored details."
)

// changeCodes lists every Nacha Notification of Change code (including
// retired ones still seen in old files) and refused NOC code, in code order.
var changeCodes = []ChangeCode{
	{
		Code:          "C01",
		Title:         "Incorrect DFI Account Number",
		CorrectedData: "the correct account number, left-justified in positions 1–17 of the corrected-data field",
		Status:        Current,
		Meaning:       "The entry posted, but the customer's bank says the account number we hold is wrong or badly formatted (for example missing leading characters) and sends the correct one.",
		Customer:      customerNOCUpdated,
		Action:        "Update the stored account number with the corrected data." + nocDeadline,
	},
	{
		Code:          "C02",
		Title:         "Incorrect Routing Number",
		CorrectedData: "the correct routing number including its check digit, in positions 1–9",
		Status:        Current,
		Meaning:       "The entry posted, but the routing number we hold is out of date (typically after a bank merger) and the bank sends the new one.",
		Customer:      customerNOCUpdated,
		Action:        "Update the stored routing number with the corrected data." + nocDeadline,
	},
	{
		Code:          "C03",
		Title:         "Incorrect Routing Number and Incorrect DFI Account Number",
		CorrectedData: "the correct routing number in positions 1–9, three spaces, then the correct account number in positions 13–29",
		Status:        Current,
		Meaning:       "The entry posted, but both the routing number and the account number we hold must change, usually because a merger changed the bank's numbering.",
		Customer:      customerNOCUpdated,
		Action:        "Update both the stored routing number and account number with the corrected data." + nocDeadline,
	},
	{
		Code:          "C04",
		Title:         "Incorrect Individual Name/Receiving Company Name",
		CorrectedData: "the correct individual or company name, positions 1–22 (historical layout)",
		Status:        Retired,
		RetiredOn:     "2015-03-20",
		Meaning:       "Retired code that told the originator the receiver's name was wrong; removed from the rules on 2015-03-20 but moov-io/ach still parses it and old files contain it.",
		Customer:      "Your transfer went through normally, and no action is needed from you.",
		Action:        "Decode only; if one arrives today, log it and ask our bank about it, and review the stored name with the customer only if other signals suggest it is wrong.",
	},
	{
		Code:          "C05",
		Title:         "Incorrect Transaction Code",
		CorrectedData: "the correct two-digit transaction code in positions 1–2",
		Status:        Current,
		Meaning:       "The entry posted, but it was coded for the wrong account type (checking versus savings, or a general ledger or loan account); the bank sends the right transaction code.",
		Customer:      customerNOCUpdated,
		Action:        "Update the stored account type so future entries use the transaction code in the corrected data." + nocDeadline,
	},
	{
		// VERIFY: transaction-code positions 21–22 come from the reference
		// (marked VERIFY there); no public source found. moov-io/ach's writer
		// right-aligns the code at positions 28–29 instead, while its parser
		// accepts either.
		Code:          "C06",
		Title:         "Incorrect DFI Account Number and Incorrect Transaction Code",
		CorrectedData: "the correct account number in positions 1–17, then the correct two-digit transaction code in positions 21–22",
		Status:        Current,
		Meaning:       "The entry posted, but both the account number and the account type we hold are wrong; the bank sends the right account number and transaction code.",
		Customer:      customerNOCUpdated,
		Action:        "Update the stored account number and account type (checking or savings) with the corrected data." + nocDeadline,
	},
	{
		// VERIFY: positions (account 10–26, transaction code 27–28) come from
		// the reference (marked VERIFY there); no public source found.
		Code:          "C07",
		Title:         "Incorrect Routing Number, Incorrect DFI Account Number, and Incorrect Transaction Code",
		CorrectedData: "the correct routing number in positions 1–9, the correct account number in positions 10–26, then the correct two-digit transaction code in positions 27–28",
		Status:        Current,
		Meaning:       "The entry posted, but the routing number, account number and account type we hold all need to change, typically after a bank merger.",
		Customer:      customerNOCUpdated,
		Action:        "Update the stored routing number, account number and account type with the corrected data." + nocDeadline,
	},
	{
		Code:          "C08",
		Title:         "Incorrect Receiving DFI Identification (IAT Only)",
		CorrectedData: "the correct foreign receiving bank identification, left-justified (IAT NOCs have a longer corrected-data field)",
		Status:        Current,
		Meaning:       "On an international (IAT) entry the identifier of the foreign receiving bank was wrong; the entry posted and the correct identifier is supplied.",
		Customer:      customerNOCUpdated,
		Action:        "Update the stored foreign bank identification for this payee with the corrected data." + nocDeadline,
	},
	{
		Code:          "C09",
		Title:         "Incorrect Individual Identification Number",
		CorrectedData: "the correct individual identification number in positions 1–22",
		Status:        Current,
		Meaning:       "The entry posted, but the identification number the receiver is known by (used on CIE, MTE, POS, SHR and IAT entries) is wrong; the bank sends the right one.",
		Customer:      customerNOCUpdated,
		Action:        "Update the stored individual identification number with the corrected data." + nocDeadline,
	},
	{
		// VERIFY: retirement date for C10–C12 not found; RetiredOn left empty.
		Code:          "C10",
		Title:         "Incorrect Company Name",
		CorrectedData: "the correct company name (historical layout)",
		Status:        Retired,
		Meaning:       "Obsolete code that said the company name on an entry was no longer valid; it is not in the current rules or in moov-io/ach but still appears on older code lists.",
		Customer:      "Your transfer went through normally, and no action is needed from you.",
		Action:        "Decode only; if one arrives today, log it and ask our bank what it intended.",
	},
	{
		// VERIFY: retirement date not found; RetiredOn left empty.
		Code:          "C11",
		Title:         "Incorrect Company Identification",
		CorrectedData: "the correct company identification (historical layout)",
		Status:        Retired,
		Meaning:       "Obsolete code that said the company identification on an entry was no longer valid; not in the current rules or in moov-io/ach.",
		Customer:      "Your transfer went through normally, and no action is needed from you.",
		Action:        "Decode only; if one arrives today, log it and ask our bank what it intended.",
	},
	{
		// VERIFY: retirement date not found; RetiredOn left empty.
		Code:          "C12",
		Title:         "Incorrect Company Name and Company Identification",
		CorrectedData: "the correct company name and company identification (historical layout)",
		Status:        Retired,
		Meaning:       "Obsolete code that said both the company name and identification on an entry were no longer valid; not in the current rules or in moov-io/ach.",
		Customer:      "Your transfer went through normally, and no action is needed from you.",
		Action:        "Decode only; if one arrives today, log it and ask our bank what it intended.",
	},
	{
		Code:          "C13",
		Title:         "Addenda Format Error",
		CorrectedData: "blank: no corrected data is supplied",
		Status:        Current,
		Meaning:       "The entry posted correctly, but the information in its addenda record was unclear or not in an accepted format (for example not in ANSI X12 or Nacha-endorsed banking conventions).",
		Customer:      "Your transfer went through normally, and no action is needed from you.",
		Action:        "Fix the addenda formatting in the file generator for future entries to this receiver." + nocDeadline,
	},
	{
		Code:          "C14",
		Title:         "Incorrect SEC Code for Outbound International Payment",
		CorrectedData: "the letters IAT, left-justified",
		Status:        Current,
		Meaning:       "The entry posted, but the receiving bank found it was really an outbound international payment and tells us future entries must be sent as IAT, with the information sanctions screening needs.",
		Customer:      "Your transfer went through, and we are updating how future transfers to this account are processed.",
		Action:        "Flag the receiver so future entries go out as IAT with full originator, receiver and foreign bank details, and review why the account forwards funds abroad." + nocDeadline,
	},
	{
		Code:          "C61",
		Title:         "Misrouted Notification of Change",
		CorrectedData: "the corrected data copied from the NOC being refused; the refused NOC's change code follows in positions 65–67 and its trace sequence number in 68–74",
		Refused:       true,
		Status:        Current,
		Meaning:       "Refused NOC: the originating bank sends a NOC back because it was addressed to the wrong bank (wrong routing number).",
		Customer:      customerNeutral,
		Action:        "Bank-level, no customer contact: the originating bank refused the NOC within 15 days because it was misrouted." + actionRefused,
	},
	{
		Code:          "C62",
		Title:         "Incorrect Trace Number",
		CorrectedData: "the corrected data copied from the NOC being refused; the refused NOC's change code follows in positions 65–67 and its trace sequence number in 68–74",
		Refused:       true,
		Status:        Current,
		Meaning:       "Refused NOC: the original-entry trace number in the NOC does not match any entry the originating bank sent.",
		Customer:      customerNeutral,
		Action:        "Bank-level, no customer contact: the originating bank refused the NOC because it could not be matched to an entry by trace number." + actionRefused,
	},
	{
		Code:          "C63",
		Title:         "Incorrect Company Identification Number",
		CorrectedData: "the corrected data copied from the NOC being refused; the refused NOC's change code follows in positions 65–67 and its trace sequence number in 68–74",
		Refused:       true,
		Status:        Current,
		Meaning:       "Refused NOC: the company identification in the NOC does not match the original entry.",
		Customer:      customerNeutral,
		Action:        "Bank-level, no customer contact: the originating bank refused the NOC because its company identification was wrong." + actionRefused,
	},
	{
		Code:          "C64",
		Title:         "Incorrect Individual Identification Number",
		CorrectedData: "the corrected data copied from the NOC being refused; the refused NOC's change code follows in positions 65–67 and its trace sequence number in 68–74",
		Refused:       true,
		Status:        Current,
		Meaning:       "Refused NOC: the individual identification number in the NOC does not match the original entry.",
		Customer:      customerNeutral,
		Action:        "Bank-level, no customer contact: the originating bank refused the NOC because its individual identification number was wrong." + actionRefused,
	},
	{
		Code:          "C65",
		Title:         "Incorrectly Formatted Corrected Data",
		CorrectedData: "the corrected data copied from the NOC being refused; the refused NOC's change code follows in positions 65–67 and its trace sequence number in 68–74",
		Refused:       true,
		Status:        Current,
		Meaning:       "Refused NOC: the corrected data in the NOC is not laid out as its change code requires, so it cannot be applied safely.",
		Customer:      customerNeutral,
		Action:        "Bank-level, no customer contact: the originating bank refused the NOC because the corrected data was malformed." + actionRefused,
	},
	{
		Code:          "C66",
		Title:         "Incorrect Discretionary Data",
		CorrectedData: "the corrected data copied from the NOC being refused; the refused NOC's change code follows in positions 65–67 and its trace sequence number in 68–74",
		Refused:       true,
		Status:        Current,
		Meaning:       "Refused NOC: the discretionary data in the NOC does not match the original entry.",
		Customer:      customerNeutral,
		Action:        "Bank-level, no customer contact: the originating bank refused the NOC because its discretionary data was wrong." + actionRefused,
	},
	{
		Code:          "C67",
		Title:         "Routing Number Not from Original Entry Detail Record",
		CorrectedData: "the corrected data copied from the NOC being refused; the refused NOC's change code follows in positions 65–67 and its trace sequence number in 68–74",
		Refused:       true,
		Status:        Current,
		Meaning:       "Refused NOC: the receiving bank routing number in the NOC is not the one from the original entry.",
		Customer:      customerNeutral,
		Action:        "Bank-level, no customer contact: the originating bank refused the NOC because its routing number did not come from the original entry." + actionRefused,
	},
	{
		Code:          "C68",
		Title:         "DFI Account Number Not from Original Entry Detail Record",
		CorrectedData: "the corrected data copied from the NOC being refused; the refused NOC's change code follows in positions 65–67 and its trace sequence number in 68–74",
		Refused:       true,
		Status:        Current,
		Meaning:       "Refused NOC: the account number in the NOC is not the one from the original entry.",
		Customer:      customerNeutral,
		Action:        "Bank-level, no customer contact: the originating bank refused the NOC because its account number did not come from the original entry." + actionRefused,
	},
	{
		Code:          "C69",
		Title:         "Incorrect Transaction Code",
		CorrectedData: "the corrected data copied from the NOC being refused; the refused NOC's change code follows in positions 65–67 and its trace sequence number in 68–74",
		Refused:       true,
		Status:        Current,
		Meaning:       "Refused NOC: the transaction code in the NOC does not match the original entry.",
		Customer:      customerNeutral,
		Action:        "Bank-level, no customer contact: the originating bank refused the NOC because its transaction code was wrong." + actionRefused,
	},
}
