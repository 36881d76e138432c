package explain

import (
	"fmt"

	"github.com/payinv/payinv/cards"
)

// fromResponse explains a card response (decline) code.
func fromResponse(c cards.ResponseCode) Code {
	facts := []Fact{
		{Key: "decline_type", Label: "Decline", Value: string(c.Decline), Text: declineText(c.Decline)},
	}
	if c.Retry != "" {
		facts = append(facts, Fact{Key: "retry", Label: "Trying again", Value: c.Retry, Text: c.Retry})
	}
	return Code{
		Scheme: c.Scheme, Code: c.Code, Title: c.Title, Known: true,
		Meaning: c.Meaning, Customer: c.Customer, Action: c.Action, Sensitive: c.Sensitive,
		Facts: facts,
	}
}

func declineText(d cards.DeclineType) string {
	switch d {
	case cards.Approved:
		return "none: the payment was approved"
	case cards.SoftDecline:
		return "soft: may go through later or after a change"
	case cards.HardDecline:
		return "hard: will not go through as it is; do not retry the same card"
	}
	return string(d)
}

// fromDispute explains a card network's dispute (chargeback) reason.
func fromDispute(c cards.DisputeCode) Code {
	facts := []Fact{
		{Key: "category", Label: "Category", Value: string(c.Category), Text: categoryText(c.Category)},
	}
	if c.FilingDays > 0 {
		facts = append(facts, Fact{Key: "filing_days", Label: "Filing window", Value: fmt.Sprint(c.FilingDays),
			Text: fmt.Sprintf("the cardholder may dispute up to %d calendar days after the transaction (or the expected delivery)", c.FilingDays)})
	}
	if c.ResponseDays > 0 {
		facts = append(facts, Fact{Key: "response_days", Label: "Response window", Value: fmt.Sprint(c.ResponseDays),
			Text: fmt.Sprintf("the merchant answers within %d days of the chargeback at the network; the processor's due date is earlier and is the one that counts", c.ResponseDays)})
	}
	return Code{
		Scheme: c.Network, Code: c.Code, Title: c.Title, Known: true,
		Meaning: c.Meaning, Customer: c.Customer, Action: c.Action,
		Facts: facts,
	}
}

func categoryText(c cards.DisputeCategory) string {
	switch c {
	case cards.Fraud:
		return "fraud: the cardholder says they did not make the payment"
	case cards.Authorization:
		return "authorization: the payment was not properly approved"
	case cards.ProcessingError:
		return "processing error: wrong amount, duplicate, late presentment …"
	case cards.ConsumerDispute:
		return "consumer dispute: goods or services not received, not as described, refund not given …"
	}
	return string(c)
}
