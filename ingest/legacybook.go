package ingest

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"chitieu/analysis"
	"chitieu/legacy"

	"github.com/xuri/excelize/v2"
)

// unicodeBook is a book whose text typed in the legacy Vietnamese
// encodings (TCVN3, VNI) comes out as Unicode: everything downstream
// (labels, ward names in titles, period titles, units, sources) sees the
// converted text. A cell is recognised by its font (.VnTime, VNI-Times),
// else by its characters; text already in Unicode is left alone. Every
// cell converted is noted, for the problems list.
type unicodeBook struct {
	book
	// the converted rows of the sheet read last (head's, then rows')
	sheet               string
	headRows, sheetRows [][]string
	notes               map[string]map[string]conversion // sheet -> cell -> what was done
}

// conversion is one cell's text turned into Unicode.
type conversion struct {
	from, to string
	enc      legacy.Encoding
	font     string
	guessed  bool
}

func newUnicodeBook(b book) *unicodeBook {
	return &unicodeBook{book: b, notes: map[string]map[string]conversion{}}
}

func (b *unicodeBook) rows(sheet string) ([][]string, error) {
	if b.sheet == sheet && b.sheetRows != nil {
		return b.sheetRows, nil
	}
	rows, err := b.book.rows(sheet)
	if err != nil {
		return rows, err
	}
	b.sheet, b.headRows, b.sheetRows = sheet, nil, b.convert(sheet, rows)
	return b.sheetRows, nil
}

func (b *unicodeBook) head(sheet string, n int) ([][]string, error) {
	if b.sheet == sheet && b.sheetRows != nil {
		return b.sheetRows[:min(n, len(b.sheetRows))], nil
	}
	if b.sheet == sheet && b.headRows != nil && len(b.headRows) >= n {
		return b.headRows[:n], nil
	}
	rows, err := b.book.head(sheet, n)
	if err != nil {
		return rows, err
	}
	b.sheet, b.headRows, b.sheetRows = sheet, b.convert(sheet, rows), nil
	return b.headRows, nil
}

// convert returns rows with legacy text converted, copying only the rows
// that change: the wrapped book's rows are never modified (they may be
// handed out again, and converting text twice would corrupt it).
func (b *unicodeBook) convert(sheet string, rows [][]string) [][]string {
	out, outCopied := rows, false
	for r, row := range rows {
		copied := false
		for c, text := range row {
			if !mayBeLegacy(text) {
				continue
			}
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				continue
			}
			font := b.book.font(sheet, ref)
			conv := convertText(text, font)
			if conv.enc == legacy.None {
				continue
			}
			if !copied {
				if !outCopied {
					out, outCopied = append([][]string(nil), rows...), true
				}
				out[r] = append([]string(nil), row...)
				copied = true
			}
			out[r][c] = conv.to
			if b.notes[sheet] == nil {
				b.notes[sheet] = map[string]conversion{}
			}
			conv.font = font
			b.notes[sheet][ref] = conv
		}
	}
	return out
}

// mayBeLegacy is the cheap test run on every cell: legacy text always has
// a character beyond ASCII.
func mayBeLegacy(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

type legacyKey struct{ text, font string }

var legacyMemo memo[legacyKey, conversion]

func convertText(text, font string) conversion {
	return legacyMemo.get(legacyKey{text, font}, func(k legacyKey) conversion {
		out, enc, guessed := legacy.Convert(k.text, k.font)
		return conversion{from: k.text, to: out, enc: enc, guessed: guessed}
	})
}

// conversionProblems are the warnings that say which cells of sheet were
// converted and from what: one per encoding and way of knowing it (font or
// guess), placed at the first such cell.
func (b *unicodeBook) conversionProblems(path, sheet string) []analysis.Problem {
	type group struct {
		enc     legacy.Encoding
		guessed bool
	}
	cells := map[group][]string{}
	var groups []group
	for ref, c := range b.notes[sheet] {
		g := group{c.enc, c.guessed}
		if cells[g] == nil {
			groups = append(groups, g)
		}
		cells[g] = append(cells[g], ref)
	}
	sort.Slice(groups, func(i, j int) bool {
		return groups[i].enc < groups[j].enc || groups[i].enc == groups[j].enc && !groups[i].guessed && groups[j].guessed
	})
	var out []analysis.Problem
	for _, g := range groups {
		refs := cells[g]
		sortRefs(refs)
		first := b.notes[sheet][refs[0]]
		code := analysis.MsgLegacyText
		if g.guessed {
			code = analysis.MsgLegacyGuessed
		}
		out = append(out, analysis.Problem{Severity: analysis.SeverityWarning, File: path, Sheet: sheet, Cell: refs[0],
			Text: first.from, Code: code, Args: []any{g.enc.String(), fontsOf(b.notes[sheet], refs), len(refs), cellRanges(refs), first.to}})
	}
	return out
}

// fontsOf lists the fonts of the converted cells.
func fontsOf(notes map[string]conversion, refs []string) string {
	seen := map[string]bool{}
	var fonts []string
	for _, ref := range refs {
		if f := notes[ref].font; f != "" && !seen[f] {
			seen[f] = true
			fonts = append(fonts, f)
		}
	}
	if len(fonts) == 0 {
		return "-"
	}
	return strings.Join(fonts, ", ")
}

// sortRefs orders cell references by column, then row, so that a column
// of labels reads as one range.
func sortRefs(refs []string) {
	sort.Slice(refs, func(i, j int) bool {
		ci, ri, _ := excelize.CellNameToCoordinates(refs[i])
		cj, rj, _ := excelize.CellNameToCoordinates(refs[j])
		return ci < cj || ci == cj && ri < rj
	})
}

// cellRanges writes sorted references compactly: "B5:B12, C3".
func cellRanges(refs []string) string {
	var parts []string
	for i := 0; i < len(refs); {
		c, r, _ := excelize.CellNameToCoordinates(refs[i])
		j := i + 1
		for j < len(refs) {
			cj, rj, _ := excelize.CellNameToCoordinates(refs[j])
			if cj != c || rj != r+(j-i) {
				break
			}
			j++
		}
		if j-i == 1 {
			parts = append(parts, refs[i])
		} else {
			parts = append(parts, fmt.Sprintf("%s:%s", refs[i], refs[j-1]))
		}
		i = j
	}
	return strings.Join(parts, ", ")
}
