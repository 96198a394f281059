package workbook

import (
	"fmt"
	"regexp"
	"strings"

	"chitieu/ingest"
	"chitieu/legacy"
	"chitieu/xls"

	"github.com/xuri/excelize/v2"
)

// Conversion counts what Convert changed.
type Conversion struct {
	Cells   map[legacy.Encoding]int // text cells (and rich-text runs) converted, by encoding
	Guessed int                     // of those, the ones whose encoding was guessed from the text
	Fonts   map[string]string       // legacy font -> the Unicode font that replaced it
}

// unicodeFonts names the Unicode font that replaces a legacy one, by the
// legacy name without its ".Vn"/"VNI-" prefix and upper-case "H" suffix
// (lower case); a name not listed becomes Times New Roman.
var unicodeFonts = map[string]string{
	"time": "Times New Roman", "times": "Times New Roman", "arial": "Arial", "arial narrow": "Arial Narrow",
	"helve": "Arial", "helvetins": "Arial", "avant": "Arial", "univer": "Arial", "courier": "Courier New",
	"courier new": "Courier New", "century schoolbook": "Century Schoolbook", "book antiqua": "Book Antiqua",
	"book-antiqua":   "Book Antiqua",
	"helve-condense": "Arial Narrow", "tahoma": "Tahoma", "garamond": "Garamond",
}

// UnicodeFont is the Unicode font that replaces the legacy font name, or
// "" when name is not a legacy font.
func UnicodeFont(name string) string {
	enc, upper := legacy.FromFont(name)
	if enc == legacy.None {
		return ""
	}
	base := strings.TrimSpace(name)
	switch {
	case len(base) >= 3 && strings.EqualFold(base[:3], ".vn"):
		base = base[3:]
	case len(base) >= 4 && strings.EqualFold(base[:4], "vni-"):
		base = base[4:]
	}
	if upper {
		base = strings.TrimSuffix(base, "H")
	}
	if f, ok := unicodeFonts[strings.ToLower(strings.TrimSpace(base))]; ok {
		return f
	}
	return "Times New Roman"
}

// Convert reads the workbook at path (.xlsx and its kin, or .xls) and
// returns a copy in which every text typed in a legacy Vietnamese encoding
// is Unicode and legacy fonts are replaced by Unicode ones. Cells are
// judged as when reading (ingest.Decode: by font, by the text, and by the
// rest of the sheet where the text reads both ways). The input file is
// never written. An .xlsx keeps everything else as it was: formulas are
// kept with their string constants converted, rich text is converted run
// by run, and the copy of an encrypted workbook keeps its password. An .xls
// becomes an .xlsx holding its sheets, values, number formats, font names
// and merged cells (formulas as their saved results). A workbook that
// cannot be opened gives an *ingest.OpenError.
func Convert(path, password string) (*excelize.File, Conversion, error) {
	conv := Conversion{Cells: map[legacy.Encoding]int{}, Fonts: map[string]string{}}
	d, err := ingest.Decode(path, password)
	if err != nil {
		return nil, conv, err
	}
	if d.XLS != nil {
		f, err := convertXLS(d, &conv)
		return f, conv, err
	}
	if err := convertXLSX(d, &conv); err != nil {
		d.XLSX.Close()
		return nil, conv, err
	}
	return d.XLSX.File(), conv, nil
}

func (c *Conversion) note(enc legacy.Encoding, guessed bool) {
	c.Cells[enc]++
	if guessed {
		c.Guessed++
	}
}

// convertXLSX converts f's text in place, then renames its legacy fonts.
func convertXLSX(d *ingest.Decoded, conv *Conversion) error {
	f := d.XLSX.File()
	for _, sheet := range f.GetSheetList() {
		rows, _, notes, err := d.Sheet(sheet)
		if err != nil {
			return fmt.Errorf("%s: %w", sheet, err)
		}
		for r, row := range rows {
			for c, text := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := convertCell(f, sheet, ref, text, d.Font(sheet, ref), notes, conv); err != nil {
					return fmt.Errorf("%s!%s: %w", sheet, ref, err)
				}
			}
		}
	}
	renameFonts(f, conv)
	return nil
}

// convertCell converts one cell: its text as the sheet's reading decided
// (notes), run by run when it holds rich text; the string constants of its
// formula; ASCII text in an upper-case TCVN3 font, which shows in
// capitals, into capitals (the Unicode font that replaces it does not).
func convertCell(f *excelize.File, sheet, ref, text, font string, notes map[string]ingest.Converted, conv *Conversion) error {
	if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
		out, n := convertFormula(formula, font, conv)
		if n == 0 {
			return nil
		}
		return f.SetCellFormula(sheet, ref, out)
	}
	if text == "" {
		return nil
	}
	if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		return nil
	}
	note, decided := notes[ref]
	if runs, err := f.GetCellRichText(sheet, ref); err == nil && len(runs) > 0 && runsHaveFonts(runs) {
		changed := false
		for i, run := range runs {
			runFont := font
			if run.Font != nil && run.Font.Family != "" {
				runFont = run.Font.Family
			}
			if out, enc, guessed, ok := convertRun(run.Text, runFont, decided); ok {
				conv.note(enc, guessed)
				runs[i].Text, changed = out, true
			}
			if run.Font != nil {
				if u := UnicodeFont(run.Font.Family); u != "" {
					conv.Fonts[run.Font.Family] = u
					runs[i].Font.Family, changed = u, true
				}
			}
		}
		if !changed {
			return nil
		}
		return f.SetCellRichText(sheet, ref, runs)
	}
	if decided {
		conv.note(note.Encoding, note.Guessed)
		return f.SetCellStr(sheet, ref, note.Text)
	}
	if enc, upper := legacy.FromFont(font); enc == legacy.TCVN3 && upper && !ingest.MayBeLegacy(text) {
		if out := legacy.Decode(text, enc, true); out != text {
			conv.note(enc, false)
			return f.SetCellStr(sheet, ref, out)
		}
	}
	return nil
}

func runsHaveFonts(runs []excelize.RichTextRun) bool {
	for _, r := range runs {
		if r.Font != nil && r.Font.Family != "" {
			return true
		}
	}
	return false
}

// convertRun converts one run of rich text; decided is whether the sheet's
// reading converted the cell, which settles a run that reads both ways.
func convertRun(text, font string, decided bool) (out string, enc legacy.Encoding, guessed, ok bool) {
	enc, upper, r, guessed := legacy.Judge(text, font)
	if r == legacy.Plain || r == legacy.Either && !decided {
		return text, legacy.None, false, false
	}
	out = legacy.Decode(text, enc, upper)
	return out, enc, guessed, out != text
}

// formulaString matches a string constant of a formula ("" is a quote).
var formulaString = regexp.MustCompile(`"(?:[^"]|"")*"`)

// convertFormula converts the string constants of a formula in font; n is
// how many changed.
func convertFormula(formula, font string, conv *Conversion) (string, int) {
	n := 0
	out := formulaString.ReplaceAllStringFunc(formula, func(q string) string {
		text := strings.ReplaceAll(q[1:len(q)-1], `""`, `"`)
		to, enc, guessed := legacy.Convert(text, font)
		if enc == legacy.None {
			return q
		}
		n++
		conv.note(enc, guessed)
		return `"` + strings.ReplaceAll(to, `"`, `""`) + `"`
	})
	return out, n
}

// renameFonts replaces every legacy font of the style sheet by its Unicode
// counterpart: after conversion all text in those fonts is Unicode.
func renameFonts(f *excelize.File, conv *Conversion) {
	if _, err := f.GetStyle(0); err != nil || f.Styles == nil || f.Styles.Fonts == nil {
		return
	}
	for _, font := range f.Styles.Fonts.Font {
		if font == nil || font.Name == nil || font.Name.Val == nil {
			continue
		}
		if u := UnicodeFont(*font.Name.Val); u != "" {
			conv.Fonts[*font.Name.Val] = u
			*font.Name.Val = u
		}
	}
}

// convertXLS builds an .xlsx from an .xls workbook with its text converted
// as when reading it.
func convertXLS(d *ingest.Decoded, conv *Conversion) (*excelize.File, error) {
	wb := d.XLS
	f := excelize.NewFile()
	styles := map[[2]string]int{} // font, number format -> style id
	styleOf := func(font, format string) (int, error) {
		key := [2]string{font, format}
		if id, ok := styles[key]; ok {
			return id, nil
		}
		st := &excelize.Style{}
		if font != "" {
			st.Font = &excelize.Font{Family: font}
		}
		if format != "" && format != "General" {
			st.CustomNumFmt = &format
		}
		id, err := f.NewStyle(st)
		styles[key] = id
		return id, err
	}
	firstVisible := ""
	for i, sh := range wb.Sheets {
		name := sh.Name
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		if !sh.Hidden && firstVisible == "" {
			firstVisible = name
		}
		_, text, notes, err := d.Sheet(name)
		if err != nil {
			return nil, err
		}
		for _, note := range notes {
			conv.note(note.Encoding, note.Guessed)
		}
		if err := copyXLSSheet(f, name, sh, text, styleOf, conv); err != nil {
			return nil, err
		}
	}
	// A hidden sheet cannot be the active one.
	if firstVisible != "" {
		if idx, err := f.GetSheetIndex(firstVisible); err == nil {
			f.SetActiveSheet(idx)
		}
	}
	for _, sh := range wb.Sheets {
		if sh.Hidden && sh.Name != firstVisible {
			if err := f.SetSheetVisible(sh.Name, false); err != nil {
				return nil, err
			}
		}
	}
	return f, nil
}

// copyXLSSheet writes the cells (text as read: converted), their fonts
// (Unicode ones for legacy fonts) and number formats, and the merged cells
// of the .xls sheet sh into the sheet name of f.
func copyXLSSheet(f *excelize.File, name string, sh *xls.Sheet, text [][]string, styleOf func(font, format string) (int, error), conv *Conversion) error {
	for _, c := range sh.Cells {
		ref, err := excelize.CoordinatesToCellName(c.Col+1, c.Row+1)
		if err != nil {
			return err
		}
		font := c.Font
		if u := UnicodeFont(font); u != "" {
			conv.Fonts[font] = u
			font = u
		}
		switch c.Kind {
		case xls.Number:
			err = f.SetCellFloat(name, ref, c.Num, -1, 64)
		case xls.Bool:
			err = f.SetCellBool(name, ref, c.Num != 0)
		default:
			s := c.Str
			if c.Row < len(text) && c.Col < len(text[c.Row]) {
				s = text[c.Row][c.Col] // converted
			}
			err = f.SetCellStr(name, ref, s)
		}
		if err != nil {
			return err
		}
		id, err := styleOf(font, c.FormatCode)
		if err != nil {
			return err
		}
		if id != 0 {
			if err := f.SetCellStyle(name, ref, ref, id); err != nil {
				return err
			}
		}
	}
	for _, m := range sh.Merges {
		from, _ := excelize.CoordinatesToCellName(m.FirstCol+1, m.FirstRow+1)
		to, _ := excelize.CoordinatesToCellName(m.LastCol+1, m.LastRow+1)
		if err := f.MergeCell(name, from, to); err != nil {
			return err
		}
	}
	return nil
}
