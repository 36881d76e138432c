package settlement

// CardRules are the card networks' holds and windows.
type CardRules struct{}

func defaultCardRules() CardRules { return CardRules{} }

func (r *Rules) cardTimeline(req Request, cal *Calendar) (Timeline, error) {
	return Timeline{Request: req}, nil
}
