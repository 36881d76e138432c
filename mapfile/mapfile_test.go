package mapfile

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type sample struct {
	Columns map[string]string `yaml:"columns" toml:"columns"`
	Zone    string            `yaml:"time_zone" toml:"time_zone"`
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             sample
		err              string
	}{
		{name: "yaml", file: "m.yaml", data: "columns: {id: ID}\ntime_zone: UTC\n", want: sample{Columns: map[string]string{"id": "ID"}, Zone: "UTC"}},
		{name: "yml", file: "m.YML", data: "time_zone: UTC\n", want: sample{Zone: "UTC"}},
		{name: "toml", file: "m.toml", data: "time_zone = \"UTC\"\n[columns]\nid = \"ID\"\n", want: sample{Columns: map[string]string{"id": "ID"}, Zone: "UTC"}},
		{name: "empty file", file: "m.yaml", data: ""},
		{name: "unknown yaml key", file: "m.yaml", data: "colums: {}\n", err: `line 1: unknown key "colums" (known keys: columns, time_zone)`},
		{name: "unknown toml table", file: "m.toml", data: "[colums]\nid = \"x\"\n", err: `unknown key "colums" (known keys: columns, time_zone)`},
		{name: "unknown toml keys", file: "m.toml", data: "a = 1\nb = 2\n", err: `unknown keys "a", "b"`},
		{name: "bad yaml", file: "m.yaml", data: "columns: [\n", err: "not valid YAML"},
		{name: "bad toml", file: "m.toml", data: "time_zone = \n", err: "not valid TOML: line 1"},
		{name: "two documents", file: "m.yaml", data: "time_zone: UTC\n---\ntime_zone: UTC\n", err: "more than one YAML document"},
		{name: "other extension", file: "m.json", data: "{}", err: `unknown mapping format ".json"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got sample
			err := Decode([]byte(tt.data), tt.file, &got)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// FuzzDecode: no mapping file, however broken, makes Decode panic.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("columns: {id: ID}\ntime_zone: UTC\n"), true)
	f.Add([]byte("[columns]\nid = \"ID\"\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		name := "m.toml"
		if yaml {
			name = "m.yaml"
		}
		var v sample
		_ = Decode(data, name, &v)
	})
}
