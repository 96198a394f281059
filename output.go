// Output helpers shared by the commands: colour, width, display filters and
// the progress bar.

package main

import (
	"fmt"
	"io"
	"time"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/msg"

	"github.com/schollz/progressbar/v3"
)

// colorOn decides colour once: --color, else only on a terminal without
// NO_COLOR.
func colorOn(mode string, sys System) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	return sys.StdoutTTY && sys.Getenv("NO_COLOR") == ""
}

// width is what tables wrap to: the terminal's width when stdout is one,
// else COLUMNS, else 100.
func width(sys System) int {
	if sys.StdoutTTY && sys.TermWidth >= 40 {
		return sys.TermWidth
	}
	var n int
	if _, err := fmt.Sscan(sys.Getenv("COLUMNS"), &n); err == nil && n >= 40 {
		return n
	}
	return 100
}

// selection turns the display flags into an analysis.Selection, resolving
// indicator labels and ward spellings against the configuration.
func selection(o options, cfg *catalog.Config) (analysis.Selection, error) {
	m := catalog.NewMatcher(cfg)
	indicator := func(flag, text string) (string, error) {
		if _, ok := cfg.Indicator(text); ok {
			return text, nil
		}
		if id, ok := m.Indicator(text); ok {
			return id, nil
		}
		return "", usageError{msg.Text(o.lang, msg.CLINoSuchIndicator, flag, text)}
	}
	sel := analysis.Selection{OnlyNotMet: o.onlyNotMet, Period: o.showPeriod}
	for _, text := range o.indicators {
		id, err := indicator("--indicator", text)
		if err != nil {
			return sel, err
		}
		sel.Indicators = append(sel.Indicators, id)
	}
	if o.sortBy != "" {
		id, err := indicator("--sort", o.sortBy)
		if err != nil {
			return sel, err
		}
		sel.SortBy = id
	}
	for _, text := range o.wards {
		name, _, ok := m.Unit(text)
		if !ok {
			return sel, usageError{msg.Text(o.lang, msg.CLINoSuchWard, text)}
		}
		sel.Wards = append(sel.Wards, name)
	}
	return sel, nil
}

// progressBar shows how many files have been read, on stderr, only when
// stderr is a terminal and there are enough files to wait for.
type progressBar struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func progress(sys System) *progressBar {
	if !sys.StderrTTY {
		return &progressBar{}
	}
	return &progressBar{w: sys.Stderr}
}

// Set is ingest's progress callback.
func (p *progressBar) Set(done, total int) {
	if p.w == nil || total < progressFloor {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription("chitieu"),
			progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	p.bar.Set(done)
}

// Finish clears the bar.
func (p *progressBar) Finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// progressFloor is the number of files below which no bar is shown.
const progressFloor = 50
