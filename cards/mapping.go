package cards

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	_ "time/tzdata" // the zones exports name must resolve on machines without zoneinfo

	"github.com/payinv/payinv/csvin"
	"github.com/payinv/payinv/mapfile"
	"github.com/payinv/payinv/payment"
)

// Mapping describes a card processor export of no known format (a
// Worldpay or FIS report, a bank's acquiring statement …) for the generic
// format. In YAML:
//
//	# processor: the name events carry in card.processor (default generic).
//	processor: worldpay
//
//	# columns: our field → their column name (matched without regard to
//	# case, blanks or underscores). kind, amount and created_at are
//	# required, and currency unless defaults gives one. Fields:
//	#   psp_id psp_event_id merchant_reference arn original_psp_id
//	#   transaction_id payout_id kind status amount currency created_at
//	#   time_zone settlement_date available_on fee net brand funding
//	#   country last4 bin device_last4 wallet response_code response_text
//	#   auth_code dispute_reason name
//	columns:
//	  psp_id: Transaction ID
//	  kind: Event
//	  amount: Amount
//	  currency: Currency
//	  created_at: Event Date
//
//	# kinds: their kind value → ours: authorization,
//	# authorization_reversal, capture, refund, refund_failure, decline,
//	# chargeback, chargeback_reversal, second_chargeback, payout,
//	# payout_return, fee or status. Our own names are understood without
//	# being listed; other values make the row a problem.
//	kinds: {AUTHORISED: authorization, SETTLED: capture}
//
//	# amount_unit: major (default; 1234.56) or minor (whole cents: 123456;
//	# 0 decimals for JPY, 3 for KWD …).
//	amount_unit: major
//
//	# date_formats: Go layouts for created_at, settlement_date and
//	# available_on, tried before the built-in forms (2006-01-02
//	# 15:04:05, RFC 3339, 01/02/2006 …). Write dd/mm/yyyy as 02/01/2006.
//	date_formats: ["02/01/2006 15:04:05"]
//
//	# time_zone: the IANA zone of times written without one (default UTC).
//	time_zone: Europe/London
//
//	# delimiter: the CSV field separator (default ","; "tab" for tabs).
//	delimiter: ","
//
//	# response_scheme: the scheme of response_code (default iso8583).
//	response_scheme: iso8583
//
//	# wallets, brands: their words → ours (apple_pay …; visa, mastercard
//	# …), looked up before the built-in words.
//	wallets: {APPLEPAY: apple_pay}
//	brands: {ECMC: mastercard}
//
//	# defaults: values for columns a file leaves out or empty: currency,
//	# kind, brand, wallet.
//	defaults: {currency: USD}
//
// The same in TOML uses the same keys. Unknown keys are errors.
type Mapping struct {
	// Processor names the processor in the events.
	Processor string `yaml:"processor" toml:"processor"`
	// Columns maps our field names to their column names.
	Columns map[string]string `yaml:"columns" toml:"columns"`
	// Kinds maps their kind values to ours.
	Kinds map[string]string `yaml:"kinds" toml:"kinds"`
	// AmountUnit is major (default) or minor.
	AmountUnit string `yaml:"amount_unit" toml:"amount_unit"`
	// DateFormats are Go time layouts tried first for dates.
	DateFormats []string `yaml:"date_formats" toml:"date_formats"`
	// TimeZone is the IANA zone of times written without one.
	TimeZone string `yaml:"time_zone" toml:"time_zone"`
	// Delimiter is the CSV field separator: one character, or "tab".
	Delimiter string `yaml:"delimiter" toml:"delimiter"`
	// ResponseScheme is the scheme of the response codes.
	ResponseScheme string `yaml:"response_scheme" toml:"response_scheme"`
	// Wallets maps their wallet words to ours.
	Wallets map[string]string `yaml:"wallets" toml:"wallets"`
	// Brands maps their card brand words to ours.
	Brands map[string]string `yaml:"brands" toml:"brands"`
	// Defaults gives currency, kind, brand or wallet a value where a file
	// leaves it out.
	Defaults map[string]string `yaml:"defaults" toml:"defaults"`
}

// genericFields are the keys of a mapping's columns, with the field each
// names.
var genericFields = []struct {
	key string
	f   field
}{
	{"psp_id", fPSPID}, {"psp_event_id", fPSPEventID}, {"merchant_reference", fMerchantRef},
	{"arn", fARN}, {"original_psp_id", fOriginalPSPID}, {"transaction_id", fTransactionID},
	{"payout_id", fPayoutID}, {"kind", fType}, {"status", fStatus}, {"amount", fAmount},
	{"currency", fCurrency}, {"created_at", fCreated}, {"time_zone", fTimeZone},
	{"settlement_date", fSettlementDate}, {"available_on", fAvailableOn}, {"fee", fFee}, {"net", fNet},
	{"brand", fBrand}, {"funding", fFunding}, {"country", fCountry}, {"last4", fLast4}, {"bin", fBIN},
	{"device_last4", fDeviceLast4}, {"wallet", fWallet}, {"response_code", fResponseCode},
	{"response_text", fResponseText}, {"auth_code", fAuthCode}, {"dispute_reason", fDisputeReason},
	{"name", fName},
}

// cardKinds are the kinds a mapping's kinds may name, with the direction
// each has ("" for fee and status: the sign of the amount says).
var cardKinds = []struct {
	kind payment.Kind
	dir  payment.Direction
}{
	{payment.KindAuthorization, payment.Credit}, {payment.KindAuthorizationReversal, payment.Debit},
	{payment.KindCapture, payment.Credit}, {payment.KindRefund, payment.Debit},
	{payment.KindRefundFailure, payment.Credit}, {payment.KindDecline, payment.Credit},
	{payment.KindChargeback, payment.Debit}, {payment.KindChargebackReversal, payment.Credit},
	{payment.KindSecondChargeback, payment.Debit}, {payment.KindPayout, payment.Debit},
	{payment.KindPayoutReturn, payment.Credit}, {payment.KindFee, ""}, {payment.KindStatus, ""},
}

func kindDirection(k payment.Kind) payment.Direction {
	for _, c := range cardKinds {
		if c.kind == k {
			return c.dir
		}
	}
	return ""
}

// builtinKind reads one of our kind names (compared as keyOf).
func builtinKind(k []byte) (payment.Kind, bool) {
	for _, c := range cardKinds {
		var b [32]byte
		if string(keyOf(string(c.kind), b[:0])) == string(k) {
			return c.kind, true
		}
	}
	return "", false
}

// LoadMapping reads a mapping file, YAML (.yaml, .yml) or TOML (.toml) by
// its extension, and checks it. Unknown keys are errors; errors name the
// file and everything wrong.
func LoadMapping(path string) (*Mapping, error) {
	var m Mapping
	if err := mapfile.Load(path, &m); err != nil {
		return nil, err
	}
	return &m, nil
}

// ParseMapping reads a mapping from data, YAML or TOML as the extension of
// name says, and checks it; name is used in errors.
func ParseMapping(data []byte, name string) (*Mapping, error) {
	var m Mapping
	if err := mapfile.Parse(data, name, &m); err != nil {
		return nil, err
	}
	return &m, nil
}

// Validate checks a mapping and returns an error naming everything wrong
// with it, or nil.
func (m *Mapping) Validate() error {
	_, err := m.compile()
	return err
}

// Fits reports whether head, the start of a file, has a header row naming
// every column the mapping maps: whether the mapping describes that file.
func (m *Mapping) Fits(head []byte) bool {
	l, err := m.compile()
	if err != nil || len(l.format.cols) == 0 {
		return false
	}
	head = bytes.TrimPrefix(head, bom)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	cr := csv.NewReader(bytes.NewReader(head))
	cr.Comma = l.delim
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cells, err := cr.Read()
	if err != nil {
		return false
	}
	keys := headerKeys(cells)
	for _, c := range l.format.cols {
		if _, ok := keys[headerKey(c.names[0])]; !ok {
			return false
		}
	}
	return true
}

// layout is a Mapping made ready for reading.
type layout struct {
	format    *format
	processor string
	delim     rune
	formats   []string
	loc       *time.Location
	minor     bool
	scheme    string
	kinds     map[string]payment.Kind // keyOf their value → kind
	wallets   map[string]string
	brands    map[string]string

	defCurrency string
	defKind     payment.Kind
	defBrand    string
	defWallet   string
}

// compile checks m and makes a layout of it, with a format of its own.
func (m *Mapping) compile() (*layout, error) {
	if m == nil {
		return nil, errors.New("no mapping")
	}
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	l := &layout{processor: "generic", delim: ',', loc: time.UTC, scheme: SchemeISO8583}
	if p := strings.TrimSpace(m.Processor); p != "" {
		l.processor = strings.ToLower(p)
	}

	f := &format{name: FormatGeneric, processor: l.processor, build: (*reader).genericRow}
	mapped := map[field]bool{}
	for _, k := range sortedKeys(m.Columns) {
		key := strings.ToLower(strings.TrimSpace(k))
		i := slices.IndexFunc(genericFields, func(g struct {
			key string
			f   field
		}) bool {
			return g.key == key
		})
		name := strings.TrimSpace(m.Columns[k])
		switch {
		case i < 0:
			bad("columns: unknown field %q (fields: %s)", k, genericFieldList())
		case name == "":
			bad("columns: %s: empty column name", k)
		default:
			fld := genericFields[i].f
			mapped[fld] = true
			f.cols = append(f.cols, col{f: fld, names: []string{name}})
		}
	}

	for _, d := range m.DateFormats {
		ref := time.Date(2009, 11, 17, 20, 34, 58, 0, time.UTC)
		s := ref.Format(d)
		if _, err := time.Parse(d, s); strings.TrimSpace(d) == "" || s == d || err != nil {
			bad("date_formats: %q is not a Go time layout (write dd/mm/yyyy as 02/01/2006)", d)
			continue
		}
		l.formats = append(l.formats, d)
	}
	if tz := strings.TrimSpace(m.TimeZone); tz != "" {
		loc, ok := loadZone(tz)
		if !ok {
			bad("time_zone %q: not a known time zone (e.g. UTC, America/New_York, Europe/London)", tz)
		}
		l.loc = loc
	}
	switch strings.ToLower(strings.TrimSpace(m.AmountUnit)) {
	case "", "major":
	case "minor":
		l.minor = true
	default:
		bad("amount_unit %q: want major or minor", m.AmountUnit)
	}
	switch d := m.Delimiter; d {
	case "":
	case "tab", `\t`:
		l.delim = '\t'
	default:
		r, size := utf8.DecodeRuneInString(d)
		if size != len(d) || r == utf8.RuneError || r == '"' || r == '\r' || r == '\n' {
			bad("delimiter %q: want one character other than a quote or a line break", d)
		} else {
			l.delim = r
		}
	}
	if s := strings.TrimSpace(m.ResponseScheme); s != "" {
		l.scheme = strings.ToLower(s)
	}

	l.kinds = map[string]payment.Kind{}
	for _, k := range sortedKeys(m.Kinds) {
		var b [32]byte
		kind, ok := builtinKind(keyOf(m.Kinds[k], b[:0]))
		if !ok {
			bad("kinds: %q maps to %q: want one of %s", k, m.Kinds[k], kindList())
			continue
		}
		var kb [64]byte
		key := string(keyOf(k, kb[:0]))
		if prev, dup := l.kinds[key]; dup && prev != kind {
			bad("kinds: %q is listed twice (keys compare without case, blanks or underscores) with different kinds", k)
		}
		l.kinds[key] = kind
	}
	l.wallets = vocab(m.Wallets)
	l.brands = vocab(m.Brands)

	for _, k := range sortedKeys(m.Defaults) {
		v := strings.TrimSpace(m.Defaults[k])
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "currency":
			c, ok := payment.CurrencyCode(v)
			if !ok {
				bad("defaults: currency %q: want a three-letter ISO 4217 code", v)
			}
			l.defCurrency = c
		case "kind":
			var b [32]byte
			kind, ok := l.kinds[string(keyOf(v, b[:0]))]
			if !ok {
				kind, ok = builtinKind(keyOf(v, b[:0]))
			}
			if !ok {
				bad("defaults: kind %q: want one of %s", v, kindList())
			}
			l.defKind = kind
		case "brand":
			l.defBrand = normBrand(v)
		case "wallet":
			l.defWallet = normWallet(v)
		default:
			bad("defaults: %q cannot have a default (fields that can: currency, kind, brand, wallet)", k)
		}
	}

	for _, need := range []struct {
		f   field
		key string
		def bool
	}{
		{fType, "kind", l.defKind != ""}, {fAmount, "amount", false},
		{fCreated, "created_at", false}, {fCurrency, "currency", l.defCurrency != ""},
	} {
		if !mapped[need.f] && !need.def {
			if need.f == fCurrency || need.f == fType {
				bad("columns: %s is required (or a default %s)", need.key, need.key)
			} else {
				bad("columns: %s is required", need.key)
			}
		}
	}
	for i := range f.cols {
		c := &f.cols[i]
		c.req = c.f == fAmount || c.f == fCreated || c.f == fType && l.defKind == "" || c.f == fCurrency && l.defCurrency == ""
	}
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "; "))
	}
	f.prepare()
	l.format = f
	return l, nil
}

func vocab(in map[string]string) map[string]string {
	if len(in) == 0 {
		return nil
	}
	out := make(map[string]string, len(in))
	for k, v := range in {
		var b [64]byte
		out[string(keyOf(k, b[:0]))] = strings.ToLower(strings.TrimSpace(v))
	}
	return out
}

func genericFieldList() string {
	names := make([]string, len(genericFields))
	for i, g := range genericFields {
		names[i] = g.key
	}
	return strings.Join(names, ", ")
}

func kindList() string {
	names := make([]string, len(cardKinds))
	for i, c := range cardKinds {
		names[i] = string(c.kind)
	}
	return strings.Join(names, ", ")
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// genericRow reads one row by the mapping.
func (rd *reader) genericRow() bool {
	l := rd.gen
	raw := rd.v(fType)
	kind := l.defKind
	if raw != "" {
		var b [64]byte
		k := keyOf(raw, b[:0])
		var ok bool
		if kind, ok = l.kinds[string(k)]; !ok {
			if kind, ok = builtinKind(k); !ok {
				rd.bad("unknown kind %s (map it in the mapping's kinds)", csvin.Quote(raw))
			}
		}
	} else if kind == "" {
		rd.bad("empty %s", rd.colName(fType))
	}
	currency := l.defCurrency
	if rd.v(fCurrency) != "" {
		currency = rd.optCurrency(fCurrency)
	} else if currency == "" {
		rd.bad("no currency")
	}
	amount := rd.genericAmount(fAmount, currency, true)
	fee := rd.genericAmount(fFee, currency, false)
	net := rd.genericAmount(fNet, currency, false)
	loc := rd.location(fTimeZone, l.loc)
	created := rd.timestamp(fCreated, loc)
	settled := rd.day(fSettlementDate)
	available := rd.day(fAvailableOn)
	if skip, ok := rd.skipped(); skip || !ok {
		return ok
	}
	dir := kindDirection(kind)
	if dir == "" {
		def := payment.Credit
		if kind == payment.KindFee {
			def = payment.Debit
		}
		dir = signDirection(amount.d, def)
	}
	ev := rd.newEvent(kind, dir)
	ev.Amount = amount.d.Abs()
	ev.Currency = currency
	cd := ev.Card
	cd.RawType = rd.keep(raw)
	cd.RawStatus = rd.keep(rd.v(fStatus))
	if fee.ok {
		cd.Fee = rd.newMoney(fee.d, currency)
	}
	if net.ok {
		cd.Net = rd.newMoney(net.d, currency)
	}
	ev.Refs.PSPID = rd.keep(rd.v(fPSPID))
	ev.Refs.PSPEventID = rd.keep(rd.v(fPSPEventID))
	ev.Refs.MerchantReference = rd.keep(rd.v(fMerchantRef))
	ev.Refs.ARN = rd.keep(digitsOrSelf(rd.v(fARN)))
	ev.Refs.OriginalPSPID = rd.keep(rd.v(fOriginalPSPID))
	ev.Refs.TransactionID = rd.keep(rd.v(fTransactionID))
	cd.PayoutID = rd.keep(rd.v(fPayoutID))
	ev.Party.Name = rd.keep(rd.v(fName))

	var b [64]byte
	brand := rd.v(fBrand)
	if v, ok := l.brands[string(keyOf(brand, b[:0]))]; ok && brand != "" {
		cd.Brand = v
	} else if brand != "" {
		cd.Brand = normBrand(brand)
	} else {
		cd.Brand = l.defBrand
	}
	wallet := rd.v(fWallet)
	if v, ok := l.wallets[string(keyOf(wallet, b[:0]))]; ok && wallet != "" {
		cd.Wallet = v
	} else if wallet != "" {
		cd.Wallet = normWallet(wallet)
	} else {
		cd.Wallet = l.defWallet
	}
	cd.Funding = strings.ToLower(rd.v(fFunding))
	if c := rd.v(fCountry); c != "" {
		cd.Country = strings.ToUpper(c)
	}
	cd.BIN = rd.keep(bin(rd.v(fBIN)))
	cd.Last4 = rd.keep(last4(rd.v(fLast4)))
	cd.DeviceLast4 = rd.keep(last4(rd.v(fDeviceLast4)))
	cd.AuthCode = rd.keep(rd.v(fAuthCode))
	if code := rd.v(fResponseCode); code != "" {
		cd.ResponseScheme = l.scheme
		cd.ResponseCode = rd.keep(code)
		cd.ResponseText = rd.keep(rd.v(fResponseText))
		if kind == payment.KindDecline {
			setReason(ev, l.scheme, cd.ResponseCode)
		}
	}
	if reason := rd.v(fDisputeReason); reason != "" {
		switch kind {
		case payment.KindChargeback, payment.KindChargebackReversal, payment.KindSecondChargeback:
			cd.DisputeReason = rd.keep(reason)
			cd.DisputeNetwork = disputeNetwork(cd.Brand)
			if cd.DisputeNetwork != "" {
				setReason(ev, cd.DisputeNetwork, cd.DisputeReason)
			}
		}
	}
	return rd.finish(ev, created, settled, available)
}

// genericAmount reads an amount in the mapping's unit.
func (rd *reader) genericAmount(f field, currency string, required bool) valueAmount {
	if !rd.gen.minor {
		if required {
			return rd.amount(f)
		}
		return rd.optAmount(f)
	}
	s := rd.v(f)
	if s == "" {
		if required {
			rd.bad("empty %s", rd.colName(f))
		}
		return valueAmount{}
	}
	d, why := parseMinor(s, currency)
	if why != "" {
		rd.bad("%s %s: %s", rd.colName(f), csvin.Quote(s), why)
		return valueAmount{}
	}
	return valueAmount{d: d, ok: true}
}
