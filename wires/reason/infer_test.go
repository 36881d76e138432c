package reason

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestInfer(t *testing.T) {
	tests := []struct {
		text string
		want string // "" for nothing inferred
	}{
		{"RETURN OF FUNDS ACCT CLOSED", "AC04"},
		{"return of funds - account closed ref 20261110MMQFMP2K000123", "AC04"},
		{"A/C CLOSED", "AC04"},
		{"BENEFICIARY NAME MISMATCH", "BE01"},
		{"RTN - NAME DOESN'T MATCH ACCOUNT", "BE01"},
		{"NO SUCH ACCOUNT", "AC01"},
		{"INVALID ACCOUNT NUMBER", "AC01"},
		{"UNABLE TO APPLY", "RUTA"},
		{"RETURN UTA", "RUTA"},
		{"DUPLICATE", "DUPL"},
		{"DUPLICATE PAYMENT RETURNED", "DUPL"},
		{"REFUSED BY BENEFICIARY", "MS02"},
		{"ACCOUNT FROZEN", "AC06"},
		{"ACCOUNT BLOCKED", "AC06"},
		{"WRONG BENEFICIARY BANK", "AGNT"},
		{"RETURN PER YOUR REQUEST", "FOCR"},
		{"RETURNED PER YOUR RECALL DATED 11/12", "FOCR"},
		{"RETURNED AS REQUESTED BY BENEFICIARY", "MD06"},
		{"INVALID ABA", "RC01"},
		{"NOT OUR CUSTOMER", "BE06"},
		{"RECEIVED AFTER CUT-OFF", "TM01"},
		{"RETURN REASON AC03 SEE ATTACHED", "AC03"},
		{"/RETN/99 /BE04/", "BE04"},
		// Longer phrases win: a name mismatch stated with its account.
		{"ACCOUNT NAME MISMATCH", "BE01"},
		{"INVALID ACCOUNT NUMBER, ACCOUNT CLOSED", "AC01"},
		// Whole words only.
		{"DUPLICATES", ""},
		{"NONDUPLICATE", ""},
		{"UTAH BRANCH", ""},
		{"STATUS UPDATE", ""},
		{"RECALLING", ""},
		// Nothing sensitive is ever inferred; a text that speaks of it
		// is for a person to read.
		{"BENEFICIARY DECEASED", ""},
		{"ACCOUNT CLOSED - DECEASED", ""},
		{"ACCOUNT CLOSED DUE TO FRAUD", ""},
		{"SUSPECTED FRAUD", ""},
		{"BLOCKED PER OFAC", ""},
		{"SANCTIONS HIT ACCOUNT BLOCKED", ""},
		{"ACCOUNT FROZEN BY COURT ORDER", ""},
		{"RETURN REASON FR01", ""},
		{"RETURN REASON MD07", ""},
		{"REASON RR04", ""},
		// Texts that state no reason.
		{"RETURN OF FUNDS", ""},
		{"INVOICE 4471 DEPOSIT WIR-20261110-0001", ""},
		{"", ""},
		{"   ", ""},
		{"\x00\xff\xfe", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, ok := Infer(tt.text)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.want != "", ok)
		})
	}
}

func TestInferGivesOnlyReturnCodesThatAreNotSensitive(t *testing.T) {
	for _, k := range keywords {
		found := Lookup(k.code, SchemeReturn)
		if assert.Len(t, found, 1, k.code) {
			assert.False(t, found[0].Sensitive, k.code)
		}
		for _, w := range k.words {
			got, ok := Infer("RETURN OF FUNDS " + w + " THANK YOU")
			assert.True(t, ok, w)
			assert.NotEmpty(t, got, w)
		}
	}
}

func FuzzInfer(f *testing.F) {
	for _, s := range []string{"RETURN OF FUNDS ACCT CLOSED", "DUPLICATE", "FRAUD", "AC04", "UTA", "a/c closed", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		code, ok := Infer(text)
		if !ok {
			if code != "" {
				t.Fatalf("no reason but code %q", code)
			}
			return
		}
		found := Lookup(code, SchemeReturn)
		if len(found) != 1 || found[0].Scheme != SchemeReturn || found[0].Sensitive {
			t.Fatalf("Infer(%q) = %q: not a non-sensitive return reason", text, code)
		}
	})
}

func BenchmarkInfer(b *testing.B) {
	texts := []string{
		"RETURN OF FUNDS ACCT CLOSED IMAD 20261110MMQFMP2K000123",
		"INVOICE 4471 DEPOSIT WIR-20261110-0001 FOR FURTHER CREDIT TO 4470012345",
		"RETURNED PER YOUR RECALL DATED 11/12",
	}
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Infer(t)
		}
	}
}

func TestKeywordPhrasesAreUnique(t *testing.T) {
	seen := map[string]string{}
	for _, k := range keywords {
		for _, w := range k.words {
			n := normalize(w)
			assert.NotContains(t, seen, n, "%q is a phrase of %s and %s", w, seen[n], k.code)
			seen[n] = k.code
		}
	}
}

func TestInferredCodesMeanTheSameAsStatusReasons(t *testing.T) {
	for _, k := range keywords {
		ret, status := Lookup(k.code, SchemeReturn), Lookup(k.code, SchemeStatus)
		if len(status) == 0 {
			continue // ARDT is a return reason only
		}
		assert.Equal(t, ret[0].Title, status[0].Title, k.code)
	}
}
