package ingest

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"chitieu/analysis"
	"chitieu/legacy"
	"chitieu/msg"

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
//
// Text that reads as Vietnamese both as it stands and decoded ("Tháng" is
// TCVN3 for "Thỏng") follows the sheet: in a legacy font it is decoded
// unless the sheet has more Unicode Vietnamese cells than legacy ones (a
// template retyped in Unicode keeps its .VnTime font);
// without one it is decoded only when the sheet holds more cells surely
// guessed to be in that encoding than Unicode Vietnamese cells (the short
// units "hé", "vô" of a form typed in TCVN3 in Arial).
func (b *unicodeBook) convert(sheet string, rows [][]string) [][]string {
	type candidate struct {
		r, c int
		ref  string
		font string
		j    judgement
	}
	var cands []candidate
	var legacyFont, unicodeInLegacyFont, unicode int
	guessed := map[legacy.Encoding]int{}
	for r, row := range rows {
		for c, text := range row {
			if !mayBeLegacy(text) {
				continue
			}
			if legacy.IsUnicodeVietnamese(text) {
				// Unicode, whatever the font: no need to ask it (excelize
				// would load a 200,000-row household list to answer).
				unicode++
				continue
			}
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				continue
			}
			font := b.book.font(sheet, ref)
			j := judge(text, font)
			fontEnc, _ := legacy.FromFont(font)
			switch {
			case j.reading == legacy.Legacy && j.guessed:
				guessed[j.enc]++
			case j.reading == legacy.Legacy:
				legacyFont++
			case j.reading == legacy.Plain && fontEnc != legacy.None:
				unicodeInLegacyFont++ // Latin-1 letters only ("Cà phê")
			}
			cands = append(cands, candidate{r, c, ref, font, j})
		}
	}
	out, outCopied := rows, false
	copiedRow := -1
	for _, cd := range cands {
		j := cd.j
		switch {
		case j.reading == legacy.Plain || j.to == j.from:
			continue
		case j.reading == legacy.Either && !j.guessed && unicode+unicodeInLegacyFont > legacyFont:
			continue
		case j.reading == legacy.Either && j.guessed && guessed[j.enc] <= unicode:
			continue
		}
		if !outCopied {
			out, outCopied = append([][]string(nil), rows...), true
		}
		if copiedRow != cd.r {
			out[cd.r] = append([]string(nil), rows[cd.r]...)
			copiedRow = cd.r
		}
		out[cd.r][cd.c] = j.to
		if b.notes[sheet] == nil {
			b.notes[sheet] = map[string]conversion{}
		}
		b.notes[sheet][cd.ref] = conversion{from: j.from, to: j.to, enc: j.enc, font: cd.font, guessed: j.guessed}
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

// judgement is legacy.Judge's answer on a text in a font, with the text
// decoded.
type judgement struct {
	from, to string
	enc      legacy.Encoding
	reading  legacy.Reading
	guessed  bool
}

type legacyKey struct{ text, font string }

var legacyMemo memo[legacyKey, judgement]

func judge(text, font string) judgement {
	return legacyMemo.get(legacyKey{text, font}, func(k legacyKey) judgement {
		enc, upper, r, guessed := legacy.Judge(k.text, k.font)
		j := judgement{from: k.text, to: k.text, enc: enc, reading: r, guessed: guessed}
		if r != legacy.Plain {
			j.to = legacy.Decode(k.text, enc, upper)
		}
		return j
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
		code := msg.LegacyText
		if g.guessed {
			code = msg.LegacyGuessed
		}
		out = append(out, analysis.Problem{Severity: analysis.SeverityWarning, Cell: analysis.Cell{File: path, Sheet: sheet, Ref: refs[0]},
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
