// Package mapfile reads the mapping files users write to describe a file
// layout payinv has no built-in reader for (the company's records, a card
// processor's export): YAML or TOML as the file's extension says, strictly,
// so that a misspelt key is an error that names it and the keys there are.
package mapfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// Decode fills v, a pointer to a struct with yaml and toml tags, from
// data, YAML (.yaml, .yml) or TOML (.toml) by the extension of name. An
// empty file leaves v as it is. Errors do not name the file: callers add
// it.
func Decode(data []byte, name string, v any) error {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".yaml", ".yml":
		return decodeYAML(data, v)
	case ".toml":
		return decodeTOML(data, v)
	default:
		return fmt.Errorf("unknown mapping format %q: want .yaml, .yml or .toml", ext)
	}
}

func decodeYAML(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // an empty file
		}
		var te *yaml.TypeError
		if errors.As(err, &te) {
			msgs := make([]string, len(te.Errors))
			for i, e := range te.Errors {
				msgs[i] = yamlMessage(e, v)
			}
			return errors.New(strings.Join(msgs, "; "))
		}
		return fmt.Errorf("not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return errors.New("more than one YAML document; a mapping is one document")
	}
	return nil
}

// yamlMessage rewords yaml.v3's "line 3: field foo not found in type
// records.Mapping" as "line 3: unknown key "foo" (known keys: …)".
func yamlMessage(e string, v any) string {
	const pre, post = "field ", " not found in type "
	if i := strings.Index(e, pre); i >= 0 {
		if j := strings.Index(e[i:], post); j > 0 {
			return e[:i] + fmt.Sprintf("unknown key %q (known keys: %s)", e[i+len(pre):i+j], knownKeys(v))
		}
	}
	return e
}

func decodeTOML(data []byte, v any) error {
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fmt.Errorf("not valid TOML: line %d: %s", pe.Position.Line, pe.Message)
		}
		return fmt.Errorf("not valid TOML: %s", strings.TrimPrefix(err.Error(), "toml: "))
	}
	if und := md.Undecoded(); len(und) > 0 {
		// Name each unknown table once, not every key inside it.
		seen := make(map[string]bool, len(und))
		var keys []string
		for _, k := range und {
			seen[k.String()] = true
			if len(k) > 1 && seen[k[:len(k)-1].String()] {
				continue
			}
			keys = append(keys, fmt.Sprintf("%q", k.String()))
		}
		noun := "key"
		if len(keys) > 1 {
			noun = "keys"
		}
		return fmt.Errorf("unknown %s %s (known keys: %s)", noun, strings.Join(keys, ", "), knownKeys(v))
	}
	return nil
}

// knownKeys lists the yaml tags of the struct v points to, in field order.
func knownKeys(v any) string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return ""
	}
	var keys []string
	for i := range t.NumField() {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); tag != "" && tag != "-" {
			keys = append(keys, tag)
		}
	}
	return strings.Join(keys, ", ")
}

// Checker is a mapping that can say what is wrong with it.
type Checker interface{ Validate() error }

// Parse decodes data into v (see Decode) and checks it; errors name the
// file (name) and everything wrong.
func Parse(data []byte, name string, v Checker) error {
	if err := Decode(data, name, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := v.Validate(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Load reads the mapping file at path into v and checks it.
func Load(path string, v Checker) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("mapping: %w", err)
	}
	return Parse(data, path, v)
}
