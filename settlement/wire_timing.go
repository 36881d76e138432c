package settlement

// WireRules are Fedwire's and CHIPS's hours and cut-offs and SWIFT's
// typical timing.
type WireRules struct{}

func defaultWireRules() WireRules { return WireRules{} }

func (r *Rules) wireTimeline(req Request, cal *Calendar) (Timeline, error) {
	return Timeline{Request: req}, nil
}
