package ingest

import (
	"sync"
	"sync/atomic"

	"chitieu/catalog"
	"chitieu/notation"
)

// The label folding behind notation.LabelKey, Matcher and ParseNumber costs
// microseconds per call (a Unicode normalisation chain), and ward forms
// repeat the same few hundred texts: the CPU profile of reading the
// samples put a third of the time there once the lean reader was in. These
// memos remember the answers of those pure functions, shared by the
// workers, up to memoMax entries each (then they compute without
// remembering, so that memory stays bounded on any input).

const memoMax = 1 << 16

type memo[K comparable, V any] struct {
	m sync.Map
	n atomic.Int64
}

func (c *memo[K, V]) get(k K, f func(K) V) V {
	if v, ok := c.m.Load(k); ok {
		return v.(V)
	}
	v := f(k)
	if c.n.Load() < memoMax {
		if _, loaded := c.m.LoadOrStore(k, v); !loaded {
			c.n.Add(1)
		}
	}
	return v
}

type roleYear struct {
	role role
	year int
}

type numberKey struct {
	text     string
	notation notation.Notation
}

type numberResult struct {
	n   notation.Number
	err error
}

type scaleResult struct {
	factor float64
	known  bool
}

type periodResult struct {
	p  notation.Period
	ok bool
}

var (
	headerMemo memo[string, roleYear]
	numberMemo memo[numberKey, numberResult]
	scaleMemo  memo[[2]string, scaleResult]
	periodMemo memo[string, periodResult]
	wholeMemo  memo[string, bool]
)

// wholeCount reports whether ind counts whole things (notation.WholeNumber).
func wholeCount(ind catalog.Indicator) bool {
	return ind.Kind == catalog.KindCount && wholeMemo.get(ind.Unit, notation.WholeNumber)
}

func headerCell(text string) (role, int) {
	v := headerMemo.get(text, func(t string) roleYear {
		r, y := classifyHeader(t)
		return roleYear{r, y}
	})
	return v.role, v.year
}

func parseNumber(text string, n notation.Notation) (notation.Number, error) {
	v := numberMemo.get(numberKey{text, n}, func(k numberKey) numberResult {
		num, err := notation.ParseNumber(k.text, k.notation)
		return numberResult{num, err}
	})
	return v.n, v.err
}

func unitScale(want, written string) (float64, bool) {
	v := scaleMemo.get([2]string{want, written}, func(k [2]string) scaleResult {
		f, ok := notation.UnitScale(k[0], k[1])
		return scaleResult{f, ok}
	})
	return v.factor, v.known
}

func findPeriod(text string) (notation.Period, bool) {
	v := periodMemo.get(text, func(t string) periodResult {
		p, ok := notation.FindPeriod(t)
		return periodResult{p, ok}
	})
	return v.p, v.ok
}

// matcherMemo remembers one Matcher's answers (one per Read).
type matcherMemo struct {
	m         *catalog.Matcher
	indicator memo[string, idResult]
	code      memo[string, idResult]
	unit      memo[string, unitResult]
}

type idResult struct {
	id string
	ok bool
}

type unitResult struct {
	name, origin string
	found, ok    bool
}

func (c *matcherMemo) Indicator(label string) (string, bool) {
	v := c.indicator.get(label, func(t string) idResult {
		id, ok := c.m.Indicator(t)
		return idResult{id, ok}
	})
	return v.id, v.ok
}

func (c *matcherMemo) IndicatorByCode(code string) (string, bool) {
	v := c.code.get(code, func(t string) idResult {
		id, ok := c.m.IndicatorByCode(t)
		return idResult{id, ok}
	})
	return v.id, v.ok
}

func (c *matcherMemo) UnitOrigin(text string) (name, origin string, found, ok bool) {
	v := c.unit.get(text, func(t string) unitResult {
		name, origin, found, ok := c.m.UnitOrigin(t)
		return unitResult{name, origin, found, ok}
	})
	return v.name, v.origin, v.found, v.ok
}

func (c *matcherMemo) Unit(text string) (name string, found, ok bool) {
	name, _, found, ok = c.UnitOrigin(text)
	return name, found, ok
}
