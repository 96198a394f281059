package catalog

import (
	"chitieu/msg"
	"chitieu/notation"
)

// TargetKind is how a Congress target is judged (contract: "Targets and
// the term").
type TargetKind string

const (
	KindEachPeriod TargetKind = "each_period" // every period's value must satisfy it
	KindByDeadline TargetKind = "by_deadline" // the level to reach by the end of year Deadline
	KindOverTerm   TargetKind = "over_term"   // the change in % from the baseline year to the term's end
	KindAverage    TargetKind = "average"     // the yearly average over the term's full years so far
	KindCumulative TargetKind = "cumulative"  // the sum over the term so far
)

// targetKindWords are the words the configuration's "Loại" column accepts,
// compared folded (without diacritics, lower case); the kinds' own ids are
// accepted too.
var targetKindWords = []struct {
	word string
	kind TargetKind
}{
	{"hằng năm", KindEachPeriod}, {"hàng năm", KindEachPeriod}, {"mỗi năm", KindEachPeriod}, {"mỗi kỳ", KindEachPeriod},
	{"đến năm", KindByDeadline}, {"đến hạn", KindByDeadline},
	{"cả nhiệm kỳ", KindOverTerm}, {"trong nhiệm kỳ", KindOverTerm},
	{"bình quân", KindAverage}, {"bình quân mỗi năm", KindAverage},
	{"cộng dồn", KindCumulative}, {"tổng nhiệm kỳ", KindCumulative},
}

// targetKinds lists the kinds in the order the configuration explains them.
var targetKinds = []TargetKind{KindEachPeriod, KindByDeadline, KindOverTerm, KindAverage, KindCumulative}

// ParseTargetKind reads a "Loại" cell; blank means each_period, so that a
// configuration written before kinds existed keeps its meaning.
func ParseTargetKind(s string) (TargetKind, bool) {
	f := notation.Fold(s)
	if f == "" {
		return KindEachPeriod, true
	}
	for _, w := range targetKindWords {
		if f == notation.Fold(w.word) {
			return w.kind, true
		}
	}
	for _, k := range targetKinds {
		if f == notation.Fold(string(k)) {
			return k, true
		}
	}
	return "", false
}

// KindWord is the first Vietnamese word for a kind, as the configuration
// workbook writes it.
func KindWord(k TargetKind) string {
	for _, w := range targetKindWords {
		if w.kind == k {
			return w.word
		}
	}
	return string(k)
}

// Term is the Congress term (nhiệm kỳ) the targets belong to: its baseline
// year and its first and last years.
type Term struct {
	Name     string
	Baseline int
	From, To int
}

// BuiltinTerm is the term of the seed's resolution.
func BuiltinTerm() *Term {
	return &Term{Name: "Nhiệm kỳ 2000 – 2005 (Đại hội VIII)", Baseline: 2000, From: 2001, To: 2005}
}

// Check refuses a term whose years are out of order.
func (t *Term) Check() error {
	switch {
	case t.From <= t.Baseline:
		return fieldError("Từ năm", msg.ConfigTermStart, t.From, t.Baseline)
	case t.To < t.From:
		return fieldError("Đến năm", msg.ConfigTermEnd, t.To, t.From)
	}
	return nil
}

// DeadlineYear is the year a by_deadline target is to be reached by.
func (t Target) DeadlineYear(term *Term) int {
	if t.Deadline == 0 && term != nil {
		return term.To
	}
	return t.Deadline
}

// FieldError is a configuration value that makes no sense; Field names the
// column ("Loại", "Hạn"), so that the reader can name the cell.
type FieldError struct {
	Field string
	Err   *msg.Error
}

func fieldError(field string, code msg.Code, args ...any) *FieldError {
	return &FieldError{field, msg.NewError(code, args...)}
}

func (e *FieldError) Error() string { return e.Err.Error() }

// In is the error's text in lang.
func (e *FieldError) In(lang string) string { return e.Err.In(lang) }

// Check refuses a target whose kind, comparison, range or deadline makes no
// sense, or that needs a term when there is none.
func (t Target) Check(term *Term) error {
	name := t.Indicator
	if t.Op != ">=" && t.Op != "<=" {
		return fieldError("So sánh", msg.ConfigTargetOp, name, t.Op)
	}
	kind := t.TargetKind()
	known := false
	for _, k := range targetKinds {
		known = known || k == kind
	}
	if !known {
		return fieldError("Loại", msg.ConfigTargetKind, name, t.Kind)
	}
	if t.Stretch != nil && (*t.Stretch == t.Value || t.AtLeastAsGood(t.Value, *t.Stretch)) {
		side := msg.ConfigAbove
		if t.Op == "<=" {
			side = msg.ConfigBelow
		}
		return fieldError("Giá trị vượt", msg.ConfigTargetStretch, name, notation.Reading(*t.Stretch), side, notation.Reading(t.Value), t.Op)
	}
	if kind != KindEachPeriod && term == nil {
		return fieldError("Loại", msg.ConfigTargetNeedsTerm, name, KindWord(kind))
	}
	if t.Deadline != 0 {
		if kind != KindByDeadline {
			return fieldError("Hạn", msg.ConfigDeadlineKind, name, t.Deadline, KindWord(kind), KindWord(KindByDeadline))
		}
		if term != nil && (t.Deadline < term.From || t.Deadline > term.To) {
			return fieldError("Hạn", msg.ConfigDeadlineOutside, name, t.Deadline, term.From, term.To)
		}
	}
	return nil
}
