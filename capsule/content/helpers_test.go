package content

// loadStrict is Load with its problems as its error, as tests of what is
// reported read them: Load itself leaves out what has a problem and
// loads the rest.
func loadStrict(dir string, opts LoadOptions) (*Content, error) {
	c, err := Load(dir, opts)
	if err != nil {
		return nil, err
	}
	if len(c.Problems) > 0 {
		return c, c.Problems
	}
	return c, nil
}
