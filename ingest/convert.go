package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"chitieu/legacy"
	"chitieu/xls"

	"github.com/xuri/excelize/v2"
)

// Conversion counts what ConvertWorkbook changed.
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

// ConvertWorkbook reads the workbook at path (.xlsx and its kin, or .xls)
// and returns a copy in which every text typed in a legacy Vietnamese
// encoding is Unicode and legacy fonts are replaced by Unicode ones. The
// input file is never written. An .xlsx keeps everything else as it was
// (formulas are kept, so a formula's own text is not converted); an .xls
// becomes an .xlsx holding its sheets, values, number formats, fonts and
// merged cells (formulas as their saved results).
func ConvertWorkbook(path, password string) (*excelize.File, Conversion, error) {
	conv := Conversion{Cells: map[legacy.Encoding]int{}, Fonts: map[string]string{}}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, conv, err
	}
	if bytes.HasPrefix(data, oleHeader) {
		wb, err := xls.Open(bytes.NewReader(data), int64(len(data)))
		if err == nil {
			f, err := convertXLS(wb, &conv)
			return f, conv, err
		}
		if !errors.Is(err, xls.ErrNotXLS) {
			return nil, conv, err
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{Password: password,
		UnzipSizeLimit: unzipSizeLimit, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil {
		return nil, conv, err
	}
	if err := convertXLSX(f, &conv); err != nil {
		f.Close()
		return nil, conv, err
	}
	return f, conv, nil
}

func (c *Conversion) note(enc legacy.Encoding, guessed bool) {
	c.Cells[enc]++
	if guessed {
		c.Guessed++
	}
}

// convertXLSX converts f's text cells in place, then renames its legacy
// fonts.
func convertXLSX(f *excelize.File, conv *Conversion) error {
	cellFont := &excelBook{f: f}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return fmt.Errorf("%s: %w", sheet, err)
		}
		for r, row := range rows {
			for c, text := range row {
				if !mayBeLegacy(text) {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					continue
				}
				if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
					continue
				}
				font := cellFont.font(sheet, ref)
				if err := convertCell(f, sheet, ref, text, font, conv); err != nil {
					return fmt.Errorf("%s!%s: %w", sheet, ref, err)
				}
			}
		}
	}
	renameFonts(f, conv)
	return nil
}

// convertCell converts one text cell: run by run when it holds rich text
// (each run in its own font, else the cell's).
func convertCell(f *excelize.File, sheet, ref, text, font string, conv *Conversion) error {
	runs, err := f.GetCellRichText(sheet, ref)
	if err == nil && len(runs) > 1 {
		changed := false
		for i, run := range runs {
			runFont := font
			if run.Font != nil && run.Font.Family != "" {
				runFont = run.Font.Family
			}
			out, enc, guessed := legacy.Convert(run.Text, runFont)
			if enc == legacy.None {
				continue
			}
			conv.note(enc, guessed)
			runs[i].Text, changed = out, true
			if run.Font != nil {
				if u := UnicodeFont(run.Font.Family); u != "" {
					conv.Fonts[run.Font.Family] = u
					runs[i].Font.Family = u
				}
			}
		}
		if !changed {
			return nil
		}
		return f.SetCellRichText(sheet, ref, runs)
	}
	out, enc, guessed := legacy.Convert(text, font)
	if enc == legacy.None {
		return nil
	}
	conv.note(enc, guessed)
	return f.SetCellStr(sheet, ref, out)
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

// convertXLS builds an .xlsx from an .xls workbook with its text converted.
func convertXLS(wb *xls.Workbook, conv *Conversion) (*excelize.File, error) {
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
	for i, sh := range wb.Sheets {
		name := sh.Name
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		for _, c := range sh.Cells {
			ref, err := excelize.CoordinatesToCellName(c.Col+1, c.Row+1)
			if err != nil {
				return nil, err
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
				text := c.Str
				if out, enc, guessed := legacy.Convert(text, c.Font); enc != legacy.None {
					conv.note(enc, guessed)
					text = out
				}
				err = f.SetCellStr(name, ref, text)
			}
			if err != nil {
				return nil, err
			}
			id, err := styleOf(font, c.FormatCode)
			if err != nil {
				return nil, err
			}
			if id != 0 {
				if err := f.SetCellStyle(name, ref, ref, id); err != nil {
					return nil, err
				}
			}
		}
		for _, m := range sh.Merges {
			from, _ := excelize.CoordinatesToCellName(m.FirstCol+1, m.FirstRow+1)
			to, _ := excelize.CoordinatesToCellName(m.LastCol+1, m.LastRow+1)
			if err := f.MergeCell(name, from, to); err != nil {
				return nil, err
			}
		}
		if sh.Hidden && i > 0 {
			if err := f.SetSheetVisible(name, false); err != nil {
				return nil, err
			}
		}
	}
	return f, nil
}
