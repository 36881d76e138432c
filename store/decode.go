package store

import (
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// DecodeEvent reads an event back from its JSON face (what
// payment.Event.AppendJSON wrote): DecodeEvent(e.AppendJSON(nil)) gives an
// event whose JSON is the same. The structs below mirror the payment types
// with their JSON names; Go converts between struct types that differ only
// in tags, so a field added to payment without its mirror here stops the
// build rather than going missing.
func DecodeEvent(b []byte) (*payment.Event, error) {
	var j jsonEvent
	if err := json.Unmarshal(b, &j); err != nil {
		return nil, err
	}
	ev := &payment.Event{
		Rail: payment.Rail(j.Rail), Format: j.Format, Kind: payment.Kind(j.Kind), Direction: payment.Direction(j.Direction),
		Amount: j.Amount, Currency: j.Currency,
		EffectiveDate: j.EffectiveDate, SettlementDate: j.SettlementDate, SettlementEstimated: j.SettlementEstimated,
		Refs: payment.Refs(j.Refs), Party: payment.Party(j.Party), Reason: j.Reason,
		Timing: payment.Timing(j.Timing), Source: j.Source,
	}
	if j.ACH != nil {
		a := payment.ACHDetail(j.ACH.jsonACH)
		if c := j.ACH.Corrected; c != nil {
			cd := payment.CorrectedData(*c)
			a.Corrected = &cd
		}
		if t := j.ACH.IAT; t != nil {
			iat := payment.IATDetail(*t)
			a.IAT = &iat
		}
		ev.ACH = &a
	}
	if j.Card != nil {
		c := payment.CardDetail(*j.Card)
		ev.Card = &c
	}
	if j.Wire != nil {
		w := payment.WireDetail(*j.Wire)
		ev.Wire = &w
	}
	return ev, nil
}

type jsonEvent struct {
	Rail                string          `json:"rail"`
	Format              string          `json:"format"`
	Kind                string          `json:"kind"`
	Direction           string          `json:"direction"`
	Amount              decimal.Decimal `json:"amount"`
	Currency            string          `json:"currency"`
	EffectiveDate       payment.Date    `json:"effective_date"`
	SettlementDate      payment.Date    `json:"settlement_date"`
	SettlementEstimated bool            `json:"settlement_date_estimated"`
	Refs                jsonRefs        `json:"refs"`
	Party               jsonParty       `json:"party"`
	Reason              *payment.Reason `json:"reason"` // scheme, code, title, known: names match
	Timing              jsonTiming      `json:"timing"`
	Source              payment.Source  `json:"source"` // file, line
	ACH                 *jsonACHGroup   `json:"ach"`
	Card                *jsonCard       `json:"card"`
	Wire                *jsonWire       `json:"wire"`
}

type jsonRefs struct {
	Trace                   string `json:"trace"`
	IndividualID            string `json:"individual_id"`
	OriginalTrace           string `json:"original_trace"`
	ReturnTrace             string `json:"return_trace"`
	DishonoredReturnTrace   string `json:"dishonored_return_trace"`
	UETR                    string `json:"uetr"`
	IMAD                    string `json:"imad"`
	OMAD                    string `json:"omad"`
	MessageID               string `json:"message_id"`
	EndToEndID              string `json:"end_to_end_id"`
	InstructionID           string `json:"instruction_id"`
	TransactionID           string `json:"transaction_id"`
	SenderReference         string `json:"sender_reference"`
	PSPID                   string `json:"psp_id"`
	PSPEventID              string `json:"psp_event_id"`
	MerchantReference       string `json:"merchant_reference"`
	ARN                     string `json:"arn"`
	OriginalUETR            string `json:"original_uetr"`
	OriginalIMAD            string `json:"original_imad"`
	OriginalEndToEndID      string `json:"original_end_to_end_id"`
	OriginalPSPID           string `json:"original_psp_id"`
	OriginalMessageID       string `json:"original_message_id"`
	OriginalSenderReference string `json:"original_sender_reference"`
}

type jsonParty struct {
	Name        string `json:"name"`
	Account     string `json:"account"`
	Routing     string `json:"routing"`
	AccountType string `json:"account_type"`
}

type jsonTiming struct {
	ReturnableUntil             payment.Date `json:"returnable_until"`
	UnauthorizedReturnableUntil payment.Date `json:"unauthorized_returnable_until"`
	OriginalSettlementDate      payment.Date `json:"original_settlement_date"`
	BankingDaysAfter            *int         `json:"banking_days_after_settlement"`
	Deadline                    payment.Date `json:"deadline"`
	Timely                      *bool        `json:"timely"`
	DishonorableUntil           payment.Date `json:"dishonorable_until"`
	ContestableUntil            payment.Date `json:"contestable_until"`
	CorrectionDue               payment.Date `json:"correction_due"`
	ReversibleUntil             payment.Date `json:"reversible_until"`
	HoldExpiresOn               payment.Date `json:"hold_expires_on"`
	RefundArrivesFrom           payment.Date `json:"refund_arrives_from"`
	RefundArrivesBy             payment.Date `json:"refund_arrives_by"`
	DisputeResponseDue          payment.Date `json:"dispute_response_due"`
	AvailableOn                 payment.Date `json:"available_on"`
}

// jsonACHGroup reads the ach group: its flat fields into jsonACH (which
// converts to payment.ACHDetail), its nested groups into mirrors of their
// own.
type jsonACHGroup struct {
	jsonACH
	Corrected *jsonCorrected `json:"corrected"`
	IAT       *jsonIAT       `json:"iat"`
}

type jsonACH struct {
	SECCode                  string                 `json:"sec_code"`
	TransactionCode          int                    `json:"transaction_code"`
	BatchNumber              int                    `json:"batch_number"`
	CompanyName              string                 `json:"company_name"`
	CompanyID                string                 `json:"company_id"`
	EntryDescription         string                 `json:"entry_description"`
	DescriptiveDate          string                 `json:"descriptive_date"`
	ODFI                     string                 `json:"odfi"`
	SameDay                  bool                   `json:"same_day"`
	Addenda                  []string               `json:"addenda"`
	ReturnInfo               string                 `json:"return_info"`
	OriginalDFI              string                 `json:"original_dfi"`
	Corrected                *payment.CorrectedData `json:"-"` // read by jsonACHGroup
	OriginalChangeCode       string                 `json:"original_change_code"`
	OriginalReturnCode       string                 `json:"original_return_code"`
	DishonoredReturnCode     string                 `json:"dishonored_return_code"`
	ReturnSettlementDate     payment.Date           `json:"return_settlement_date"`
	DishonoredSettlementDate payment.Date           `json:"dishonored_settlement_date"`
	OriginalReturnSentOn     payment.Date           `json:"original_return_sent_on"`
	FieldErrors              []string               `json:"field_errors"`
	IAT                      *payment.IATDetail     `json:"-"` // read by jsonACHGroup
}

type jsonCorrected struct {
	AccountNumber   string `json:"account_number"`
	RoutingNumber   string `json:"routing_number"`
	TransactionCode int    `json:"transaction_code"`
	AccountType     string `json:"account_type"`
	IndividualID    string `json:"individual_id"`
	Name            string `json:"name"`
	Raw             string `json:"raw"`
}

type jsonIAT struct {
	ForeignExchangeIndicator string `json:"foreign_exchange_indicator"`
	DestinationCountry       string `json:"destination_country"`
	OriginatingCurrency      string `json:"originating_currency"`
	DestinationCurrency      string `json:"destination_currency"`
	OriginatorName           string `json:"originator_name"`
	OriginatorCountry        string `json:"originator_country"`
	ForeignAccount           string `json:"foreign_account"`
}

type jsonCard struct {
	Processor      string         `json:"processor"`
	Report         string         `json:"report"`
	RawType        string         `json:"raw_type"`
	RawStatus      string         `json:"raw_status"`
	Brand          string         `json:"brand"`
	Funding        string         `json:"funding"`
	BIN            string         `json:"bin"`
	Last4          string         `json:"last4"`
	Wallet         string         `json:"wallet"`
	DeviceLast4    string         `json:"device_last4"`
	Country        string         `json:"country"`
	Fee            *payment.Money `json:"fee"` // amount, currency: names match
	Net            *payment.Money `json:"net"`
	SettleAmount   *payment.Money `json:"settle_amount"`
	ResponseCode   string         `json:"response_code"`
	ResponseScheme string         `json:"response_scheme"`
	ResponseText   string         `json:"response_text"`
	AdviceCode     string         `json:"advice_code"`
	AuthCode       string         `json:"auth_code"`
	DisputeReason  string         `json:"dispute_reason"`
	DisputeNetwork string         `json:"dispute_network"`
	PayoutID       string         `json:"payout_id"`
	CreatedAt      string         `json:"created_at"`
}

type jsonWire struct {
	Network               string              `json:"network"`
	MessageType           string              `json:"message_type"`
	Inbound               bool                `json:"inbound"`
	Test                  bool                `json:"test"`
	BusinessFunction      string              `json:"business_function"`
	TypeSubtype           string              `json:"type_subtype"`
	LocalInstrument       string              `json:"local_instrument"`
	Status                string              `json:"status"`
	Debtor                payment.WireParty   `json:"debtor"` // name, account, agent {id, name}: names match
	Creditor              payment.WireParty   `json:"creditor"`
	Intermediaries        []payment.WireAgent `json:"intermediaries"`
	InstructedAmount      *payment.Money      `json:"instructed_amount"`
	OriginalAmount        *payment.Money      `json:"original_amount"`
	ChargeBearer          string              `json:"charge_bearer"`
	Charges               []payment.Money     `json:"charges"`
	FXRate                string              `json:"fx_rate"`
	Remittance            string              `json:"remittance"`
	BankInfo              string              `json:"bank_info"`
	ReasonText            string              `json:"reason_text"`
	ReasonInferred        bool                `json:"reason_inferred"`
	CycleDate             payment.Date        `json:"cycle_date"`
	CreatedAt             string              `json:"created_at"`
	AcceptedAt            string              `json:"accepted_at"`
	CaseID                string              `json:"case_id"`
	ReturnID              string              `json:"return_id"`
	RelatedReference      string              `json:"related_reference"`
	OriginalMessageID     string              `json:"original_message_id"`
	OriginalMessageType   string              `json:"original_message_type"`
	OriginalInstructionID string              `json:"original_instruction_id"`
	OriginalSettlement    payment.Date        `json:"original_settlement_date"`
}
