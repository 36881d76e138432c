package reply

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

//go:embed templates/*/*.tmpl templates/*/language.yaml
var embedded embed.FS

// Languages are the languages replies can be written in: every folder of
// embedded templates with its language.yaml, English first.
var Languages = embeddedLanguages()

func embeddedLanguages() []string {
	entries, _ := embedded.ReadDir("templates")
	out := []string{"en"}
	for _, e := range entries {
		if _, err := embedded.ReadFile("templates/" + e.Name() + "/language.yaml"); err == nil && e.IsDir() && e.Name() != "en" {
			out = append(out, e.Name())
		}
	}
	return out
}

// Tones are the tones replies can be written in: standard, and vip for
// priority clients.
var Tones = []string{"standard", "vip"}

// commonFile holds the blocks every situation shares (openings and
// closings by tone, the note on incomplete evidence).
const commonFile = "_common.tmpl"

// Templates finds reply templates: templates/<lang>/<situation>.tmpl and
// templates/<lang>/_common.tmpl, first in Dir when set (the same layout),
// then in the files embedded in the binary.
type Templates struct {
	// Dir overrides the embedded templates file by file; "" for none.
	Dir string
}

// Reply is a rendered reply.
type Reply struct {
	Record    string
	Situation Situation
	Lang      string
	Tone      string
	Complete  bool
	Text      string
}

// CheckLang returns an error naming the languages there are when lang is
// not one of them.
func CheckLang(lang string) error {
	if slices.Contains(Languages, lang) {
		return nil
	}
	return fmt.Errorf("language %q: replies are written in %s for now", lang, strings.Join(Languages, ", "))
}

// CheckTone returns an error naming the tones there are when tone is not
// one of them.
func CheckTone(tone string) error {
	if slices.Contains(Tones, tone) {
		return nil
	}
	return fmt.Errorf("tone %q: want %s", tone, strings.Join(Tones, " or "))
}

// Render writes the reply for a situation in a language and tone. Facts
// from Situate are first written in the language (Facts.In: dates,
// amounts, method, reason and missing-information sentences from
// templates/<lang>/language.yaml, which --templates does not override).
// A template that is missing, does not parse, or uses a field Facts does
// not have is an error that names the file.
func (t Templates) Render(lang, tone string, sit Situation, f Facts) (string, error) {
	if err := CheckLang(lang); err != nil {
		return "", err
	}
	if err := CheckTone(tone); err != nil {
		return "", err
	}
	f, err := f.In(lang)
	if err != nil {
		return "", err
	}
	f.VIP = tone == "vip"
	root := template.New(tone).Option("missingkey=error").Funcs(template.FuncMap{"join": strings.Join})
	for _, name := range []string{commonFile, string(sit) + ".tmpl"} {
		text, file, err := t.read(lang, name)
		if err != nil {
			return "", err
		}
		if _, err := root.New(file).Parse(text); err != nil {
			return "", fmt.Errorf("template %s: %w", file, err)
		}
	}
	if root.Lookup(tone) == nil {
		return "", fmt.Errorf("templates for %s/%s: no %q block", lang, sit, tone)
	}
	var b bytes.Buffer
	if err := root.ExecuteTemplate(&b, tone, f); err != nil {
		return "", fmt.Errorf("reply %s (%s, %s): %w", sit, lang, tone, err)
	}
	return tidy(b.String()), nil
}

// read returns a template file's text and the name to report it by.
func (t Templates) read(lang, name string) (string, string, error) {
	if t.Dir != "" {
		path := filepath.Join(t.Dir, lang, name)
		data, err := os.ReadFile(path)
		if err == nil {
			return string(data), path, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", "", fmt.Errorf("template %s: %w", path, err)
		}
	}
	path := "templates/" + lang + "/" + name
	data, err := embedded.ReadFile(path)
	if err != nil {
		return "", "", fmt.Errorf("no template %s/%s", lang, name)
	}
	return string(data), "embedded " + path, nil
}

// tidy joins the lines of each paragraph that templates break for
// readability, and leaves one blank line between paragraphs.
func tidy(s string) string {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = joinWords(strings.Fields(p)); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n") + "\n"
}

// joinWords joins the words of a paragraph with spaces, except between
// two pieces of Chinese or Japanese text, which is written without them.
func joinWords(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(words[i-1])
			next, _ := utf8.DecodeRuneInString(w)
			if !isCJK(prev) || !isCJK(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

// isCJK reports whether r is written without spaces around it: Han,
// Hiragana, Katakana, and CJK and full-width punctuation.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// Money writes an amount for a customer in English: "$2,500.00" in US
// dollars, "1,250.00 EUR" in other currencies, with payment.FormatAmount's
// digits. Language.Money writes it in another language.
func Money(d decimal.Decimal, currency string) string {
	return english().Money(d, currency)
}
