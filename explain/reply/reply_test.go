package reply

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/payinv/payinv/payment"
)

func TestMoneyAndDay(t *testing.T) {
	tests := []struct {
		amount, currency, want string
	}{
		{"2500", "USD", "$2,500.00"},
		{"1000000.5", "USD", "$1,000,000.50"},
		{"25", "EUR", "25.00 EUR"},
		{"1500", "JPY", "1,500 JPY"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Money(decimal.RequireFromString(tt.amount), tt.currency))
	}
	assert.Equal(t, "Friday, November 27, 2026", Day(payment.NewDate(2026, time.November, 27)))
	assert.Empty(t, Day(payment.Date{}))
}

func TestEveryTemplateRenders(t *testing.T) {
	f := Facts{RecordID: "DEP-1", FirstName: "Ana", Amount: "$1.00", Deposit: true, Method: "bank transfer", Last4: "1234",
		Requested: "Monday, November 9, 2026", EventOn: "Thursday, November 12, 2026", Complete: true}
	for _, lang := range Languages {
		for _, sit := range Situations {
			for _, tone := range Tones {
				text, err := Templates{}.Render(lang, tone, sit, f)
				require.NoError(t, err, "%s %s %s", lang, sit, tone)
				assert.NotContains(t, text, "<no value>")
				assert.NotContains(t, text, "{{")
			}
		}
	}
}

func TestRenderErrors(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "en"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "en", "deposit_completed.tmpl"),
		[]byte(`{{define "body"}}Custom {{.Amount}}.{{end}}`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "en", "card_declined.tmpl"),
		[]byte(`{{define "body"}}{{.NoSuchField}}{{end}}`), 0o644))
	f := Facts{Amount: "$1.00", Complete: true}
	tests := []struct {
		name, lang, tone string
		sit              Situation
		want, wantErr    string
	}{
		{name: "override", lang: "en", tone: "standard", sit: DepositCompleted, want: "Custom $1.00."},
		{name: "fallback to embedded", lang: "en", tone: "standard", sit: WithdrawalCompleted, want: "Your withdrawal of $1.00"},
		{name: "unknown field", lang: "en", tone: "standard", sit: CardDeclined, wantErr: "NoSuchField"},
		{name: "unknown language", lang: "xx", tone: "standard", sit: DepositCompleted, wantErr: `language "xx": replies are written in `},
		{name: "unknown tone", lang: "en", tone: "casual", sit: DepositCompleted, wantErr: `tone "casual"`},
		{name: "unknown situation", lang: "en", tone: "standard", sit: "nope", wantErr: "no template en/nope.tmpl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := Templates{Dir: dir}.Render(tt.lang, tt.tone, tt.sit, f)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Contains(t, text, tt.want)
		})
	}
}

func TestFirstName(t *testing.T) {
	tests := map[string]string{"Maria Gonzalez": "Maria", "PAUL JONES": "Paul", "Blue Heron LLC": "", "": "", "ÁNGELA MARTÍN": "Ángela"}
	for in, want := range tests {
		assert.Equal(t, want, firstName(in), in)
	}
	full := map[string]string{"Maria Gonzalez": "Maria Gonzalez", "PAUL JONES": "Paul Jones", "Blue Heron LLC": "", "ÁNGELA MARTÍN": "Ángela Martín"}
	for in, want := range full {
		assert.Equal(t, want, fullName(in), in)
	}
}

func TestTidyJoinsCJKWithoutSpaces(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello\n  there,\nfriend.\n\n\nNext", "Hello there, friend.\n\nNext\n"},
		{"您好！\n我们正在核查", "您好！我们正在核查\n"},
		{"お客様の\n口座は", "お客様の口座は\n"},
		{"Apple Pay\n付款", "Apple Pay 付款\n"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tidy(tt.in), tt.in)
	}
}
