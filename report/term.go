package report

import (
	"io"
	"strconv"
	"strings"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/jsonout"
	"chitieu/msg"
)

// The term review (contract: "Targets and the term"): its JSON section, its
// table, and the sentences staff paste into the review's draft.

// termJSON is the "term" section, or nil when no period falls in the term.
func termJSON(r *analysis.Result, o Options) any {
	tr := termOf(r)
	if tr == nil {
		return nil
	}
	targets := make([]jsonout.Object, 0, len(tr.Targets))
	for _, tt := range tr.Targets {
		t := tt.Target
		values := jsonout.Object{}
		since := jsonout.Object{}
		for _, v := range tt.Values {
			values = append(values, jsonout.Field{v.Period, number(v.Value)})
			since = append(since, jsonout.Field{v.Period, number(v.SinceBaseline)})
		}
		var deadline, stretch any
		if t.TargetKind() == catalog.KindByDeadline {
			deadline = t.DeadlineYear(&tr.Term)
		}
		stretch = number(t.Stretch)
		obj := jsonout.Object{
			{"indicator", t.Indicator},
			{"kind", string(t.TargetKind())},
			{"target", t.String()},
			{"stretch", stretch},
			{"deadline", deadline},
			{"source", t.Source},
			{"baseline", number(tt.Baseline)},
			{"baseline_from", nullIfEmpty(tt.BaselineFrom)},
			{"values", values},
		}
		if t.TargetKind() == catalog.KindOverTerm {
			obj = append(obj, jsonout.Field{"since_baseline", since})
		}
		obj = append(obj,
			jsonout.Field{"to_date", number(tt.ToDate)},
			jsonout.Field{"verdict", string(tt.Verdict)},
			jsonout.Field{"periods_met", tt.PeriodsMet},
			jsonout.Field{"periods_judged", tt.PeriodsJudged},
			jsonout.Field{"needed_per_year", number(tt.NeededPerYear)},
			jsonout.Field{"text", o.sentence(r, tt)},
		)
		targets = append(targets, obj)
	}
	cumulative := jsonout.Object{}
	for _, c := range tr.Cumulative {
		cumulative = append(cumulative, jsonout.Field{c.Indicator, jsonout.Object{{"value", number(c.Value)}, {"periods", list(c.Periods)}}})
	}
	return jsonout.Object{
		{"name", tr.Term.Name},
		{"baseline", strconv.Itoa(tr.Term.Baseline)},
		{"from", strconv.Itoa(tr.Term.From)},
		{"to", strconv.Itoa(tr.Term.To)},
		{"as_of", tr.AsOf},
		{"targets", targets},
		{"cumulative", cumulative},
	}
}

// termOf is the term review to show: none without a configuration, whose
// catalog and targets it needs.
func termOf(r *analysis.Result) *analysis.TermResult {
	if r.Config == nil {
		return nil
	}
	return r.Term
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// WriteText prints the term review's sentences, grouped under the review's
// headings (the catalog's groups, in the order their first target comes),
// so that staff can paste them into the draft. Indicators that add up over
// the term and have no target of their own get a sentence too.
func WriteText(w io.Writer, r *analysis.Result, o Options) error {
	r = orEmpty(r)
	tr := termOf(r)
	var b strings.Builder
	if tr == nil {
		b.WriteString(o.t("noTerm") + "\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString(strings.ToUpper(o.termTitle(tr)) + "\n")
	var groups []string
	lines := map[string][]string{}
	add := func(id, line string) {
		g := ""
		if ind, ok := r.Term.Indicator(id); ok {
			g = ind.Group
		}
		if _, seen := lines[g]; !seen {
			groups = append(groups, g)
		}
		lines[g] = append(lines[g], line)
	}
	// A flow whose target is on a rate or change made from it (revenue:
	// growth) is told by that target's sentence.
	targeted := map[string]bool{}
	for _, tt := range tr.Targets {
		targeted[tt.Target.Indicator] = true
		if ind, ok := r.Term.Indicator(tt.Target.Indicator); ok {
			for _, in := range ind.Of {
				targeted[in] = true
			}
		}
		add(tt.Target.Indicator, o.sentence(r, tt))
	}
	for _, c := range tr.Cumulative {
		if !targeted[c.Indicator] && c.Value != nil {
			add(c.Indicator, o.cumulativeSentence(r, c))
		}
	}
	for _, g := range groups {
		b.WriteString("\n")
		if g != "" {
			b.WriteString("- " + o.group(g) + ":\n")
		}
		for _, l := range lines[g] {
			b.WriteString("  + " + l + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (o Options) termTitle(tr *analysis.TermResult) string {
	name := tr.Term.Name
	if tr.Ward != "" {
		name += " — " + tr.Ward
	}
	return o.t("termTitle", name, o.periodWords(tr.AsOf))
}

// termGrid is the term table: one row per target with its baseline, the
// term's periods, the figure to date, the verdict and what is still needed
// each year.
func termGrid(r *analysis.Result, o Options) *grid {
	tr := r.Term
	g := &grid{header: []string{o.t("indicator"), o.t("termTarget"), o.t("baselineYear", tr.Term.Baseline)}, right: []bool{false, false, true}}
	var periods []string
	if len(tr.Targets) > 0 {
		for _, v := range tr.Targets[0].Values {
			periods = append(periods, v.Period)
		}
	}
	for i, p := range periods {
		v := tr.Targets[0].Values[i]
		if v.YearToDate {
			p = o.t("ytdOf", p)
		}
		if v.Provisional {
			p = o.t("provisional", p)
		}
		g.header = append(g.header, p)
		g.right = append(g.right, true)
	}
	g.header = append(g.header, o.t("toDate"), o.t("verdict"), o.t("neededPerYear"))
	g.right = append(g.right, true, false, true)
	for _, tt := range tr.Targets {
		t := tt.Target
		ind, _ := r.Term.Indicator(t.Indicator)
		unit := ind.Unit
		row := []cell{{text: o.label(ind), wrap: true}, {text: o.targetShort(t, &tr.Term), wrap: true},
			{text: o.formatValue(tt.Baseline, unit, nil)}}
		for i := range periods {
			var v analysis.TermValue
			if i < len(tt.Values) {
				v = tt.Values[i]
			}
			c := cell{text: o.formatValue(v.Value, unit, termJudgedOn(t)), color: statusColor(v.Status)}
			if v.SinceBaseline != nil {
				c.text += " (" + o.signed(*v.SinceBaseline) + "%)"
			}
			if v.Status.Missed() {
				c.text += notMetMark
			}
			row = append(row, c)
		}
		toDateUnit := unit
		if t.TargetKind() == catalog.KindOverTerm {
			toDateUnit = "%"
		}
		row = append(row,
			cell{text: o.formatValue(tt.ToDate, toDateUnit, &t)},
			cell{text: o.verdictWords(tt), color: verdictColor(tt.Verdict), wrap: true},
			cell{text: o.formatValue(tt.NeededPerYear, toDateUnit, nil)})
		g.rows = append(g.rows, row)
	}
	return g
}

// termJudgedOn is the target a period's value is compared with on screen
// (for decimals): none for over_term, judged on the change since the
// baseline rather than the value shown.
func termJudgedOn(t catalog.Target) *catalog.Target {
	if t.TargetKind() == catalog.KindOverTerm {
		return nil
	}
	return &t
}

// cumulativeLines are "Số người được đưa đi cai nghiện tập trung: 980 người
// (2001, 2002, 2003-H1)" for each indicator that adds up over the term.
func cumulativeLines(r *analysis.Result, o Options) []string {
	var out, lacking []string
	gap := ""
	for _, c := range r.Term.Cumulative {
		ind, _ := r.Term.Indicator(c.Indicator)
		if c.Value == nil {
			lacking, gap = append(lacking, o.label(ind)), c.GapFrom
			continue
		}
		out = append(out, o.label(ind)+": "+o.withUnit(c.Value, ind.Unit)+" ("+strings.Join(c.Periods, ", ")+")")
	}
	if len(lacking) > 0 {
		// Not a smaller sum: no sum, and why.
		out = append(out, o.t("cumulativeLacking", strings.Join(lacking, ", "), o.periodWords(gap)))
	}
	return out
}

// targetShort is the target as the term table shows it: its kind and
// comparison ("đến 2005 ≤ 4 (3)").
func (o Options) targetShort(t catalog.Target, term *catalog.Term) string {
	return o.targetWords(t, term, "")
}

// targetWords is targetShort with unit after each figure ("≤ 4% (3%)").
func (o Options) targetWords(t catalog.Target, term *catalog.Term, unit string) string {
	s := o.formatTarget(&t) + unit
	if t.Stretch != nil {
		s += " (" + o.localize(strconv.FormatFloat(*t.Stretch, 'f', -1, 64)) + unit + ")"
	}
	kind := o.t("kind_" + string(t.TargetKind()))
	if t.TargetKind() == catalog.KindByDeadline {
		kind = o.t("kind_by_deadline", t.DeadlineYear(term))
	}
	return kind + " " + s
}

// signed is a change in percent with its sign and one decimal.
func (o Options) signed(v float64) string {
	s := o.localize(strconv.FormatFloat(v, 'f', 1, 64))
	if v > 0 && s != "0,0" && s != "0.0" {
		s = "+" + s
	}
	return s
}

// withUnit is a value and its unit as a sentence writes them: "16,3%",
// "980 người".
func (o Options) withUnit(v *float64, unit string) string { return o.withUnitFor(v, unit, nil) }

// withUnitFor is withUnit with the decimals that show whether v meets t.
func (o Options) withUnitFor(v *float64, unit string, t *catalog.Target) string {
	s := o.formatValue(v, unit, t)
	if unit == "%" {
		return s + "%"
	}
	return s + " " + o.unit(unit)
}

// verdictAsStatus shows a verdict as the per-period status it is like.
var verdictAsStatus = map[analysis.Verdict]analysis.Status{
	analysis.VerdictAchieved: analysis.StatusMet, analysis.VerdictOnTrack: analysis.StatusOnTrack,
	analysis.VerdictAtRisk: analysis.StatusBehind, analysis.VerdictNotMet: analysis.StatusNotMet,
	analysis.VerdictNoData: analysis.StatusNoData,
}

func verdictColor(v analysis.Verdict) string { return statusLooks[verdictAsStatus[v]].color }

func verdictFill(v analysis.Verdict) string { return statusLooks[verdictAsStatus[v]].fill }

// group is a catalog group's heading in the language of o.
func (o Options) group(g string) string {
	if w, ok := msg.Lookup(o.lang(), msg.Code("group:"+g)); ok {
		return w
	}
	return g
}

// absPercent is |v| as a sentence writes a change: "16,3%", with the
// decimals that show whether it meets t (nil: none).
func (o Options) absPercent(v float64, t *catalog.Target) string {
	return strings.TrimPrefix(o.formatValue(&v, "%", t), "-") + "%"
}

// termSheet: the term table as numbers, then the review's sentences.
func termSheet(s *sheet, r *analysis.Result, o Options) {
	tr := termOf(r)
	if tr == nil {
		s.title(o.t("noTerm"), style{})
		return
	}
	g := termGrid(r, o)
	s.title(strings.ToUpper(o.termTitle(tr)), style{bold: true, size: 12})
	s.row++
	s.header(g.header)
	s.repeat = s.row
	s.freeze(1, s.row)
	for _, tt := range tr.Targets {
		t := tt.Target
		ind, _ := r.Term.Indicator(t.Indicator)
		cell := style{border: true}
		s.row++
		col := 1
		s.text(&col, o.label(ind), cell)
		s.text(&col, o.targetShort(t, &tr.Term), cell)
		s.number(&col, tt.Baseline, ind.Unit, nil, cell)
		for _, v := range tt.Values {
			st := cell
			st.fill = statusFill(v.Status)
			s.number(&col, v.Value, ind.Unit, termJudgedOn(t), st)
		}
		unit := ind.Unit
		if t.TargetKind() == catalog.KindOverTerm {
			unit = "%"
		}
		s.number(&col, tt.ToDate, unit, &t, cell)
		s.text(&col, o.verdictWords(tt), style{border: true, fill: verdictFill(tt.Verdict)})
		s.number(&col, tt.NeededPerYear, unit, nil, cell)
	}
	s.row++
	s.title(o.t("cumulativeHeading", o.periodWords(tr.AsOf)), style{bold: true})
	for _, line := range cumulativeLines(r, o) {
		s.title(line, style{})
	}
	s.row++
	s.title(o.t("verdict"), style{bold: true})
	for _, tt := range tr.Targets {
		s.title(o.sentence(r, tt), style{})
	}
}
