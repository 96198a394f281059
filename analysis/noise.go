package analysis

import (
	"math"
	"sort"
)

// The "changed by more than half" rule, made to fit small counts. A ward
// with 4 drug cases in a month last year and 1 this month has changed by
// three quarters, but counts that small move that much by chance: warning
// about them buries the typing errors (a digit typed twice, one dropped) in
// a list staff stop reading. A figure is questioned when it departs from
// what it is compared with by more than half AND by more than the chance
// variation of counts that size allows (a Poisson bound):
//
//   - with at least minHistory of the ward's own figures for periods of the
//     same span in the input (months with months, this one among them: the
//     median hardly moves for one figure far out): more than half away from
//     their median, where a Poisson count with their mean would lie that
//     far less often than noiseLevel, and, for a median of at least
//     logScaleFloor, where the modified z-score among them (DHIS2's outlier
//     rule, 0.6745 |x - median| / MAD past 3.5), taken on log(x + 1) so that
//     seasons and money that vary by a share are judged by that share,
//     agrees;
//   - otherwise against the same period last year on the same form: flagged
//     when, of the two figures' sum, so large a share falls on one side less
//     often than noiseLevel (two Poisson counts with the same mean).

const (
	bigChangeShare = 0.5   // depart by more than half ...
	noiseLevel     = 0.001 // ... and by more than chance allows, one side
	minHistory     = 6     // figures of the ward for the median
	modifiedZ      = 3.5   // DHIS2's threshold of the modified z-score
	logScaleFloor  = 10    // below it, log(x + 1) says little: small counts are judged as counts
)

// history is a ward's figures for one indicator in periods of one span:
// their median and mean, and the median and median absolute deviation of
// log(figure + 1), the scale on which a digit typed twice or dropped is the
// same step (x10, /10) whatever the size.
type history struct {
	n                 int
	median, mean      float64 // mean: of the figures within 10 times the median (at least 1)
	logMedian, logMAD float64
}

func newHistory(values []float64) history {
	sorted := append([]float64(nil), values...)
	sort.Float64s(sorted)
	h := history{n: len(sorted), median: median(sorted)}
	n := 0
	for _, v := range sorted {
		if v <= 10*max(h.median, 1) {
			h.mean += v
			n++
		}
	}
	h.mean /= float64(max(n, 1))
	logs := make([]float64, len(sorted))
	for i, v := range sorted {
		logs[i] = math.Log1p(max(v, 0))
	}
	h.logMedian = median(logs)
	for i, l := range logs {
		logs[i] = math.Abs(l - h.logMedian)
	}
	sort.Float64s(logs)
	h.logMAD = median(logs)
	return h
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// outlier reports whether x is far from the ward's own figures h: more
// than half away from their median, where a Poisson count with their mean
// would lie less often than noiseLevel (the mean of the figures within ten
// times the median, or the median where that is more, and at least 1, so
// that a ward with no case in any other month may have one now); and, for
// figures of at least logScaleFloor, which vary by a share (seasons,
// trends, money) more than by counting, where the modified z-score of
// log(x + 1) passes 3.5 too.
func (h history) outlier(x float64) bool {
	m := h.median
	if math.Abs(x-m) <= bigChangeShare*m || poissonTail(x, max(m, h.mean, 1)) >= noiseLevel {
		return false
	}
	if m < logScaleFloor || h.logMAD == 0 {
		return true
	}
	return 0.6745*math.Abs(math.Log1p(max(x, 0))-h.logMedian)/h.logMAD > modifiedZ
}

// bigChange reports whether cur departs from prev, the same period last
// year, by more than half and by more than chance allows.
func bigChange(cur, prev float64) bool {
	if math.Abs(cur-prev) <= bigChangeShare*prev {
		return false
	}
	return pairTail(cur, prev) < noiseLevel
}

// poissonTail is the probability that a Poisson count with mean lambda lies
// at x or further from the mean, on x's side.
func poissonTail(x, lambda float64) float64 {
	if x != math.Trunc(x) || lambda > 500 || x > 5000 {
		return normalTail(math.Abs(x-lambda) / math.Sqrt(lambda))
	}
	k := int(x)
	term := func(i int) float64 {
		lg, _ := math.Lgamma(float64(i) + 1)
		return math.Exp(-lambda + float64(i)*math.Log(lambda) - lg)
	}
	sum := 0.0
	if x <= lambda {
		for i := 0; i <= k; i++ {
			sum += term(i)
		}
		return sum
	}
	for i := k; ; i++ {
		t := term(i)
		sum += t
		if t <= 1e-17*sum {
			return sum // also 0 when even the first term underflows
		}
	}
}

// pairTail is the probability that, of two Poisson counts with the same
// mean adding up to a+b, the larger of a and b is as large as it is: a
// binomial tail with half the chance on each side.
func pairTail(a, b float64) float64 {
	n, k := a+b, max(a, b)
	if a != math.Trunc(a) || b != math.Trunc(b) || n > 5000 {
		if n == 0 {
			return 1
		}
		return normalTail(math.Abs(a-b) / math.Sqrt(n))
	}
	ln, _ := math.Lgamma(n + 1)
	sum := 0.0
	for i := k; i <= n; i++ {
		li, _ := math.Lgamma(i + 1)
		lr, _ := math.Lgamma(n - i + 1)
		sum += math.Exp(ln - li - lr - n*math.Ln2)
	}
	return sum
}

// normalTail is the probability that a standard normal variable exceeds z.
func normalTail(z float64) float64 { return math.Erfc(z/math.Sqrt2) / 2 }
