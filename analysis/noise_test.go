package analysis

import (
	"fmt"
	"math"
	"math/rand"
	"testing"

	"chitieu/catalog"
	"chitieu/msg"
)

// poisson draws a Poisson count with mean lambda: Knuth's method on pieces
// of at most 30 (a sum of Poisson counts is one).
func poisson(rng *rand.Rand, lambda float64) float64 {
	n := 0
	for lambda > 0 {
		piece := min(lambda, 30)
		lambda -= piece
		limit, p := math.Exp(-piece), rng.Float64()
		for p > limit {
			n++
			p *= rng.Float64()
		}
	}
	return float64(n)
}

// noiseCase is generated monthly data with typing errors planted in it.
type noiseCase struct {
	cfg     *catalog.Config
	subs    []Submission
	planted map[string]string // "ward|period|indicator" of planted errors -> "x10" or "/10"
	clean   int               // figures judged that hold no planted error
}

// noisyMonths describes generated monthly forms: wards send the last months of
// years years, counts indicators each.
type noisyMonths struct {
	wards, counts, years, months int
	rate                         float64 // the share of figures with a typing error
	season, wobble               float64 // seasonal swing and month-to-month wobble, as shares
}

// generate makes the forms, Poisson-like: a mean per ward and indicator
// between 0.3 and 300 a month (log-uniform), a seasonal swing, a fall of
// 10 % a year, and a month-to-month wobble on top of the Poisson noise.
// Each form gives the month and the same month last year. In a share rate
// of this period's figures a typing error is planted: x10 (a digit typed
// twice), or /10 (a digit dropped) where the figure is at least 10; never
// where the error would leave it as it was.
func (g noisyMonths) generate(seed int64) noiseCase {
	wards, counts, years, months, rate := g.wards, g.counts, g.years, g.months, g.rate
	rng := rand.New(rand.NewSource(seed))
	cfg := &catalog.Config{Source: "test"}
	for i := range counts {
		cfg.Indicators = append(cfg.Indicators, catalog.Indicator{ID: fmt.Sprintf("c%d", i), Label: fmt.Sprintf("Count %d", i), Unit: "vụ", Kind: catalog.KindCount})
	}
	for w := range wards {
		cfg.Units = append(cfg.Units, catalog.Unit{Name: fmt.Sprintf("Phường %d", w+1)})
	}
	nc := noiseCase{cfg: cfg, planted: map[string]string{}}
	for _, u := range cfg.Units {
		truth := make([][]float64, counts) // indicator -> month since the start
		for i := range counts {
			base := 0.3 * math.Pow(1000, rng.Float64())
			phase := rng.Float64() * 2 * math.Pi
			for m := range years * 12 {
				mean := base * (1 + g.season*math.Sin(phase+float64(m)*math.Pi/6)) * math.Pow(0.9, float64(m/12)) *
					math.Exp(g.wobble*rng.NormFloat64())
				truth[i] = append(truth[i], poisson(rng, mean))
			}
		}
		for m := years*12 - months; m < years*12; m++ {
			period := fmt.Sprintf("%d-%02d", 2001+m/12, m%12+1)
			s := Submission{File: u.Name + " " + period + ".xlsx", Sheet: "BC", Ward: u.Name, Period: period, Origin: u.Name}
			for i, ind := range cfg.Indicators {
				cur, prev := truth[i][m], truth[i][m-12]
				if rng.Float64() < rate && cur > 0 {
					kind := "x10"
					if cur >= 10 && rng.Intn(2) == 0 {
						kind = "/10"
					}
					if kind == "x10" {
						cur *= 10
					} else {
						cur = math.Floor(cur / 10)
					}
					nc.planted[u.Name+"|"+period+"|"+ind.ID] = kind
				} else {
					nc.clean++
				}
				at := func(col string, v float64) Figure {
					return Figure{Value: v, Known: true, Source: Cell{File: s.File, Sheet: "BC", Ref: fmt.Sprintf("%s%d", col, 5+i)}}
				}
				s.Observations = append(s.Observations, Observation{Indicator: ind.ID, Current: at("D", cur), Previous: at("E", prev)})
			}
			nc.subs = append(nc.subs, s)
		}
	}
	return nc
}

// rates runs the analysis and measures the noise rule: the share of planted
// errors it flags, by kind, and the share of clean figures it flags.
func (nc noiseCase) rates(t *testing.T) (caught map[string]float64, falseAlarms float64) {
	res := Analyze(nc.cfg, nc.subs, nil)
	flagged := map[string]bool{}
	for _, p := range res.Problems {
		switch p.Code {
		case msg.BigChange, msg.Outlier:
			flagged[p.Ward+"|"+p.Period+"|"+p.Indicator] = true
		case msg.Revised: // a planted error, seen again from next year's form
		default:
			t.Fatalf("unexpected problem: %s", p.Format("en"))
		}
	}
	hits, total := map[string]int{}, map[string]int{}
	for key, kind := range nc.planted {
		total[kind]++
		if flagged[key] {
			hits[kind]++
		}
	}
	caught = map[string]float64{}
	all := 0
	for kind, n := range total {
		caught[kind] = float64(hits[kind]) / float64(n)
		all += hits[kind]
	}
	caught["all"] = float64(all) / float64(len(nc.planted))
	return caught, float64(len(flagged)-all) / float64(nc.clean)
}

// TestNoiseRule: on monthly forms of Poisson-like counts, with the wards'
// earlier months in the input, at least 90 % of the planted x10 and /10
// typing errors are caught and under 1 % of the clean figures flagged; the
// same with seasons and wobbles twice as large. Without earlier months (a
// ward's one form, against the same month last year) small counts cannot
// tell a x10 from chance as well, but the clean figures stay quiet.
func TestNoiseRule(t *testing.T) {
	tests := []struct {
		name                string
		g                   noisyMonths
		minCaught, maxFalse float64
	}{
		{"monthly, with history", noisyMonths{wards: 120, counts: 8, years: 3, months: 24, rate: 0.02, season: 0.15, wobble: 0.1}, 0.9, 0.01},
		{"monthly, twice as seasonal", noisyMonths{wards: 120, counts: 8, years: 3, months: 24, rate: 0.02, season: 0.3, wobble: 0.2}, 0.9, 0.01},
		{"one month, no history", noisyMonths{wards: 2000, counts: 8, years: 2, months: 1, rate: 0.05, season: 0.15, wobble: 0.1}, 0.75, 0.01},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nc := tt.g.generate(16)
			caught, falseAlarms := nc.rates(t)
			t.Logf("%d planted errors, %d clean figures: caught %.1f %% (x10 %.1f %%, /10 %.1f %%), clean flagged %.2f %%",
				len(nc.planted), nc.clean, 100*caught["all"], 100*caught["x10"], 100*caught["/10"], 100*falseAlarms)
			if caught["all"] < tt.minCaught || caught["x10"] < tt.minCaught || caught["/10"] < tt.minCaught {
				t.Errorf("caught %v, want at least %v", caught, tt.minCaught)
			}
			if falseAlarms >= tt.maxFalse {
				t.Errorf("%.2f %% of clean figures flagged, want under %v %%", 100*falseAlarms, 100*tt.maxFalse)
			}
		})
	}
}

func TestBigChange(t *testing.T) {
	tests := []struct {
		cur, prev float64
		want      bool
	}{
		{70, 30, true},      // the planted case of TestTypingRules
		{3, 9, false},       // small counts move that much by chance
		{10, 1, false},      // 1 to 10 happens to counts that small
		{12, 0, true},       // from none to 12
		{8, 0, false},       // from none to 8
		{21, 10, false},     // doubled, but 31 split 21:10 is not rare
		{200, 100, true},    // doubled in large counts
		{90, 130, false},    // less than half
		{1500.5, 800, true}, // money: the normal approximation
		{0, 0, false},
	}
	for _, tt := range tests {
		if got := bigChange(tt.cur, tt.prev); got != tt.want {
			t.Errorf("bigChange(%v, %v) = %v, want %v (tail %g)", tt.cur, tt.prev, got, tt.want, pairTail(tt.cur, tt.prev))
		}
	}
}

func TestOutlier(t *testing.T) {
	repeat := func(vs ...float64) []float64 { return append(append(vs, vs...), vs...) }
	tests := []struct {
		name    string
		history []float64
		x       float64
		want    bool
	}{
		{"a digit dropped", repeat(12, 9, 15, 11), 1, true},
		{"a digit typed twice", repeat(2, 0, 3, 1), 20, true},
		{"a busy month of small counts", repeat(2, 0, 3, 1), 6, false},
		{"no case for years, then one", repeat(0, 0, 0, 0), 1, false},
		{"no case for years, then eight", repeat(0, 0, 0, 0), 8, true},
		{"a seasonal high", repeat(100, 130, 160, 90), 200, false},
		{"x10 in seasonal money", repeat(3000, 3900, 4800, 2700), 39000, true},
		{"/10 in seasonal money", repeat(3000, 3900, 4800, 2700), 390, true},
	}
	for _, tt := range tests {
		h := newHistory(append(tt.history, tt.x))
		if got := h.outlier(tt.x); got != tt.want {
			t.Errorf("%s: outlier(%v) among %v = %v, want %v", tt.name, tt.x, tt.history, got, tt.want)
		}
	}
}
