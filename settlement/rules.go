package settlement

// Rules are the timing rules that vary by bank, broker and year: cut-off
// times, windows and hold periods. DefaultRules holds the published
// defaults, each with its source; a rules file (LoadRules) overrides any
// of them, since banks and brokers differ and the Fed changes its hours.
type Rules struct {
	ACH   ACHRules
	Wire  WireRules
	Card  CardRules
	Trade TradeRules
}

// DefaultRules returns the published defaults.
func DefaultRules() *Rules {
	return &Rules{ACH: defaultACHRules(), Wire: defaultWireRules(), Card: defaultCardRules(), Trade: defaultTradeRules()}
}
