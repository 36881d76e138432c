package reply

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/payinv/payinv/explain"
	"github.com/payinv/payinv/match"
	"github.com/payinv/payinv/payment"
	"github.com/payinv/payinv/records"
)

// languageFile is the name of each language's data file, next to its
// templates: templates/<lang>/language.yaml.
const languageFile = "language.yaml"

// Methods are the keys of a language's method names: how the money moved,
// by the record's rail (any other rail is a bank transfer).
var Methods = []string{records.RailACH, records.RailCard, records.RailApplePay, records.RailWire}

// Missing-information keys: what a reply says is still being confirmed
// when the evidence is incomplete.
const (
	MissingAmbiguous        = "ambiguous"
	MissingDuplicate        = "duplicate"
	MissingAmount           = "amount_mismatch"
	MissingNoEvidence       = "no_evidence"
	MissingNoOriginal       = "no_original"
	MissingNoSettlement     = "no_settlement_date"
	MissingRecallUnanswered = "recall_unanswered"
)

// MissingKeys lists every missing-information key.
var MissingKeys = []string{MissingAmbiguous, MissingDuplicate, MissingAmount, MissingNoEvidence, MissingNoOriginal,
	MissingNoSettlement, MissingRecallUnanswered}

// Reason families: a reason code's sentence, when a language has none for
// the code itself, is the family's generic one (or its neutral one for a
// code marked not-for-customers).
const (
	FamilyACH     = "ach"
	FamilyDecline = "decline"
	FamilyDispute = "dispute"
	FamilyWire    = "wire"
)

// ReasonFamilies lists the reason families.
var ReasonFamilies = []string{FamilyACH, FamilyDecline, FamilyDispute, FamilyWire}

// Language is one language's data for replies: how dates, amounts and
// methods are written, the missing-information sentences and the customer
// sentences of reason codes. It is read from templates/<lang>/language.yaml.
type Language struct {
	Code string `yaml:"-"`
	// Weekdays are Sunday first; Months January first.
	Weekdays []string `yaml:"weekdays"`
	Months   []string `yaml:"months"`
	// Date is the long date pattern, with {weekday}, {day}, {month} and
	// {year}.
	Date    string `yaml:"date"`
	Amounts struct {
		Decimal string `yaml:"decimal"`
		Group   string `yaml:"group"`
		// Symbol is the pattern for a currency with a symbol in Symbols
		// ({symbol}, {amount}); Code the pattern for any other ({code},
		// {amount}). A negative amount is written with "-" before the
		// whole.
		Symbol  string            `yaml:"symbol"`
		Code    string            `yaml:"code"`
		Symbols map[string]string `yaml:"symbols"`
	} `yaml:"money"`
	// Methods are the method names by rail (Methods).
	Methods map[string]string `yaml:"methods"`
	// Missing are the missing-information sentences by key (MissingKeys).
	Missing map[string]string `yaml:"missing"`
	Reasons struct {
		// Catalog is true for the language of the code catalog
		// (explain.Lookup's customer sentences): its sentences are used,
		// and Generic only for codes the catalog does not know.
		Catalog bool `yaml:"catalog"`
		// Codes are customer sentences keyed "scheme:code".
		Codes map[string]string `yaml:"codes"`
		// Generic (any code not in Codes) and Sensitive (codes marked
		// not-for-customers) are by reason family (ReasonFamilies).
		Generic   map[string]string `yaml:"generic"`
		Sensitive map[string]string `yaml:"sensitive"`
	} `yaml:"reasons"`
}

var (
	langMu    sync.Mutex
	langCache = map[string]*Language{}
)

// LoadLanguage returns a language's data, read once from the embedded
// templates/<lang>/language.yaml and checked for completeness.
func LoadLanguage(lang string) (*Language, error) {
	if err := CheckLang(lang); err != nil {
		return nil, err
	}
	langMu.Lock()
	defer langMu.Unlock()
	if l, ok := langCache[lang]; ok {
		return l, nil
	}
	path := "templates/" + lang + "/" + languageFile
	data, err := embedded.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("no language file %s/%s", lang, languageFile)
	}
	l, err := parseLanguage(lang, data)
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", path, err)
	}
	langCache[lang] = l
	return l, nil
}

func parseLanguage(lang string, data []byte) (*Language, error) {
	l := &Language{Code: lang}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(l); err != nil {
		return nil, err
	}
	if problems := l.check(); len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return l, nil
}

// check lists what the language lacks of what the code asks for.
func (l *Language) check() []string {
	var p []string
	if len(l.Weekdays) != 7 {
		p = append(p, fmt.Sprintf("weekdays: want 7, have %d", len(l.Weekdays)))
	}
	if len(l.Months) != 12 {
		p = append(p, fmt.Sprintf("months: want 12, have %d", len(l.Months)))
	}
	for _, field := range []string{"{weekday}", "{day}", "{month}", "{year}"} {
		if !strings.Contains(l.Date, field) {
			p = append(p, "date: no "+field)
		}
	}
	if l.Amounts.Decimal == "" {
		p = append(p, "money.decimal: empty")
	}
	if !strings.Contains(l.Amounts.Symbol, "{amount}") || !strings.Contains(l.Amounts.Symbol, "{symbol}") {
		p = append(p, "money.symbol: want {symbol} and {amount}")
	}
	if !strings.Contains(l.Amounts.Code, "{amount}") || !strings.Contains(l.Amounts.Code, "{code}") {
		p = append(p, "money.code: want {code} and {amount}")
	}
	need := func(section string, m map[string]string, keys []string) {
		for _, k := range keys {
			if strings.TrimSpace(m[k]) == "" {
				p = append(p, section+": no "+k)
			}
		}
	}
	need("methods", l.Methods, Methods)
	need("missing", l.Missing, MissingKeys)
	need("reasons.generic", l.Reasons.Generic, ReasonFamilies)
	need("reasons.sensitive", l.Reasons.Sensitive, ReasonFamilies)
	for k := range l.Reasons.Codes {
		scheme, code, ok := strings.Cut(k, ":")
		if !ok || !slices.Contains(explain.Schemes, scheme) {
			p = append(p, "reasons.codes: "+k+" is not scheme:code")
			continue
		}
		found := explain.Lookup(code, scheme)
		if len(found) == 0 || !found[0].Known {
			p = append(p, "reasons.codes: "+k+" is not in the code catalog")
		} else if found[0].Sensitive {
			p = append(p, "reasons.codes: "+k+" is not for customers and must not be explained")
		}
	}
	slices.Sort(p)
	return p
}

// Day writes a date in the language; "" for the zero date.
func (l *Language) Day(d payment.Date) string {
	if d.IsZero() {
		return ""
	}
	return strings.NewReplacer(
		"{weekday}", l.Weekdays[d.Weekday()],
		"{day}", fmt.Sprint(d.Day),
		"{month}", l.Months[d.Month-1],
		"{year}", fmt.Sprint(d.Year),
	).Replace(l.Date)
}

// Money writes an amount in the language, with payment.FormatAmount's
// digits for the currency.
func (l *Language) Money(d decimal.Decimal, currency string) string {
	s := payment.FormatAmountGrouped(d, currency)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	s = strings.NewReplacer(",", l.Amounts.Group, ".", l.Amounts.Decimal).Replace(s)
	sign := ""
	if neg {
		sign = "-"
	}
	if currency == "" {
		return sign + s
	}
	if sym, ok := l.Amounts.Symbols[currency]; ok {
		return sign + strings.NewReplacer("{symbol}", sym, "{amount}", s).Replace(l.Amounts.Symbol)
	}
	return sign + strings.NewReplacer("{code}", currency, "{amount}", s).Replace(l.Amounts.Code)
}

// Method names how money moved on a record's rail.
func (l *Language) Method(rail string) string {
	if m, ok := l.Methods[rail]; ok {
		return m
	}
	return l.Methods[records.RailACH]
}

// reason is an event's reason code, as Situate keeps it.
type reason struct {
	scheme, code string
	// family is the reason family, for the generic and neutral sentences.
	family string
}

// Reason is a reason code's customer sentence in the language: never the
// code, and for codes marked not-for-customers the family's neutral
// sentence.
func (l *Language) Reason(r reason) string {
	if r.code == "" {
		return ""
	}
	found := explain.Lookup(r.code, r.scheme)
	if len(found) == 0 {
		return l.Reasons.Generic[r.family]
	}
	c := found[0]
	switch {
	case l.Reasons.Catalog:
		return c.Customer
	case c.Sensitive:
		return l.Reasons.Sensitive[r.family]
	}
	if s, ok := l.Reasons.Codes[c.Scheme+":"+c.Code]; ok {
		return s
	}
	return l.Reasons.Generic[r.family]
}

// reasonOf keeps an event's reason code and its family.
func reasonOf(e *match.Evidence) reason {
	r := reason{scheme: e.CodeScheme, code: e.Code}
	scheme := e.CodeScheme
	if found := explain.Lookup(e.Code, e.CodeScheme); len(found) > 0 {
		scheme = found[0].Scheme
	}
	r.family = familyOf(scheme, e.Rail)
	return r
}

func familyOf(scheme string, rail payment.Rail) string {
	switch {
	case strings.HasPrefix(scheme, "nacha_"):
		return FamilyACH
	case slices.Contains(explain.DeclineSchemes, scheme):
		return FamilyDecline
	case slices.Contains(explain.DisputeSchemes, scheme):
		return FamilyDispute
	case slices.Contains(explain.WireSchemes, scheme):
		return FamilyWire
	}
	switch rail {
	case payment.RailCard:
		return FamilyDecline
	case payment.RailWire:
		return FamilyWire
	}
	return FamilyACH
}
