package settlement

import (
	"fmt"
	"os"

	"github.com/payinv/payinv/mapfile"
)

// Rules are the timing rules that vary by bank, broker and year: cut-off
// times, windows and hold periods. DefaultRules holds the published
// defaults, each with its source; a rules file (LoadRules) overrides any
// of them, since banks and brokers differ and the Fed changes its hours.
type Rules struct {
	ACH   ACHRules   `yaml:"ach" toml:"ach"`
	Wire  WireRules  `yaml:"wire" toml:"wire"`
	Card  CardRules  `yaml:"card" toml:"card"`
	Trade TradeRules `yaml:"trade" toml:"trade"`
}

// DefaultRules returns the published defaults.
func DefaultRules() *Rules {
	return &Rules{ACH: defaultACHRules(), Wire: defaultWireRules(), Card: defaultCardRules(), Trade: defaultTradeRules()}
}

// LoadRules reads a rules file, YAML (.yaml, .yml) or TOML (.toml), over
// the defaults: what the file sets replaces the default, the rest stays. A
// key the rules do not have is an error that names it.
func LoadRules(path string) (*Rules, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	r := DefaultRules()
	if err := mapfile.Decode(data, path, r); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}
