package catalog

import (
	"math"
	"slices"

	"chitieu/msg"
	"chitieu/notation"
)

// Units that change (mergers): the configuration dates each reporting unit
// (Unit.From, Unit.To) and lists boundary changes (Config.Changes). A
// period's expected units are those valid over the whole of it; every
// comparison that crosses a change is made on the new units, from the old
// units' counts times their shares (see analysis/rebase.go).

// Change is one row of the "Thay đổi địa giới" sheet: from the start of
// period From, Share of Old's territory (and counts) belongs to New.
type Change struct {
	From     string  // period id; the change takes effect at that period's start
	Old, New string  // unit names (canonical once the configuration is checked)
	Share    float64 // 0 < Share <= 1; a split unit has several rows adding up to 1
	Act      string  // the act that decided it ("Căn cứ")
}

// BoundaryError is a configuration value about units or changes that makes
// no sense. Sheet is "units" (Config.Units) or "changes" (Config.Changes),
// Row the index in that list and Field the column, so that the reader can
// name the cell.
type BoundaryError struct {
	Sheet string
	Row   int
	Field string
	Err   *msg.Error
}

func (e *BoundaryError) Error() string { return e.Err.Error() }

// In is the error's text in lang.
func (e *BoundaryError) In(lang string) string { return e.Err.In(lang) }

const (
	boundaryUnits   = "units"
	boundaryChanges = "changes"
)

// monthSpan is a period's months since year 0: [start, end).
func monthSpan(id string) (start, end int, ok bool) {
	p, ok := notation.ParsePeriodID(id)
	if !ok {
		return 0, 0, false
	}
	return p.Start(), p.End(), true
}

// validity is the months over which u is a reporting unit: [from, to).
func (u Unit) validity() (from, to int) {
	from, to = math.MinInt, math.MaxInt
	if s, _, ok := monthSpan(u.From); ok {
		from = s
	}
	if _, e, ok := monthSpan(u.To); ok {
		to = e
	}
	return from, to
}

// Dated reports whether the configuration dates its units or changes them:
// without either, every unit is expected in every period, as before.
func (c *Config) Dated() bool {
	if len(c.Changes) > 0 {
		return true
	}
	for _, u := range c.Units {
		if u.From != "" || u.To != "" {
			return true
		}
	}
	return false
}

// UnitsIn is the units expected in period: those valid over the whole of
// it, and those a change makes in the middle of it (a period that straddles
// a change is reported on the new units). A period id that does not parse
// expects every unit.
func (c *Config) UnitsIn(period string) []Unit {
	start, end, ok := monthSpan(period)
	if !ok || !c.Dated() {
		return c.Units
	}
	madeInside := map[string]bool{}
	for _, ch := range c.Changes {
		if s, _, ok := monthSpan(ch.From); ok && s > start && s < end {
			madeInside[ch.New] = true
		}
	}
	var out []Unit
	for _, u := range c.Units {
		from, to := u.validity()
		whole := from <= start && to >= end
		straddles := madeInside[u.Name] && from < end && to >= end
		if whole || straddles {
			out = append(out, u)
		}
	}
	return out
}

// ValidIn reports whether unit name is expected in period.
func (c *Config) ValidIn(name, period string) bool {
	for _, u := range c.UnitsIn(period) {
		if u.Name == name {
			return true
		}
	}
	return false
}

// CheckBoundaries checks the units' dates and the changes, and turns the
// unit names of the changes into the configured names: a date that is no
// period id, a unit valid until before it starts, a share outside (0, 1],
// shares of one old unit that do not add up to 1, a unit a change names
// that is not in the units list, an old unit still valid once its change
// has taken effect, or a new unit not valid then. Errors are
// *BoundaryError.
func (c *Config) CheckBoundaries() error {
	byKey := map[string]int{}
	for i, u := range c.Units {
		for _, name := range append([]string{u.Name}, u.Aliases...) {
			for _, k := range unitKeys(name) {
				if _, dup := byKey[k]; !dup {
					byKey[k] = i
				}
			}
		}
	}
	find := func(name string) (int, bool) {
		for _, k := range unitKeys(name) {
			if i, ok := byKey[k]; ok {
				return i, true
			}
		}
		return 0, false
	}
	for i, u := range c.Units {
		for _, f := range []struct{ field, id string }{{"Từ kỳ", u.From}, {"Đến kỳ", u.To}} {
			if _, _, ok := monthSpan(f.id); f.id != "" && !ok {
				return &BoundaryError{boundaryUnits, i, f.field, msg.NewError(msg.ConfigUnitPeriod, u.Name, f.id)}
			}
		}
		if from, to := u.validity(); to <= from {
			return &BoundaryError{boundaryUnits, i, "Đến kỳ", msg.NewError(msg.ConfigUnitUntil, u.Name, u.To, u.From)}
		}
	}
	type group struct {
		total float64
		last  int
		news  []string
	}
	groups := map[string]*group{} // old unit + date -> its rows
	var order []string
	for i := range c.Changes {
		ch := &c.Changes[i]
		if _, _, ok := monthSpan(ch.From); !ok {
			return &BoundaryError{boundaryChanges, i, "Hiệu lực từ", msg.NewError(msg.ConfigChangePeriod, ch.From)}
		}
		if !(ch.Share > 0 && ch.Share <= 1) {
			return &BoundaryError{boundaryChanges, i, "Tỷ lệ", msg.NewError(msg.ConfigChangeShare, notation.Reading(ch.Share))}
		}
		for _, f := range []struct {
			field string
			name  *string
		}{{"Đơn vị cũ", &ch.Old}, {"Đơn vị mới", &ch.New}} {
			if *f.name == "" {
				return &BoundaryError{boundaryChanges, i, f.field, msg.NewError(msg.ConfigChangeNoUnit)}
			}
			u, ok := find(*f.name)
			if !ok {
				return &BoundaryError{boundaryChanges, i, f.field, msg.NewError(msg.ConfigChangeUnknown, *f.name)}
			}
			*f.name = c.Units[u].Name
		}
		key := ch.Old + "|" + normalID(ch.From)
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
			order = append(order, key)
		}
		g.total += ch.Share
		g.last = i
		g.news = append(g.news, ch.New)
	}
	for _, key := range order {
		g := groups[key]
		ch := c.Changes[g.last]
		if math.Abs(g.total-1) > 1e-6 {
			return &BoundaryError{boundaryChanges, g.last, "Tỷ lệ", msg.NewError(msg.ConfigChangeSharesSum,
				ch.Old, ch.From, notation.Reading(math.Round(g.total*1e6)/1e6))}
		}
		eff, _, _ := monthSpan(ch.From)
		if !slices.Contains(g.news, ch.Old) {
			i, _ := find(ch.Old)
			if _, to := c.Units[i].validity(); to > eff {
				return &BoundaryError{boundaryUnits, i, "Đến kỳ", msg.NewError(msg.ConfigUnitAfterChange, ch.Old, ch.From)}
			}
		}
		for _, n := range g.news {
			i, _ := find(n)
			if from, to := c.Units[i].validity(); from > eff || to <= eff {
				return &BoundaryError{boundaryUnits, i, "Từ kỳ", msg.NewError(msg.ConfigUnitNotValid, n, ch.From)}
			}
		}
	}
	return nil
}

// normalID is a period id in its canonical spelling.
func normalID(id string) string {
	if p, ok := notation.ParsePeriodID(id); ok {
		return p.ID()
	}
	return id
}

// Part is one old unit's part in a new unit's figure.
type Part struct {
	Unit  string
	Share float64
}

// successors is where unit's territory lies at the end of month until:
// itself when no change after month after moved it, else the new units of
// the first such change (followed in turn), with their shares.
func (c *Config) successors(unit string, after, until int) []Part {
	first := math.MaxInt
	for _, ch := range c.Changes {
		if s, _, ok := monthSpan(ch.From); ok && ch.Old == unit && s > after && s < until && s < first {
			first = s
		}
	}
	if first == math.MaxInt {
		return []Part{{unit, 1}}
	}
	var out []Part
	for _, ch := range c.Changes {
		if s, _, _ := monthSpan(ch.From); ch.Old != unit || s != first {
			continue
		}
		if ch.New == unit { // the old unit keeps part of its territory
			out = append(out, Part{unit, ch.Share})
			continue
		}
		for _, next := range c.successors(ch.New, first, until) {
			out = append(out, Part{next.Unit, next.Share * ch.Share})
		}
	}
	return out
}

// SourcesOf gives, for each unit expected in period to, the units of period
// from (those in fromUnits) whose territory it holds by the end of to, with
// their shares, in the order of fromUnits. Units whose only source is
// themselves with share 1 are left out: nothing changed for them.
func (c *Config) SourcesOf(fromUnits []string, from, to string) map[string][]Part {
	fs, _, ok1 := monthSpan(from)
	_, te, ok2 := monthSpan(to)
	if !ok1 || !ok2 || len(c.Changes) == 0 {
		return nil
	}
	out := map[string][]Part{}
	for _, u := range fromUnits {
		for _, s := range c.successors(u, fs, te) {
			out[s.Unit] = append(out[s.Unit], Part{u, s.Share})
		}
	}
	for n, srcs := range out {
		if len(srcs) == 1 && srcs[0].Unit == n && srcs[0].Share == 1 {
			delete(out, n)
		}
	}
	return out
}
