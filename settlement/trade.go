package settlement

// TradeRules are the securities settlement cycle and the company's holds.
type TradeRules struct{}

func defaultTradeRules() TradeRules { return TradeRules{} }

func (r *Rules) tradeTimeline(req Request, cal *Calendar) (Timeline, error) {
	return Timeline{Request: req}, nil
}
