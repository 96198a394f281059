package notation

import (
	"math"
	"strconv"
	"strings"
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

// NotationCell is one value cell of a sheet's table, as DecideNotation
// weighs it.
type NotationCell struct {
	Text   string   // the cell's text, if it holds text
	Number *float64 // the cell's value, if it holds a number (not text)
	Row    int      // cells of one indicator share a row
	Column int      // cells typed together (this period, last year, the plan) share a column
	Whole  bool     // the indicator counts whole things (WholeNumber)
}

// NotationDecision is how DecideNotation reads one cell.
type NotationDecision struct {
	// Notation to read the cell's text in; NotationUnknown for a text that
	// reads two ways and that the evidence does not decide (no data).
	Notation Notation
	// Ambiguous is true for a text that reads two ways ("1.234").
	Ambiguous bool
	// Readings are the Vietnamese and English readings of an ambiguous text.
	Readings [2]float64
}

// NotationVerdict is DecideNotation's answer for a sheet.
type NotationVerdict struct {
	Cells []NotationDecision // one per cell given, in order
	Mixed bool               // the sheet's numbers show both notations
}

// DecideNotation decides how each text number of a sheet is read, from
// the evidence of all of them (see the comment at the top of this file).
// parse is ParseNumber or a memo of it; nil means ParseNumber.
func DecideNotation(cells []NotationCell, parse func(string, Notation) (Number, error)) NotationVerdict {
	if parse == nil {
		parse = ParseNumber
	}
	out := NotationVerdict{Cells: make([]NotationDecision, len(cells))}
	own := make([]Notation, len(cells))  // evidence of the cell itself
	sure := make([]*float64, len(cells)) // the value, where it is read without doubt
	for i, c := range cells {
		if c.Number != nil {
			sure[i] = c.Number
			continue
		}
		vi, errVi := parse(c.Text, NotationVietnamese)
		en, errEn := parse(c.Text, NotationEnglish)
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
			own[i] = NotationVietnamese
			if math.Abs(en.Value) > math.Abs(vi.Value) {
				own[i] = NotationEnglish
			}
			v := d.Readings[readingIndex(own[i])]
			sure[i] = &v
		}
	}
	// The other column of the same row decides what is still open.
	for i, c := range cells {
		d := &out.Cells[i]
		if !d.Ambiguous || own[i] != NotationUnknown {
			continue
		}
		for j, o := range cells {
			if j == i || o.Row != c.Row || o.Column == c.Column || sure[j] == nil {
				continue
			}
			if n := closer(d.Readings, *sure[j]); n != NotationUnknown {
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
			d.Notation = NotationVietnamese // either reads the same
		case own[i] != NotationUnknown:
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
	if n == NotationEnglish {
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
		return NotationVietnamese
	case en < 1 && vi > 2:
		return NotationEnglish
	}
	return NotationUnknown
}

// votes counts the evidence for each notation.
type votes struct{ vi, en int }

func (v *votes) add(n Notation) {
	switch n {
	case NotationVietnamese:
		v.vi++
	case NotationEnglish:
		v.en++
	}
}

// decide is the notation the votes agree on: Vietnamese without any,
// NotationUnknown when they disagree.
func (v votes) decide() Notation {
	switch {
	case v.vi > 0 && v.en > 0:
		return NotationUnknown
	case v.en > 0:
		return NotationEnglish
	}
	return NotationVietnamese
}

// FormatReading writes a reading of an ambiguous text for a message in lang,
// so that it cannot be misread: no thousands separator, the language's
// decimal mark.
func FormatReading(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
