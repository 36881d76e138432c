package fedwire

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/moov-io/wire"
)

// moovTag is what every moov-io/wire tag type offers.
type moovTag interface {
	Parse(record string) error
	Validate() error
}

// tagDef says how one FAIM tag is read: with moov-io/wire's type for it,
// and, for the tags whose values payinv uses, by its layout when moov
// cannot parse it.
type tagDef struct {
	what     string // the tag in words, for problems
	moovType string // moov-io/wire's name of the tag (and of its field of FEDWireMessage)
	read     func(fw *wire.FEDWireMessage, record string, cache *validCache) tagResult
}

// tagResult is what reading one tag gave.
type tagResult struct {
	// parseErr is moov-io/wire's Parse error; own is true when payinv then
	// read the tag by its layout, and rest is the text that reading left
	// after the last element.
	parseErr error
	own      bool
	rest     string
	// long is true when an element is longer than FAIM allows: moov
	// would cut it, payinv keeps it whole.
	long bool
	// valErr is moov-io/wire's Validate error for the tag's values.
	valErr error
}

// def returns the tagDef of a tag read into a moov-io/wire type T: newT
// makes a blank T, set puts it in the message. fill, with layout, reads
// the tag's elements into T when moov's Parse refuses it; nil for tags
// whose values payinv does not use.
func def[T moovTag](what string, newT func() T, set func(*wire.FEDWireMessage, T), layout []elem, fill func(T, []string)) tagDef {
	return tagDef{what: what, moovType: reflect.TypeOf(newT()).Elem().Name(), read: func(fw *wire.FEDWireMessage, record string, cache *validCache) (res tagResult) {
		t := newT()
		res.parseErr = guard(func() error { return t.Parse(record) })
		if res.parseErr == nil && fill != nil && overlong(record[6:], layout) {
			res.parseErr, res.long = errTooLong, true
		}
		if res.parseErr != nil {
			if fill == nil {
				return res
			}
			t = newT()
			var els []string
			els, res.rest = splitElements(record[6:], layout)
			fill(t, els)
			res.own = true
		}
		set(fw, t)
		res.valErr = cache.validate(record, t.Validate)
		return res
	}}
}

// errTooLong stands for moov-io/wire's reading of a tag with an element
// longer than FAIM allows, which it cuts short.
var errTooLong = errors.New("an element is longer than FAIM allows")

// guard runs a moov-io/wire function, turning a panic into an error.
func guard(fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("moov-io/wire failed on it (%v)", v)
		}
	}()
	return fn()
}

// tags are the FAIM tags moov-io/wire v0.16.0 knows; any other is an
// unknown tag.
var tags = map[int]tagDef{
	1100: def("message disposition", wire.NewMessageDisposition,
		func(fw *wire.FEDWireMessage, t *wire.MessageDisposition) { fw.MessageDisposition = t },
		layoutDisposition, func(t *wire.MessageDisposition, e []string) {
			t.FormatVersion, t.TestProductionCode, t.MessageDuplicationCode, t.MessageStatusIndicator = e[0], e[1], e[2], e[3]
		}),
	1110: def("receipt time stamp", wire.NewReceiptTimeStamp,
		func(fw *wire.FEDWireMessage, t *wire.ReceiptTimeStamp) { fw.ReceiptTimeStamp = t },
		layoutReceiptTime, func(t *wire.ReceiptTimeStamp, e []string) {
			t.ReceiptDate, t.ReceiptTime, t.ReceiptApplicationIdentification = e[0], e[1], e[2]
		}),
	1120: def("OMAD", wire.NewOutputMessageAccountabilityData,
		func(fw *wire.FEDWireMessage, t *wire.OutputMessageAccountabilityData) {
			fw.OutputMessageAccountabilityData = t
		},
		layoutOMAD, func(t *wire.OutputMessageAccountabilityData, e []string) {
			t.OutputCycleDate, t.OutputDestinationID, t.OutputSequenceNumber = e[0], e[1], e[2]
			t.OutputDate, t.OutputTime, t.OutputFRBApplicationIdentification = e[3], e[4], e[5]
		}),
	1130: def("error", wire.NewErrorWire,
		func(fw *wire.FEDWireMessage, t *wire.ErrorWire) { fw.ErrorWire = t },
		layoutError, func(t *wire.ErrorWire, e []string) {
			t.ErrorCategory, t.ErrorCode, t.ErrorDescription = e[0], e[1], e[2]
		}),
	1500: def("sender supplied information", wire.NewSenderSupplied,
		func(fw *wire.FEDWireMessage, t *wire.SenderSupplied) { fw.SenderSupplied = t },
		layoutSender, func(t *wire.SenderSupplied, e []string) {
			t.FormatVersion, t.UserRequestCorrelation, t.TestProductionCode, t.MessageDuplicationCode = e[0], e[1], e[2], e[3]
		}),
	1510: def("type/subtype", wire.NewTypeSubType,
		func(fw *wire.FEDWireMessage, t *wire.TypeSubType) { fw.TypeSubType = t },
		layoutTypeSubtype, func(t *wire.TypeSubType, e []string) { t.TypeCode, t.SubTypeCode = e[0], e[1] }),
	1520: def("IMAD", wire.NewInputMessageAccountabilityData,
		func(fw *wire.FEDWireMessage, t *wire.InputMessageAccountabilityData) {
			fw.InputMessageAccountabilityData = t
		},
		// moov reads exactly 22 characters; any other length is read
		// whole, for ParseIMAD to say what is wrong.
		layoutWhole, func(t *wire.InputMessageAccountabilityData, e []string) { t.InputCycleDate = e[0] }),
	2000: def("amount", wire.NewAmount,
		func(fw *wire.FEDWireMessage, t *wire.Amount) { fw.Amount = t },
		layoutWhole, func(t *wire.Amount, e []string) { t.Amount = e[0] }),
	3100: def("sender's bank (sender DI)", wire.NewSenderDepositoryInstitution,
		func(fw *wire.FEDWireMessage, t *wire.SenderDepositoryInstitution) { fw.SenderDepositoryInstitution = t },
		layoutDI, func(t *wire.SenderDepositoryInstitution, e []string) {
			t.SenderABANumber, t.SenderShortName = e[0], e[1]
		}),
	3320: def("sender reference", wire.NewSenderReference,
		func(fw *wire.FEDWireMessage, t *wire.SenderReference) { fw.SenderReference = t },
		layoutSenderRef, func(t *wire.SenderReference, e []string) { t.SenderReference = e[0] }),
	3400: def("receiver's bank (receiver DI)", wire.NewReceiverDepositoryInstitution,
		func(fw *wire.FEDWireMessage, t *wire.ReceiverDepositoryInstitution) {
			fw.ReceiverDepositoryInstitution = t
		},
		layoutDI, func(t *wire.ReceiverDepositoryInstitution, e []string) {
			t.ReceiverABANumber, t.ReceiverShortName = e[0], e[1]
		}),
	3500: def("previous message identifier", wire.NewPreviousMessageIdentifier,
		func(fw *wire.FEDWireMessage, t *wire.PreviousMessageIdentifier) { fw.PreviousMessageIdentifier = t },
		layoutPrevious, func(t *wire.PreviousMessageIdentifier, e []string) { t.PreviousMessageIdentifier = e[0] }),
	3600: def("business function code", wire.NewBusinessFunctionCode,
		func(fw *wire.FEDWireMessage, t *wire.BusinessFunctionCode) { fw.BusinessFunctionCode = t },
		layoutFunction, func(t *wire.BusinessFunctionCode, e []string) {
			t.BusinessFunctionCode, t.TransactionTypeCode = e[0], e[1]
		}),
	3610: def("local instrument", wire.NewLocalInstrument,
		func(fw *wire.FEDWireMessage, t *wire.LocalInstrument) { fw.LocalInstrument = t },
		layoutInstrument, func(t *wire.LocalInstrument, e []string) { t.LocalInstrumentCode, t.ProprietaryCode = e[0], e[1] }),
	3620: def("payment notification", wire.NewPaymentNotification,
		func(fw *wire.FEDWireMessage, t *wire.PaymentNotification) { fw.PaymentNotification = t },
		layoutNotify, func(t *wire.PaymentNotification, e []string) {
			t.PaymentNotificationIndicator, t.ContactNotificationElectronicAddress, t.ContactName = e[0], e[1], e[2]
			t.ContactPhoneNumber, t.ContactMobileNumber, t.ContactFaxNumber, t.EndToEndIdentification = e[3], e[4], e[5], e[6]
		}),
	3700: def("charges", wire.NewCharges,
		func(fw *wire.FEDWireMessage, t *wire.Charges) { fw.Charges = t },
		layoutCharges, func(t *wire.Charges, e []string) {
			t.ChargeDetails, t.SendersChargesOne, t.SendersChargesTwo, t.SendersChargesThree, t.SendersChargesFour = e[0], e[1], e[2], e[3], e[4]
		}),
	3710: def("instructed amount", wire.NewInstructedAmount,
		func(fw *wire.FEDWireMessage, t *wire.InstructedAmount) { fw.InstructedAmount = t },
		layoutInstructed, func(t *wire.InstructedAmount, e []string) { t.CurrencyCode, t.Amount = e[0], e[1] }),
	3720: def("exchange rate", wire.NewExchangeRate,
		func(fw *wire.FEDWireMessage, t *wire.ExchangeRate) { fw.ExchangeRate = t },
		layoutRate, func(t *wire.ExchangeRate, e []string) { t.ExchangeRate = e[0] }),
	4000: def("intermediary bank", wire.NewBeneficiaryIntermediaryFI,
		func(fw *wire.FEDWireMessage, t *wire.BeneficiaryIntermediaryFI) { fw.BeneficiaryIntermediaryFI = t },
		layoutParty, func(t *wire.BeneficiaryIntermediaryFI, e []string) { fillFI(&t.FinancialInstitution, e) }),
	4100: def("beneficiary's bank", wire.NewBeneficiaryFI,
		func(fw *wire.FEDWireMessage, t *wire.BeneficiaryFI) { fw.BeneficiaryFI = t },
		layoutParty, func(t *wire.BeneficiaryFI, e []string) { fillFI(&t.FinancialInstitution, e) }),
	4200: def("beneficiary", wire.NewBeneficiary,
		func(fw *wire.FEDWireMessage, t *wire.Beneficiary) { fw.Beneficiary = t },
		layoutParty, func(t *wire.Beneficiary, e []string) { fillPersonal(&t.Personal, e) }),
	4320: def("reference for the beneficiary", wire.NewBeneficiaryReference,
		func(fw *wire.FEDWireMessage, t *wire.BeneficiaryReference) { fw.BeneficiaryReference = t },
		layoutSenderRef, func(t *wire.BeneficiaryReference, e []string) { t.BeneficiaryReference = e[0] }),
	4400: def("account debited in drawdown", wire.NewAccountDebitedDrawdown,
		func(fw *wire.FEDWireMessage, t *wire.AccountDebitedDrawdown) { fw.AccountDebitedDrawdown = t },
		layoutParty, func(t *wire.AccountDebitedDrawdown, e []string) {
			t.IdentificationCode, t.Identifier, t.Name = e[0], e[1], e[2]
			t.Address = wire.Address{AddressLineOne: e[3], AddressLineTwo: e[4], AddressLineThree: e[5]}
		}),
	5000: def("originator", wire.NewOriginator,
		func(fw *wire.FEDWireMessage, t *wire.Originator) { fw.Originator = t },
		layoutParty, func(t *wire.Originator, e []string) { fillPersonal(&t.Personal, e) }),
	5010: def("originator (option F)", wire.NewOriginatorOptionF,
		func(fw *wire.FEDWireMessage, t *wire.OriginatorOptionF) { fw.OriginatorOptionF = t },
		layoutOptionF, func(t *wire.OriginatorOptionF, e []string) {
			t.PartyIdentifier, t.Name, t.LineOne, t.LineTwo, t.LineThree = e[0], e[1], e[2], e[3], e[4]
		}),
	5100: def("originator's bank", wire.NewOriginatorFI,
		func(fw *wire.FEDWireMessage, t *wire.OriginatorFI) { fw.OriginatorFI = t },
		layoutParty, func(t *wire.OriginatorFI, e []string) { fillFI(&t.FinancialInstitution, e) }),
	5200: def("instructing bank", wire.NewInstructingFI,
		func(fw *wire.FEDWireMessage, t *wire.InstructingFI) { fw.InstructingFI = t },
		layoutParty, func(t *wire.InstructingFI, e []string) { fillFI(&t.FinancialInstitution, e) }),
	5400: def("account credited in drawdown", wire.NewAccountCreditedDrawdown,
		func(fw *wire.FEDWireMessage, t *wire.AccountCreditedDrawdown) { fw.AccountCreditedDrawdown = t },
		layoutCreditedDD, func(t *wire.AccountCreditedDrawdown, e []string) { t.DrawdownCreditAccountNumber = e[0] }),
	6000: def("originator to beneficiary information", wire.NewOriginatorToBeneficiary,
		func(fw *wire.FEDWireMessage, t *wire.OriginatorToBeneficiary) { fw.OriginatorToBeneficiary = t },
		layoutOBI, func(t *wire.OriginatorToBeneficiary, e []string) {
			t.LineOne, t.LineTwo, t.LineThree, t.LineFour = e[0], e[1], e[2], e[3]
		}),
	6100: def("receiver FI information", wire.NewFIReceiverFI,
		func(fw *wire.FEDWireMessage, t *wire.FIReceiverFI) { fw.FIReceiverFI = t },
		layoutFIToFI, func(t *wire.FIReceiverFI, e []string) { fillFIToFI(&t.FIToFI, e) }),
	6110: def("drawdown debit account advice", wire.NewFIDrawdownDebitAccountAdvice,
		func(fw *wire.FEDWireMessage, t *wire.FIDrawdownDebitAccountAdvice) {
			fw.FIDrawdownDebitAccountAdvice = t
		},
		layoutAdvice, func(t *wire.FIDrawdownDebitAccountAdvice, e []string) { fillAdvice(&t.Advice, e) }),
	6200: def("intermediary FI information", wire.NewFIIntermediaryFI,
		func(fw *wire.FEDWireMessage, t *wire.FIIntermediaryFI) { fw.FIIntermediaryFI = t },
		layoutFIToFI, func(t *wire.FIIntermediaryFI, e []string) { fillFIToFI(&t.FIToFI, e) }),
	6210: def("intermediary FI advice", wire.NewFIIntermediaryFIAdvice,
		func(fw *wire.FEDWireMessage, t *wire.FIIntermediaryFIAdvice) { fw.FIIntermediaryFIAdvice = t },
		layoutAdvice, func(t *wire.FIIntermediaryFIAdvice, e []string) { fillAdvice(&t.Advice, e) }),
	6300: def("beneficiary's bank information", wire.NewFIBeneficiaryFI,
		func(fw *wire.FEDWireMessage, t *wire.FIBeneficiaryFI) { fw.FIBeneficiaryFI = t },
		layoutFIToFI, func(t *wire.FIBeneficiaryFI, e []string) { fillFIToFI(&t.FIToFI, e) }),
	6310: def("beneficiary's bank advice", wire.NewFIBeneficiaryFIAdvice,
		func(fw *wire.FEDWireMessage, t *wire.FIBeneficiaryFIAdvice) { fw.FIBeneficiaryFIAdvice = t },
		layoutAdvice, func(t *wire.FIBeneficiaryFIAdvice, e []string) { fillAdvice(&t.Advice, e) }),
	6400: def("beneficiary information", wire.NewFIBeneficiary,
		func(fw *wire.FEDWireMessage, t *wire.FIBeneficiary) { fw.FIBeneficiary = t },
		layoutFIToFI, func(t *wire.FIBeneficiary, e []string) { fillFIToFI(&t.FIToFI, e) }),
	6410: def("beneficiary advice", wire.NewFIBeneficiaryAdvice,
		func(fw *wire.FEDWireMessage, t *wire.FIBeneficiaryAdvice) { fw.FIBeneficiaryAdvice = t },
		layoutAdvice, func(t *wire.FIBeneficiaryAdvice, e []string) { fillAdvice(&t.Advice, e) }),
	6420: def("method of payment to the beneficiary", wire.NewFIPaymentMethodToBeneficiary,
		func(fw *wire.FEDWireMessage, t *wire.FIPaymentMethodToBeneficiary) {
			fw.FIPaymentMethodToBeneficiary = t
		},
		layoutMethod, func(t *wire.FIPaymentMethodToBeneficiary, e []string) {
			t.PaymentMethod, t.AdditionalInformation = e[0], e[1]
		}),
	6500: def("FI to FI information", wire.NewFIAdditionalFIToFI,
		func(fw *wire.FEDWireMessage, t *wire.FIAdditionalFIToFI) { fw.FIAdditionalFIToFI = t },
		layoutAdditional, func(t *wire.FIAdditionalFIToFI, e []string) {
			a := &t.AdditionalFIToFI
			a.LineOne, a.LineTwo, a.LineThree, a.LineFour, a.LineFive, a.LineSix = e[0], e[1], e[2], e[3], e[4], e[5]
		}),
	7033: def("currency instructed amount (cover payment)", wire.NewCurrencyInstructedAmount,
		func(fw *wire.FEDWireMessage, t *wire.CurrencyInstructedAmount) { fw.CurrencyInstructedAmount = t }, nil, nil),
	7050: def("ordering customer (cover payment)", wire.NewOrderingCustomer,
		func(fw *wire.FEDWireMessage, t *wire.OrderingCustomer) { fw.OrderingCustomer = t }, nil, nil),
	7052: def("ordering institution (cover payment)", wire.NewOrderingInstitution,
		func(fw *wire.FEDWireMessage, t *wire.OrderingInstitution) { fw.OrderingInstitution = t }, nil, nil),
	7056: def("intermediary institution (cover payment)", wire.NewIntermediaryInstitution,
		func(fw *wire.FEDWireMessage, t *wire.IntermediaryInstitution) { fw.IntermediaryInstitution = t }, nil, nil),
	7057: def("beneficiary's institution account (cover payment)", wire.NewInstitutionAccount,
		func(fw *wire.FEDWireMessage, t *wire.InstitutionAccount) { fw.InstitutionAccount = t }, nil, nil),
	7059: def("beneficiary customer (cover payment)", wire.NewBeneficiaryCustomer,
		func(fw *wire.FEDWireMessage, t *wire.BeneficiaryCustomer) { fw.BeneficiaryCustomer = t }, nil, nil),
	7070: def("remittance (cover payment)", wire.NewRemittance,
		func(fw *wire.FEDWireMessage, t *wire.Remittance) { fw.Remittance = t }, nil, nil),
	7072: def("sender to receiver information (cover payment)", wire.NewSenderToReceiver,
		func(fw *wire.FEDWireMessage, t *wire.SenderToReceiver) { fw.SenderToReceiver = t }, nil, nil),
	8200: def("unstructured addenda", wire.NewUnstructuredAddenda,
		func(fw *wire.FEDWireMessage, t *wire.UnstructuredAddenda) { fw.UnstructuredAddenda = t }, nil, nil),
	8250: def("related remittance", wire.NewRelatedRemittance,
		func(fw *wire.FEDWireMessage, t *wire.RelatedRemittance) { fw.RelatedRemittance = t }, nil, nil),
	8300: def("remittance originator", wire.NewRemittanceOriginator,
		func(fw *wire.FEDWireMessage, t *wire.RemittanceOriginator) { fw.RemittanceOriginator = t }, nil, nil),
	8350: def("remittance beneficiary", wire.NewRemittanceBeneficiary,
		func(fw *wire.FEDWireMessage, t *wire.RemittanceBeneficiary) { fw.RemittanceBeneficiary = t }, nil, nil),
	8400: def("primary remittance document", wire.NewPrimaryRemittanceDocument,
		func(fw *wire.FEDWireMessage, t *wire.PrimaryRemittanceDocument) { fw.PrimaryRemittanceDocument = t }, nil, nil),
	8450: def("actual amount paid", wire.NewActualAmountPaid,
		func(fw *wire.FEDWireMessage, t *wire.ActualAmountPaid) { fw.ActualAmountPaid = t }, nil, nil),
	8500: def("gross amount of remittance document", wire.NewGrossAmountRemittanceDocument,
		func(fw *wire.FEDWireMessage, t *wire.GrossAmountRemittanceDocument) {
			fw.GrossAmountRemittanceDocument = t
		}, nil, nil),
	8550: def("amount of negotiated discount", wire.NewAmountNegotiatedDiscount,
		func(fw *wire.FEDWireMessage, t *wire.AmountNegotiatedDiscount) { fw.AmountNegotiatedDiscount = t }, nil, nil),
	8600: def("adjustment", wire.NewAdjustment,
		func(fw *wire.FEDWireMessage, t *wire.Adjustment) { fw.Adjustment = t }, nil, nil),
	8650: def("date of remittance document", wire.NewDateRemittanceDocument,
		func(fw *wire.FEDWireMessage, t *wire.DateRemittanceDocument) { fw.DateRemittanceDocument = t }, nil, nil),
	8700: def("secondary remittance document", wire.NewSecondaryRemittanceDocument,
		func(fw *wire.FEDWireMessage, t *wire.SecondaryRemittanceDocument) { fw.SecondaryRemittanceDocument = t }, nil, nil),
	8750: def("remittance free text", wire.NewRemittanceFreeText,
		func(fw *wire.FEDWireMessage, t *wire.RemittanceFreeText) { fw.RemittanceFreeText = t }, nil, nil),
	9000: def("service message", wire.NewServiceMessage,
		func(fw *wire.FEDWireMessage, t *wire.ServiceMessage) { fw.ServiceMessage = t },
		layoutService, func(t *wire.ServiceMessage, e []string) {
			t.LineOne, t.LineTwo, t.LineThree, t.LineFour, t.LineFive, t.LineSix = e[0], e[1], e[2], e[3], e[4], e[5]
			t.LineSeven, t.LineEight, t.LineNine, t.LineTen, t.LineEleven, t.LineTwelve = e[6], e[7], e[8], e[9], e[10], e[11]
		}),
}

// validCache remembers moov-io/wire's Validate result by tag text: the
// same tags ({3400} the company's bank, {3600}CTR*) come back message after
// message, and moov validates with regular expressions. What a tag's text
// reads to does not depend on the message around it.
type validCache struct {
	m map[string]error
}

// maxCached bounds the cache; it starts afresh when full.
const maxCached = 4096

// validate returns fn's result for a tag of text record, from the cache
// when it has it.
func (c *validCache) validate(record string, fn func() error) error {
	if len(record) > 128 {
		return guard(fn)
	}
	if err, ok := c.m[record]; ok {
		return err
	}
	err := guard(fn)
	if c.m == nil || len(c.m) == maxCached {
		c.m = make(map[string]error, 256)
	}
	c.m[strings.Clone(record)] = err
	return err
}

// moovTypes finds a tag by its moov-io/wire name.
var moovTypes = func() map[string]int {
	m := make(map[string]int, len(tags))
	for code, d := range tags {
		m[d.moovType] = code
	}
	return m
}()

func fillFI(fi *wire.FinancialInstitution, e []string) {
	fi.IdentificationCode, fi.Identifier, fi.Name = e[0], e[1], e[2]
	fi.Address = wire.Address{AddressLineOne: e[3], AddressLineTwo: e[4], AddressLineThree: e[5]}
}

func fillPersonal(p *wire.Personal, e []string) {
	p.IdentificationCode, p.Identifier, p.Name = e[0], e[1], e[2]
	p.Address = wire.Address{AddressLineOne: e[3], AddressLineTwo: e[4], AddressLineThree: e[5]}
}

func fillFIToFI(f *wire.FIToFI, e []string) {
	f.LineOne, f.LineTwo, f.LineThree, f.LineFour, f.LineFive, f.LineSix = e[0], e[1], e[2], e[3], e[4], e[5]
}

func fillAdvice(a *wire.Advice, e []string) {
	a.AdviceCode, a.LineOne, a.LineTwo, a.LineThree, a.LineFour, a.LineFive, a.LineSix = e[0], e[1], e[2], e[3], e[4], e[5], e[6]
}
