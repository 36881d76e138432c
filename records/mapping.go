package records

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	_ "time/tzdata" // America/New_York and every other zone, on any machine

	"github.com/payinv/payinv/mapfile"
	"github.com/payinv/payinv/payment"
)

// DefaultTimeZone is the zone of dates and times written without one,
// unless a mapping names another.
const DefaultTimeZone = "America/New_York"

// Field names: the names of Record's fields in the default layout, and the
// keys of a mapping's columns and defaults.
const (
	FieldID           = "id"
	FieldCustomerID   = "customer_id"
	FieldType         = "type"
	FieldRail         = "rail"
	FieldAmount       = "amount"
	FieldCurrency     = "currency"
	FieldCreatedAt    = "created_at"
	FieldStatus       = "status"
	FieldReference    = "reference"
	FieldAccountLast4 = "account_last4"
	FieldName         = "name"
)

// Sign conventions a mapping can name in its sign key.
const (
	// SignTypeColumn: amounts are positive and the type column says the
	// direction (the default). A negative amount is accepted on a
	// withdrawal and read as its absolute value.
	SignTypeColumn = "type_column"
	// SignSigned: negative amounts are withdrawals, positive amounts
	// deposits; the type column may be absent.
	SignSigned = "signed"
	// SignSignedInverted: negative amounts are deposits, positive amounts
	// withdrawals (exports written from the customer's side).
	SignSignedInverted = "signed_inverted"
)

// Amount units a mapping can name in its amount_unit key.
const (
	UnitMajor = "major" // amounts as written in the currency: 1234.56 (the default)
	UnitMinor = "minor" // whole numbers of the minor unit: 123456 cents is 1234.56
)

// field indexes, in the order of the default layout.
const (
	fID = iota
	fCustomerID
	fType
	fRail
	fAmount
	fCurrency
	fCreatedAt
	fStatus
	fReference
	fAccountLast4
	fName
	numFields
)

var fieldNames = [numFields]string{
	FieldID, FieldCustomerID, FieldType, FieldRail, FieldAmount, FieldCurrency,
	FieldCreatedAt, FieldStatus, FieldReference, FieldAccountLast4, FieldName,
}

// defaultable are the fields a mapping's defaults may give a value.
var defaultable = []string{FieldCurrency, FieldRail, FieldStatus, FieldType}

// statuses are the Status constants, the values a mapping's statuses may
// map onto.
var statuses = []string{
	StatusPending, StatusCompleted, StatusFailed, StatusReturned,
	StatusReversed, StatusRefunded, StatusChargedBack, StatusCancelled,
}

var rails = []string{RailACH, RailCard, RailApplePay, RailWire}

// Rails lists the rails a record can name.
func Rails() []string { return slices.Clone(rails) }

// Mapping describes a records layout other than the default one. Every key
// is optional; an empty value means the default. In YAML:
//
//	# columns: our field name → their column name (CSV) or key (JSON Lines).
//	# Fields not listed keep their default name (id, customer_id, type,
//	# rail, amount, currency, created_at, status, reference,
//	# account_last4, name). Column names match case-insensitively.
//	columns:
//	  id: Transaktions-ID
//	  amount: Betrag
//	  created_at: Buchungsdatum
//
//	# delimiter: the CSV field separator, one character (default ",";
//	# "\t" or "tab" for tab-separated files). Ignored for JSON Lines.
//	delimiter: ";"
//
//	# date_formats: Go time layouts for created_at, tried before the
//	# built-in forms (RFC 3339, 2006-01-02 15:04:05, 2006-01-02,
//	# 01/02/2006 15:04, 01/02/2006, Unix seconds). Write dd.mm.yyyy as
//	# 02.01.2006.
//	date_formats: ["02.01.2006", "02.01.2006 15:04"]
//
//	# time_zone: the IANA zone of times written without an offset
//	# (default America/New_York).
//	time_zone: Europe/Berlin
//
//	# amount_unit: major (default; 1234.56) or minor (integers in the
//	# currency's minor unit: 123456 cents; 0 decimals for JPY and the like,
//	# 3 for BHD, KWD ...).
//	amount_unit: minor
//
//	# sign: type_column (default: amounts are positive and the type column
//	# says the direction), signed (negative amounts are withdrawals, the
//	# type column may be absent) or signed_inverted (negative amounts are
//	# deposits). In the signed conventions a type column that is present
//	# must agree with the sign.
//	sign: signed
//
//	# types: their type value → deposit or withdrawal; looked up before the
//	# built-in words (case-insensitive), so it can override them.
//	types: {CR: deposit, DR: withdrawal}
//
//	# rails: their rail value → ach, card, apple_pay or wire.
//	rails: {SEPA: wire, Lastschrift: ach}
//
//	# statuses: their status value → pending, completed, failed, returned,
//	# reversed, refunded, charged_back or cancelled. Statuses not listed
//	# and not built in are kept as written, lower-cased.
//	statuses: {SETTLED: completed, RETURNED: returned}
//
//	# thousands_separator: the digit-group separator of amounts: "," "."
//	# " " "'" or "_". Without it, "," is accepted only where it cannot be a
//	# decimal point (1,234.56 or 1,234,567, not 1,234).
//	thousands_separator: "."
//
//	# decimal_separator: "." (default) or ","; defaults to "," when the
//	# thousands separator is ".".
//	decimal_separator: ","
//
//	# defaults: values for fields a file leaves out or empty: currency
//	# (otherwise USD), rail, status, type.
//	defaults: {currency: EUR, rail: wire}
//
// The same in TOML uses the same keys, with [columns], [types] ... tables.
type Mapping struct {
	// Columns maps our field names to their column names or JSON keys.
	Columns map[string]string `yaml:"columns" toml:"columns"`
	// Delimiter is the CSV field separator: one character, or "tab".
	Delimiter string `yaml:"delimiter" toml:"delimiter"`
	// DateFormats are Go time layouts tried first for created_at.
	DateFormats []string `yaml:"date_formats" toml:"date_formats"`
	// TimeZone is the IANA zone of times written without an offset.
	TimeZone string `yaml:"time_zone" toml:"time_zone"`
	// AmountUnit is UnitMajor or UnitMinor.
	AmountUnit string `yaml:"amount_unit" toml:"amount_unit"`
	// Sign is SignTypeColumn, SignSigned or SignSignedInverted.
	Sign string `yaml:"sign" toml:"sign"`
	// Types maps their type values to deposit or withdrawal.
	Types map[string]string `yaml:"types" toml:"types"`
	// Rails maps their rail values to ach, card, apple_pay or wire.
	Rails map[string]string `yaml:"rails" toml:"rails"`
	// Statuses maps their status values to the Status constants.
	Statuses map[string]string `yaml:"statuses" toml:"statuses"`
	// ThousandsSeparator groups the digits of amounts.
	ThousandsSeparator string `yaml:"thousands_separator" toml:"thousands_separator"`
	// DecimalSeparator separates the decimals of amounts.
	DecimalSeparator string `yaml:"decimal_separator" toml:"decimal_separator"`
	// Defaults gives currency, rail, status or type a value where a file
	// leaves it out.
	Defaults map[string]string `yaml:"defaults" toml:"defaults"`
}

// DefaultMapping returns the default layout spelled out: every column under
// its own name, comma-delimited, times in America/New_York, amounts in
// major units and positive, the type column giving the direction.
func DefaultMapping() *Mapping {
	cols := make(map[string]string, numFields)
	for _, f := range fieldNames {
		cols[f] = f
	}
	return &Mapping{
		Columns:          cols,
		Delimiter:        ",",
		TimeZone:         DefaultTimeZone,
		AmountUnit:       UnitMajor,
		Sign:             SignTypeColumn,
		DecimalSeparator: ".",
	}
}

// LoadMapping reads a mapping file, YAML (.yaml, .yml) or TOML (.toml) by
// its extension, and checks it. Errors name the file and everything wrong.
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

// signMode is a sign convention, compiled.
type signMode uint8

const (
	signTypeColumn signMode = iota
	signSigned
	signInverted
)

// layout is a Mapping made ready for reading.
type layout struct {
	columns   [numFields]string // the column name or JSON key of each field
	keys      map[string][]int  // lower-cased column name → its fields
	delim     rune
	formats   []string
	loc       *time.Location
	minor     bool
	sign      signMode
	types     map[string]Type   // lower-cased their value → type
	rails     map[string]string // lower-cased
	statuses  map[string]string // lower-cased
	thousands rune              // 0: none declared
	decimal   rune
	// defaults, checked
	defCurrency string
	defRail     string
	defStatus   string
	defType     Type
}

var defaultLoc = sync.OnceValues(func() (*time.Location, error) {
	return time.LoadLocation(DefaultTimeZone)
})

var defaultLayout = sync.OnceValues(func() (*layout, error) {
	return compileMapping(&Mapping{})
})

// compile checks m and turns it into a layout; a nil Mapping is the
// default layout.
func (m *Mapping) compile() (*layout, error) {
	if m == nil {
		return defaultLayout()
	}
	return compileMapping(m)
}

func compileMapping(m *Mapping) (*layout, error) {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	l := &layout{columns: fieldNames, delim: ',', decimal: '.', defCurrency: "USD"}

	for _, k := range sortedKeys(m.Columns) {
		i := slices.Index(fieldNames[:], strings.ToLower(strings.TrimSpace(k)))
		switch {
		case i < 0:
			bad("columns: unknown field %q (fields: %s)", k, strings.Join(fieldNames[:], ", "))
		case strings.TrimSpace(m.Columns[k]) == "":
			bad("columns: %s: empty column name", k)
		default:
			l.columns[i] = strings.TrimSpace(m.Columns[k])
		}
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

	ref := time.Date(2009, 11, 17, 20, 34, 58, 0, time.UTC) // no element equals its layout
	for _, f := range m.DateFormats {
		s := ref.Format(f)
		if _, err := time.Parse(f, s); strings.TrimSpace(f) == "" || s == f || err != nil {
			bad("date_formats: %q is not a Go time layout (write dd.mm.yyyy as 02.01.2006, yyyy-mm-dd hh:mm as 2006-01-02 15:04)", f)
			continue
		}
		l.formats = append(l.formats, f)
	}

	switch tz := strings.TrimSpace(m.TimeZone); tz {
	case "":
		loc, err := defaultLoc()
		if err != nil {
			bad("time_zone: %v", err)
		}
		l.loc = loc
	case "Local":
		bad("time_zone: \"Local\" depends on the machine; name the zone, e.g. America/New_York")
	default:
		loc, err := time.LoadLocation(tz)
		if err != nil {
			bad("time_zone %q: not a known IANA time zone (e.g. America/New_York, Europe/Berlin, UTC)", tz)
		}
		l.loc = loc
	}

	switch strings.TrimSpace(m.AmountUnit) {
	case "", UnitMajor:
	case UnitMinor:
		l.minor = true
	default:
		bad("amount_unit %q: want major or minor", m.AmountUnit)
	}

	switch strings.TrimSpace(m.Sign) {
	case "", SignTypeColumn:
	case SignSigned:
		l.sign = signSigned
	case SignSignedInverted:
		l.sign = signInverted
	default:
		bad("sign %q: want %s, %s or %s", m.Sign, SignTypeColumn, SignSigned, SignSignedInverted)
	}

	l.types = vocabulary(m.Types, "types", bad, func(v string) (Type, bool) {
		switch Type(v) {
		case Deposit, Withdrawal:
			return Type(v), true
		}
		return "", false
	}, "deposit or withdrawal")
	l.rails = vocabulary(m.Rails, "rails", bad, func(v string) (string, bool) {
		return v, slices.Contains(rails, v)
	}, strings.Join(rails, ", "))
	l.statuses = vocabulary(m.Statuses, "statuses", bad, func(v string) (string, bool) {
		return v, slices.Contains(statuses, v)
	}, strings.Join(statuses, ", "))

	thousands, ok := separator(m.ThousandsSeparator, ",. '_")
	if !ok {
		bad("thousands_separator %q: want one of \",\" \".\" \" \" \"'\" \"_\"", m.ThousandsSeparator)
	}
	l.thousands = thousands
	if thousands == '.' {
		l.decimal = ','
	}
	if dec, ok := separator(m.DecimalSeparator, ".,"); !ok {
		bad("decimal_separator %q: want \".\" or \",\"", m.DecimalSeparator)
	} else if dec != 0 {
		l.decimal = dec
	}
	if l.thousands != 0 && l.thousands == l.decimal {
		bad("thousands_separator and decimal_separator are both %q", string(l.decimal))
	}

	for _, k := range sortedKeys(m.Defaults) {
		v := strings.TrimSpace(m.Defaults[k])
		switch strings.ToLower(strings.TrimSpace(k)) {
		case FieldCurrency:
			if c, ok := payment.CurrencyCode(v); ok {
				l.defCurrency = c
			} else {
				bad("defaults: currency %q: want a three-letter ISO 4217 code", v)
			}
		case FieldRail:
			if r, ok := l.rail(v); ok {
				l.defRail = r
			} else {
				bad("defaults: rail %q: want ach, card, apple_pay or wire, or a value listed in rails", v)
			}
		case FieldStatus:
			l.defStatus = l.status(v)
		case FieldType:
			if t, ok := l.typ(v); ok {
				l.defType = t
			} else {
				bad("defaults: type %q: want deposit or withdrawal, or a value listed in types", v)
			}
		default:
			bad("defaults: %q cannot have a default (fields that can: %s)", k, strings.Join(defaultable, ", "))
		}
	}

	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "; "))
	}
	l.keys = make(map[string][]int, numFields)
	for f, col := range l.columns {
		k := strings.ToLower(col)
		l.keys[k] = append(l.keys[k], f)
	}
	return l, nil
}

// vocabulary checks and lower-cases the keys of a value map.
func vocabulary[T any](in map[string]string, key string, bad func(string, ...any), valid func(string) (T, bool), want string) map[string]T {
	if len(in) == 0 {
		return nil
	}
	out := make(map[string]T, len(in))
	seen := make(map[string]string, len(in))
	for _, k := range sortedKeys(in) {
		v := strings.ToLower(strings.TrimSpace(in[k]))
		t, ok := valid(v)
		fk := strings.ToLower(strings.TrimSpace(k))
		switch {
		case fk == "":
			bad("%s: empty value name", key)
		case !ok:
			bad("%s: %q maps to %q: want %s", key, k, in[k], want)
		case seen[fk] != "" && seen[fk] != v:
			bad("%s: %q is listed twice (keys are case-insensitive) with different values", key, k)
		default:
			seen[fk] = v
			out[fk] = t
		}
	}
	return out
}

func separator(s string, allowed string) (rune, bool) {
	switch {
	case s == "":
		return 0, true
	case len(s) == 1 && strings.Contains(allowed, s):
		return rune(s[0]), true
	}
	return 0, false
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
