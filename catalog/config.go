package catalog

import (
	"math"
	"strconv"

	"chitieu/msg"
	"chitieu/notation"
)

// Kind says how an indicator's value is obtained.
type Kind string

const (
	KindCount     Kind = "count"      // submitted by wards; district = sum
	KindFlag      Kind = "flag"       // submitted yes/no as 1/0; not summed
	KindRatio     Kind = "ratio"      // derived: Of[0] / Of[1] x 100
	KindChange    Kind = "change"     // derived: (Of[0] / Of[0] last year - 1) x 100
	KindCountTrue Kind = "count_true" // district only: wards whose Of[0] is 1
)

// Indicator is one row of the catalog.
type Indicator struct {
	ID      string   // stable id used in JSON and the configuration workbook
	Code    string   // "Mã số" on the form, "01".."10"; empty for derived ones
	Label   string   // Vietnamese label users see
	LabelEN string   // English label for --lang en
	Unit    string   // Vietnamese unit
	Kind    Kind     //
	Of      []string // inputs of a derived indicator
	Aliases []string // other labels wards use for it
	AtMost  string   // a count this one cannot exceed (solved cases: cases)
	// Accumulate says how a submitted count adds up over time: "tổng"
	// (flows: revenue, cases, placements) or "cuối kỳ" (stocks: households,
	// registered users, yes/no). Empty for derived indicators.
	Accumulate Accumulation
	Group      string // the review's heading it belongs under ("Kinh tế")
}

// Accumulation is how a count adds up over time.
type Accumulation string

const (
	AccumulateSum  Accumulation = "tổng"    // a flow: periods add up
	AccumulateLast Accumulation = "cuối kỳ" // a stock: the last period's value
)

// ParseAccumulation reads the catalog's "Cộng theo thời gian" column, with
// or without diacritics; "" is ok and means not given.
func ParseAccumulation(s string) (Accumulation, bool) {
	switch notation.Fold(s) {
	case "":
		return "", true
	case notation.Fold(string(AccumulateSum)), "sum", "flow":
		return AccumulateSum, true
	case notation.Fold(string(AccumulateLast)), "last", "stock":
		return AccumulateLast, true
	}
	return "", false
}

// Submitted reports whether wards send this indicator themselves.
func (ind Indicator) Submitted() bool { return ind.Kind == KindCount || ind.Kind == KindFlag }

// DistrictOnly reports whether the indicator exists only for the district.
func (ind Indicator) DistrictOnly() bool { return ind.Kind == KindCountTrue }

// Target is a Congress target for one indicator.
type Target struct {
	Indicator string
	Kind      TargetKind // empty means KindEachPeriod
	Op        string     // ">=" or "<="
	Value     float64    // decides every status and verdict
	Stretch   *float64   // the better end of a range ("3 - 4 %": 3), if any
	Deadline  int        // by_deadline: the year to reach Value by; 0 = the term's last year
	Source    string     // the resolution's sentence
}

// String gives the comparison as text, such as ">= 12" or "<= 4 (3)".
func (t Target) String() string {
	s := t.Op + " " + strconv.FormatFloat(t.Value, 'f', -1, 64)
	if t.Stretch != nil {
		s += " (" + strconv.FormatFloat(*t.Stretch, 'f', -1, 64) + ")"
	}
	return s
}

// TargetKind returns the kind, each_period when none was given.
func (t Target) TargetKind() TargetKind {
	if t.Kind == "" {
		return KindEachPeriod
	}
	return t.Kind
}

// Met reports whether v satisfies the target.
func (t Target) Met(v float64) bool { return t.AtLeastAsGood(v, t.Value) }

// StretchMet reports whether v reaches the better end of a range.
func (t Target) StretchMet(v float64) bool { return t.Stretch != nil && t.AtLeastAsGood(v, *t.Stretch) }

// AtLeastAsGood reports whether v is at or on the better side of ref, in
// the target's direction.
// A difference within floating-point noise (45/50 - 1 is -9.999999999999998
// %, not -10 %) counts as equal.
func (t Target) AtLeastAsGood(v, ref float64) bool {
	tolerance := 1e-9 * max(1, math.Abs(ref))
	if t.Op == "<=" {
		return v <= ref+tolerance
	}
	return v >= ref-tolerance
}

// Gap is v minus the target, signed so that a positive gap is better.
func (t Target) Gap(v float64) float64 {
	if t.Op == "<=" {
		return t.Value - v
	}
	return v - t.Value
}

// Unit is a reporting unit (a ward) with the other names it arrives under.
type Unit struct {
	Name    string
	Aliases []string
	// From and To are the first and last periods the unit reports for
	// (period ids; "" is no limit): "2024" in To means through the end of
	// 2024. See boundary.go.
	From, To string
}

// Config is the catalog, the targets and the reporting units in force.
type Config struct {
	Source     string // "built-in" or the path of the configuration workbook
	District   string // the district the units belong to, for titles
	Indicators []Indicator
	Targets    []Target
	Units      []Unit
	Term       *Term    // the Congress term the targets belong to; nil: none
	Plans      []Plan   // the years' plans (Kế hoạch sheet)
	Changes    []Change // boundary changes, in the order configured (boundary.go)
}

// Indicator returns the catalog entry with the given id.
func (c *Config) Indicator(id string) (Indicator, bool) {
	for _, ind := range c.Indicators {
		if ind.ID == id {
			return ind, true
		}
	}
	return Indicator{}, false
}

// Target returns the target for an indicator, if it has one.
func (c *Config) Target(id string) (Target, bool) {
	for _, t := range c.Targets {
		if t.Indicator == id {
			return t, true
		}
	}
	return Target{}, false
}

// Validate checks that derived indicators name known inputs and targets name
// known indicators, so that an edited configuration workbook fails early.
func (c *Config) Validate() error {
	seen := map[string]bool{}
	for _, ind := range c.Indicators {
		if ind.ID == "" {
			return msg.NewError(msg.ConfigIndicatorNoID)
		}
		if seen[ind.ID] {
			return msg.NewError(msg.ConfigIndicatorTwice, ind.ID)
		}
		seen[ind.ID] = true
	}
	for _, ind := range c.Indicators {
		switch ind.Kind {
		case KindCount, KindFlag:
		case KindRatio:
			if len(ind.Of) != 2 {
				return msg.NewError(msg.ConfigRatioInputs, ind.ID, len(ind.Of))
			}
		case KindChange, KindCountTrue:
			if len(ind.Of) != 1 {
				return msg.NewError(msg.ConfigOneInput, ind.ID, len(ind.Of))
			}
		default:
			return msg.NewError(msg.ConfigIndicatorKind, ind.ID, ind.Kind)
		}
		if ind.Accumulate != "" && ind.Accumulate != AccumulateSum && ind.Accumulate != AccumulateLast {
			return msg.NewError(msg.ConfigAccumulate, ind.ID, ind.Accumulate, AccumulateSum, AccumulateLast)
		}
		if ind.AtMost != "" {
			if other, ok := c.Indicator(ind.AtMost); !ok || other.Kind != KindCount || ind.Kind != KindCount {
				return msg.NewError(msg.ConfigAtMost, ind.ID, ind.AtMost)
			}
		}
		for _, in := range ind.Of {
			src, ok := c.Indicator(in)
			if !ok || !src.Submitted() {
				return msg.NewError(msg.ConfigInputNotReported, ind.ID, in)
			}
		}
	}
	for _, t := range c.Targets {
		if !seen[t.Indicator] {
			return msg.NewError(msg.ConfigTargetIndicator, t.Indicator)
		}
		if err := t.Check(c.Term); err != nil {
			return err
		}
	}
	if c.Term != nil {
		if err := c.Term.Check(); err != nil {
			return err
		}
	}
	for _, p := range c.Plans {
		if err := p.Check(c); err != nil {
			return err
		}
	}
	if len(c.Units) == 0 {
		return msg.NewError(msg.ConfigNoUnits)
	}
	if err := c.CheckBoundaries(); err != nil {
		return err
	}
	owner := map[string]string{} // unit key -> unit name
	for _, u := range c.Units {
		for _, name := range append([]string{u.Name}, u.Aliases...) {
			for _, k := range unitKeys(name) {
				if other, taken := owner[k]; taken && other != u.Name {
					return msg.NewError(msg.ConfigWardNameTwice, name, other, u.Name)
				}
				owner[k] = u.Name
			}
		}
	}
	return nil
}
