package report

import (
	"math"
	"strconv"
	"strings"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/notation"
)

// sentence is the review's sentence for one target: the figures, the
// resolution's wording in parentheses, then the verdict in words.
func (o Options) sentence(r *analysis.Result, tt analysis.TermTarget) string {
	t := tt.Target
	ind, _ := r.Term.Indicator(t.Indicator)
	subject := o.subject(r, ind)
	wording := o.wording(r, t, &r.Term.Term)
	verdict := o.verdictWords(tt)
	if tt.Verdict == analysis.VerdictNoData {
		return o.t("nodata", subject, "", wording)
	}
	baseYear := strconv.Itoa(r.Term.Term.Baseline)
	switch t.TargetKind() {
	case catalog.KindEachPeriod:
		var items []string
		for _, v := range tt.Values {
			if v.Value != nil {
				items = append(items, o.periodItem(ind, &t, o.termPeriodWords(v), *v.Value))
			}
		}
		return o.t("each_period", subject, o.joinAnd(items), wording, verdict)
	case catalog.KindAverage:
		years := o.yearSpan(tt.ToDatePeriods)
		if ind.Kind == catalog.KindChange {
			return o.t("average."+direction(*tt.ToDate), subject, years, wording, verdict, o.absPercent(*tt.ToDate, &t))
		}
		return o.t("average.level", subject, years, wording, verdict, o.withUnitFor(tt.ToDate, ind.Unit, &t))
	case catalog.KindByDeadline:
		period := o.periodWords(tt.ToDatePeriods[0])
		if v, ok := analysis.FindTermValue(tt.Values, tt.ToDatePeriods[0]); ok {
			period = o.termPeriodWords(v)
		}
		reached := o.withUnitFor(tt.ToDate, ind.Unit, &t)
		if tt.Baseline == nil {
			return o.t("by_deadline.nobase", subject, period, wording, verdict, "", baseYear, reached)
		}
		dir := direction(*tt.ToDate - *tt.Baseline)
		return o.t("by_deadline."+dir, subject, period, wording, verdict, o.withUnit(tt.Baseline, ind.Unit), baseYear, reached)
	case catalog.KindOverTerm:
		year := tt.ToDatePeriods[0]
		latest, _ := analysis.FindTermValue(tt.Values, year)
		counts := o.t("countsArrow", o.formatValue(tt.Baseline, ind.Unit, nil), o.withUnit(latest.Value, ind.Unit))
		return o.t("over_term."+direction(*tt.ToDate), subject, o.periodWords(year), wording, verdict, o.absPercent(*tt.ToDate, &t), baseYear, counts)
	case catalog.KindCumulative:
		return o.t("cumulative", subject, o.periodWords(r.Term.AsOf), wording, verdict, o.withUnit(tt.ToDate, ind.Unit))
	}
	return ""
}

// cumulativeSentence is the sentence for an indicator summed over the term
// that has no target.
func (o Options) cumulativeSentence(r *analysis.Result, c analysis.Accumulated) string {
	ind, _ := r.Term.Indicator(c.Indicator)
	return o.t("cumulative.only", o.label(ind), o.periodWords(r.Term.AsOf), "", "", o.withUnit(c.Value, ind.Unit))
}

// subject is what a sentence is about: a change's input ("Doanh thu
// thương mại - dịch vụ ... tăng 16,3%"), else the indicator itself.
func (o Options) subject(r *analysis.Result, ind catalog.Indicator) string {
	if ind.Kind == catalog.KindChange && len(ind.Of) == 1 {
		if in, ok := r.Term.Indicator(ind.Of[0]); ok {
			return o.label(in)
		}
	}
	return o.label(ind)
}

// periodItem is "năm 2001 tăng 16,3%" for a change, "năm 2001 đạt 59,9%"
// for a level.
func (o Options) periodItem(ind catalog.Indicator, t *catalog.Target, period string, v float64) string {
	if ind.Kind == catalog.KindChange {
		return o.t("item."+map[bool]string{true: "down", false: "up"}[v < 0], period, o.absPercent(v, t))
	}
	return o.t("item.level", period, o.withUnitFor(&v, ind.Unit, t))
}

// termPeriodWords is a term value's period as the review writes it; a
// month's or a quarter's year to date is "5 tháng đầu năm 2003".
func (o Options) termPeriodWords(v analysis.TermValue) string {
	words := o.yearToDateWords(v)
	if v.Provisional {
		words = o.t("provisional", words)
	}
	return words
}

func (o Options) yearToDateWords(v analysis.TermValue) string {
	p, ok := notation.ParsePeriodID(v.Period)
	if !v.YearToDate || !ok {
		return o.periodWords(v.Period)
	}
	months := p.N
	if p.Kind == notation.Quarter {
		months = 3 * p.N
	}
	switch {
	case months == 1:
		return o.periodWords(notation.Period{Year: p.Year, Kind: notation.Month, N: 1}.ID())
	case months == 3, months == 6, months == 9, months == 12:
		return o.periodWords(map[int]notation.Period{3: {Kind: notation.Quarter, N: 1}, 6: {Kind: notation.Half, N: 1},
			9: {Kind: notation.NineMonths}, 12: {Kind: notation.Year}}[months].WithYear(p.Year).ID())
	}
	return o.t("periodMonths", months, p.Year)
}

// direction names the way a change goes: "up", "down" or "level" when it
// shows as zero.
func direction(change float64) string {
	switch {
	case math.Abs(change) < 0.05:
		return "level"
	case change < 0:
		return "down"
	}
	return "up"
}

// wording is the resolution's words for the target ("Nghị quyết: mỗi năm
// ... tăng từ 12% trở lên"); in English, or without a source sentence, the
// comparison in words.
func (o Options) wording(r *analysis.Result, t catalog.Target, term *catalog.Term) string {
	src := t.Source
	if _, after, ok := strings.Cut(src, ": "); ok {
		src = after
	}
	if src != "" && !o.en() {
		return o.t("wording", src)
	}
	unit := ""
	if ind, ok := r.Term.Indicator(t.Indicator); ok && ind.Unit == "%" || t.TargetKind() == catalog.KindOverTerm {
		unit = "%"
	}
	return o.t("wordingGen", o.targetWords(t, term, unit))
}

// joinAnd is "a, b và c" / "a, b and c".
func (o Options) joinAnd(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + o.t("and") + items[len(items)-1]
}

// yearSpan is "năm 2001 - 2002" / "2001–2002" for the full years an
// average is made of.
func (o Options) yearSpan(years []string) string {
	switch len(years) {
	case 0:
		return ""
	case 1:
		return o.periodWords(years[0])
	}
	return o.t("yearSpan", years[0], years[len(years)-1])
}

// periodWords is a period as the review writes it: "năm 2001", "6 tháng
// đầu năm 2003", "quý III năm 2003", "tháng 5 năm 2003".
func (o Options) periodWords(id string) string {
	p, ok := notation.ParsePeriodID(id)
	if !ok {
		return id
	}
	switch p.Kind {
	case notation.Half:
		return o.t("periodH"+strconv.Itoa(p.N), p.Year)
	case notation.Quarter:
		return o.t("periodQ", []string{"", "I", "II", "III", "IV"}[p.N], p.Year, p.N)
	case notation.NineMonths:
		return o.t("period9M", p.Year)
	case notation.Month:
		return o.t("periodM", p.N, p.Year, monthsEN[p.N])
	}
	return o.t("periodY", p.Year)
}

var monthsEN = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// verdictWords is the verdict as the review says it: "đạt", "vượt chỉ
// tiêu", "đạt trước hạn", "đúng tiến độ", "khó đạt", "không đạt".
func (o Options) verdictWords(tt analysis.TermTarget) string {
	key := "verdict_" + string(tt.Verdict)
	if tt.Verdict == analysis.VerdictAchieved {
		early := tt.BeforeDeadline && tt.Target.TargetKind() != catalog.KindEachPeriod && tt.Target.TargetKind() != catalog.KindAverage
		switch {
		case tt.Stretched && early:
			key = "verdict_exceeded_early"
		case tt.Stretched:
			key = "verdict_exceeded"
		case early:
			key = "verdict_achieved_early"
		}
	}
	return o.t(key)
}
