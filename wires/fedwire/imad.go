package fedwire

import (
	"fmt"
	"time"

	"github.com/payinv/payinv/payment"
)

// IMAD is a decoded Input Message Accountability Data, the Fedwire Funds
// Service's identifier of a message as the sender put it in: the cycle
// (business) date, the sender's input source and its sequence number,
// "20250310B1QDRCQR000001". Under ISO 20022 it is the GrpHdr/MsgId of
// pacs.008, pacs.009 and pacs.004.
type IMAD struct {
	CycleDate payment.Date
	Source    string // 8 characters, letters and digits
	Sequence  string // 6 digits
}

// String gives the IMAD back in its 22-character form.
func (m IMAD) String() string {
	return fmt.Sprintf("%04d%02d%02d%s%s", m.CycleDate.Year, int(m.CycleDate.Month), m.CycleDate.Day, m.Source, m.Sequence)
}

// ParseIMAD decodes a 22-character IMAD: 8 digits of a valid date, 8
// letters or digits, 6 digits. Lower-case letters are accepted and kept.
func ParseIMAD(s string) (IMAD, error) {
	if len(s) != 22 {
		return IMAD{}, fmt.Errorf("IMAD %q: want 22 characters (cycle date, input source, sequence), got %d", s, len(s))
	}
	day, err := cycleDate(s[:8])
	if err != nil {
		return IMAD{}, fmt.Errorf("IMAD %q: %v", s, err)
	}
	source, ok := alnum(s[8:16])
	if !ok {
		return IMAD{}, fmt.Errorf("IMAD %q: input source %q is not 8 letters or digits", s, s[8:16])
	}
	if !allDigits(s[16:]) {
		return IMAD{}, fmt.Errorf("IMAD %q: sequence %q is not 6 digits", s, s[16:])
	}
	return IMAD{CycleDate: day, Source: source, Sequence: s[16:]}, nil
}

// IsIMAD says whether s has the form of an IMAD.
func IsIMAD(s string) bool {
	_, err := ParseIMAD(s)
	return err == nil
}

// OMAD is a decoded Output Message Accountability Data, the Fedwire Funds
// Service's identifier of a message as delivered to the receiver: cycle
// date, output destination, sequence, and the date and time (Eastern) of
// delivery, "20250310QMGFNP7500070103101100FT03". It is FAIM tag {1120}
// and, under ISO 20022, camt.052 Refs/ClrSysRef and admi.007 MsgId.
type OMAD struct {
	CycleDate   payment.Date
	Destination string // 8 characters
	Sequence    string // 6 digits
	// Output is the instant the message was delivered, in US Eastern time:
	// the MMDD and HHMM of the OMAD in the year of the cycle date (or the
	// year before, for a December delivery on a January cycle date).
	Output      time.Time
	Application string // the Fed's application id, 4 characters
}

// String gives the OMAD back in its 34-character form.
func (m OMAD) String() string {
	return fmt.Sprintf("%04d%02d%02d%s%s%s%s", m.CycleDate.Year, int(m.CycleDate.Month), m.CycleDate.Day,
		m.Destination, m.Sequence, m.Output.Format("01021504"), m.Application)
}

// ParseOMAD decodes a 34-character OMAD.
func ParseOMAD(s string) (OMAD, error) {
	if len(s) != 34 {
		return OMAD{}, fmt.Errorf("OMAD %q: want 34 characters (cycle date, destination, sequence, output date and time, application), got %d", s, len(s))
	}
	day, err := cycleDate(s[:8])
	if err != nil {
		return OMAD{}, fmt.Errorf("OMAD %q: %v", s, err)
	}
	dest, ok := alnum(s[8:16])
	if !ok {
		return OMAD{}, fmt.Errorf("OMAD %q: destination %q is not 8 letters or digits", s, s[8:16])
	}
	if !allDigits(s[16:22]) {
		return OMAD{}, fmt.Errorf("OMAD %q: sequence %q is not 6 digits", s, s[16:22])
	}
	out, err := outputTime(s[22:30], day)
	if err != nil {
		return OMAD{}, fmt.Errorf("OMAD %q: %v", s, err)
	}
	app, ok := alnum(s[30:34])
	if !ok {
		return OMAD{}, fmt.Errorf("OMAD %q: application %q is not 4 letters or digits", s, s[30:34])
	}
	return OMAD{CycleDate: day, Destination: dest, Sequence: s[16:22], Output: out, Application: app}, nil
}

// eastern is US Eastern time, the Fedwire clock.
var eastern = mustLoad("America/New_York")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("fedwire: time zone " + name + " not available: " + err.Error())
	}
	return loc
}

// outputTime reads MMDDHHMM (Eastern) near the cycle date.
func outputTime(s string, cycle payment.Date) (time.Time, error) {
	if !allDigits(s) {
		return time.Time{}, fmt.Errorf("output date and time %q are not MMDDHHMM", s)
	}
	month, day, hour, minute := atoi(s[0:2]), atoi(s[2:4]), atoi(s[4:6]), atoi(s[6:8])
	year := cycle.Year
	if month == 12 && cycle.Month == time.January {
		year-- // delivered on the evening of Dec 31 for the January cycle
	}
	t := time.Date(year, time.Month(month), day, hour, minute, 0, 0, eastern)
	if month < 1 || month > 12 || int(t.Month()) != month || t.Day() != day || hour > 23 || minute > 59 {
		return time.Time{}, fmt.Errorf("output date and time %q are not a valid MMDDHHMM", s)
	}
	return t, nil
}

func cycleDate(s string) (payment.Date, error) {
	if !allDigits(s) {
		return payment.Date{}, fmt.Errorf("cycle date %q is not CCYYMMDD", s)
	}
	d, err := payment.ParseDate(s[:4] + "-" + s[4:6] + "-" + s[6:8])
	if err != nil {
		return payment.Date{}, fmt.Errorf("cycle date %q is not a valid date", s)
	}
	return d, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// alnum returns s and whether it is ASCII letters and digits only. The
// Fed's pattern is upper case; test data (moov-io/wire's samples) has
// lower-case letters too, and they are kept as found.
func alnum(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", false
		}
	}
	return s, true
}
