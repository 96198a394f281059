package notation

import (
	"math"
	"strconv"
	"strings"

	"chitieu/msg"
)

// A text number such as "5,938" or "1.234" reads two ways: in Vietnamese
// notation (dot for thousands, comma for decimals) 5.938 and 1234, in
// English notation 5938 and 1.234. The notation of a sheet is decided from
// the evidence of all its numbers, never cell by cell and never by a guess:
//
//   - a text that shows its notation: both separators ("12.345,5"), a
//     separator used twice ("1,234,567"), a separator not followed by a
//     group of three digits ("16,3", "0.215");
//   - a whole-number count (households, people, cases): a household count
//     has no decimals, so "5,938" households is 5938 and "5.938" households
//     5938, and each says how the sheet writes numbers;
//   - the same row's figure in the other column, read without doubt: of the
//     two readings, the one within ten times of it where the other is more
//     than a hundred times off ("39,887" beside 35000 is 39887).
//
// A number the evidence of its own row does not decide is read in the way
// its column writes numbers, else its sheet, else (no evidence at all) the
// Vietnamese way. Where the column or the sheet writes both ways, the number
// is not read: the cell is no data, with a problem that quotes the text and
// gives both readings.

// Cell is one value cell of a sheet's table, as Decide weighs it.
type Cell struct {
	Text   string   // the cell's text, if it holds text
	Number *float64 // the cell's value, if it holds a number (not text)
	Row    int      // cells of one indicator share a row
	Column int      // cells typed together (this period, last year, the plan) share a column
	Whole  bool     // the indicator counts whole things (WholeNumber)
}

// Decision is how Decide reads one cell.
type Decision struct {
	// Notation to read the cell's text in; Undecided for a text that
	// reads two ways and that the evidence does not decide (no data).
	Notation Notation
	// Ambiguous is true for a text that reads two ways ("1.234").
	Ambiguous bool
	// Readings are the Vietnamese and English readings of an ambiguous text.
	Readings [2]float64
}

// SheetDecision is Decide's answer for a sheet.
type SheetDecision struct {
	Cells []Decision // one per cell given, in order
	Mixed bool       // the sheet's numbers show both notations
}

// Decide decides how each text number of a sheet is read, from
// the evidence of all of them (see the comment at the top of this file).
// parse is ParseNumber or a memo of it; nil means ParseNumber.
func Decide(cells []Cell, parse func(string, Notation) (Number, error)) SheetDecision {
	if parse == nil {
		parse = ParseNumber
	}
	out := SheetDecision{Cells: make([]Decision, len(cells))}
	own := make([]Notation, len(cells))  // evidence of the cell itself
	sure := make([]*float64, len(cells)) // the value, where it is read without doubt
	for i, c := range cells {
		if c.Number != nil {
			sure[i] = c.Number
			continue
		}
		vi, errVi := parse(c.Text, Vietnamese)
		en, errEn := parse(c.Text, English)
		if errVi != nil || errEn != nil || vi.Empty || vi.Value == en.Value {
			if errVi == nil && !vi.Empty {
				own[i] = vi.Reveals
				v := vi.Value
				sure[i] = &v
			}
			continue
		}
		d := &out.Cells[i]
		d.Ambiguous, d.Readings = true, [2]float64{vi.Value, en.Value}
		if c.Whole {
			// A count has no decimals: the separator is a thousands one.
			own[i] = Vietnamese
			if math.Abs(en.Value) > math.Abs(vi.Value) {
				own[i] = English
			}
			v := d.Readings[readingIndex(own[i])]
			sure[i] = &v
		}
	}
	// The other column of the same row decides what is still open.
	for i, c := range cells {
		d := &out.Cells[i]
		if !d.Ambiguous || own[i] != Undecided {
			continue
		}
		for j, o := range cells {
			if j == i || o.Row != c.Row || o.Column == c.Column || sure[j] == nil {
				continue
			}
			if n := closer(d.Readings, *sure[j]); n != Undecided {
				own[i] = n
			}
		}
	}
	var sheet votes
	columns := map[int]*votes{}
	for i, c := range cells {
		if columns[c.Column] == nil {
			columns[c.Column] = &votes{}
		}
		columns[c.Column].add(own[i])
		sheet.add(own[i])
	}
	out.Mixed = sheet.vi > 0 && sheet.en > 0
	for i, c := range cells {
		d := &out.Cells[i]
		switch {
		case !d.Ambiguous:
			d.Notation = Vietnamese // either reads the same
		case own[i] != Undecided:
			d.Notation = own[i]
		case columns[c.Column].vi+columns[c.Column].en > 0:
			d.Notation = columns[c.Column].decide()
		default:
			d.Notation = sheet.decide()
		}
	}
	return out
}

func readingIndex(n Notation) int {
	if n == English {
		return 1
	}
	return 0
}

// closer is the notation whose reading lies within ten times of other
// while the other reading is more than a hundred times off, if any.
func closer(readings [2]float64, other float64) Notation {
	far := func(v float64) float64 {
		if v <= 0 || other <= 0 {
			return math.NaN()
		}
		return math.Abs(math.Log10(v / other))
	}
	vi, en := far(readings[0]), far(readings[1])
	switch {
	case vi < 1 && en > 2:
		return Vietnamese
	case en < 1 && vi > 2:
		return English
	}
	return Undecided
}

// votes counts the evidence for each notation.
type votes struct{ vi, en int }

func (v *votes) add(n Notation) {
	switch n {
	case Vietnamese:
		v.vi++
	case English:
		v.en++
	}
}

// decide is the notation the votes agree on: Vietnamese without any,
// Undecided when they disagree.
func (v votes) decide() Notation {
	switch {
	case v.vi > 0 && v.en > 0:
		return Undecided
	case v.en > 0:
		return English
	}
	return Vietnamese
}

// Reading is v for a message in either language, so that it cannot be
// misread: no thousands separator, the language's decimal mark (one
// reading of "1.234" is 1234, the other 1,234 in Vietnamese and 1.234 in
// English).
func Reading(v float64) msg.Words {
	en := strconv.FormatFloat(v, 'f', -1, 64)
	return msg.Words{strings.Replace(en, ".", ",", 1), en}
}
