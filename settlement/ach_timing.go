package settlement

// ACHRules are the FedACH windows and the company's bank's cut-offs.
type ACHRules struct{}

func defaultACHRules() ACHRules { return ACHRules{} }

func (r *Rules) achTimeline(req Request, cal *Calendar) (Timeline, error) {
	return Timeline{Request: req}, nil
}
