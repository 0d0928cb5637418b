package pipeline

// FigureConfig configures figure extraction.
type FigureConfig struct{}
