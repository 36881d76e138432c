package settlement

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/payinv/payinv/payment"
)

// FuzzWhen asks for timelines at any instant, on any rail, of any kind,
// and checks what must hold for every answer: no panic, steps in time
// order in US Eastern time, each with a key, a sentence and a rule.
func FuzzWhen(f *testing.F) {
	f.Add(int64(1763675400), uint8(0), uint8(0), true, true, int64(100))      // Friday 2026-11-20 4:50 p.m. ET
	f.Add(int64(1764100800), uint8(1), uint8(4), false, false, int64(0))      // Wednesday before Thanksgiving
	f.Add(int64(1772953200), uint8(3), uint8(1), false, true, int64(250000))  // the DST change, March 2026
	f.Add(int64(1798675200), uint8(2), uint8(3), false, true, int64(-5))      // New Year's Eve 2026
	f.Add(int64(-62135596800), uint8(3), uint8(2), true, false, int64(1)<<62) // year 1
	kinds := []string{"", CardAuthorization, CardCapture, CardRefund, CardPayout, CardChargeback, "buy", "sell", "deposit",
		"fedwire", "chips", "swift", "IAT", "PPD", "nonsense"}
	networks := []string{"", CardVisa, CardMastercard, CardAmex, CardDiscover, "diners"}
	rules := DefaultRules()
	f.Fuzz(func(t *testing.T, unix int64, rail, kind uint8, sameDay, credit bool, cents int64) {
		at := time.Unix(unix, 0)
		if at.Year() < 1900 || at.Year() > 2200 {
			t.Skip() // the calendar library's range
		}
		req := Request{
			Rail: Rails[int(rail)%len(Rails)], At: at, SameDay: sameDay, Kind: kinds[int(kind)%len(kinds)],
			Network: networks[int(kind)%len(networks)], Amount: decimal.New(cents, -2), Consumer: credit,
			Direction: payment.Debit,
		}
		if credit {
			req.Direction = payment.Credit
		}
		tl, err := rules.When(req, Fed)
		if err != nil {
			return
		}
		var last time.Time
		for _, s := range tl.Steps {
			if s.Key == "" || s.Sentence == "" || s.Rule == "" {
				t.Fatalf("step %+v lacks a key, sentence or rule", s)
			}
			if s.At.Location() != Eastern {
				t.Fatalf("step %s not in US Eastern time", s.Key)
			}
			end := s.At
			if s.DayOnly {
				end = s.Day().AddDays(1).Time(Eastern).Add(-time.Nanosecond)
			}
			if end.Before(last) && !s.DayOnly {
				t.Fatalf("step %s at %s comes before the step before it (%s)", s.Key, s.At, last)
			}
			if end.After(last) {
				last = end
			}
		}
	})
}
