package sheets

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"chitieu/ooxml"

	"github.com/xuri/excelize/v2"
)

// Clear empties an existing summary sheet of a master in place, so
// that it can be filled again like a new one while keeping its place, its
// sheet id and its name, and with them every formula elsewhere that points
// into it. sc is what the package says of the sheet (see Scan): each
// of its cells loses its value, formula and style, its hyperlinks go,
// hidden rows show again, row and column styles go, and its merged ranges,
// conditional formats, data validations, tables and charts are removed. An
// autofilter is replaced when the sheet is filled (excelize cannot remove
// one), and so are the panes, the widths of the columns in use and the
// print setup.
func Clear(f *excelize.File, name string, sc SheetScan) error {
	steps := []func(*excelize.File, string, SheetScan) error{clearColumns, clearCells, clearRows, clearLinks, clearCharts}
	for _, step := range steps {
		if err := step(f, name, sc); err != nil {
			return err
		}
	}
	for _, step := range []func(*excelize.File, string) error{unmerge, clearFormats, clearTables} {
		if err := step(f, name); err != nil {
			return err
		}
	}
	return nil
}

// clearColumns resets the style of the styled columns, which would
// otherwise colour new cells.
func clearColumns(f *excelize.File, name string, sc SheetScan) error {
	for _, cols := range sc.styledCols {
		if err := f.SetColStyle(name, cols, 0); err != nil {
			return err
		}
	}
	return nil
}

// clearCells removes the value, formula and style of every cell.
func clearCells(f *excelize.File, name string, sc SheetScan) error {
	for _, cell := range sc.cells {
		if err := f.SetCellDefault(name, cell, ""); err != nil {
			return err
		}
		if err := f.SetCellStyle(name, cell, cell, 0); err != nil {
			return err
		}
	}
	return nil
}

// clearRows resets the style of the styled rows and shows the hidden ones.
func clearRows(f *excelize.File, name string, sc SheetScan) error {
	for _, row := range sc.styledRows {
		if err := f.SetRowStyle(name, row, row, 0); err != nil {
			return err
		}
	}
	for _, row := range sc.hiddenRows {
		if err := f.SetRowVisible(name, row, true); err != nil {
			return err
		}
	}
	return nil
}

// clearLinks removes the hyperlinks.
func clearLinks(f *excelize.File, name string, sc SheetScan) error {
	for _, cell := range sc.links {
		if err := f.SetCellHyperLink(name, cell, "", "None"); err != nil {
			return err
		}
	}
	return nil
}

// clearCharts removes the charts.
func clearCharts(f *excelize.File, name string, sc SheetScan) error {
	for _, cell := range sc.Charts {
		if err := f.DeleteChart(name, cell); err != nil {
			return err
		}
	}
	return nil
}

// unmerge removes every merged range of the sheet.
func unmerge(f *excelize.File, name string) error {
	merged, err := f.GetMergeCells(name, true)
	if err != nil {
		return err
	}
	for _, m := range merged {
		if err := f.UnmergeCell(name, m.GetStartAxis(), m.GetEndAxis()); err != nil {
			return err
		}
	}
	return nil
}

// clearFormats removes the sheet's conditional formats and data
// validations.
func clearFormats(f *excelize.File, name string) error {
	formats, err := f.GetConditionalFormats(name)
	if err != nil {
		return err
	}
	for ref := range formats {
		if err := f.UnsetConditionalFormat(name, ref); err != nil {
			return err
		}
	}
	return f.DeleteDataValidation(name)
}

// clearTables removes the sheet's tables (list objects).
func clearTables(f *excelize.File, name string) error {
	tables, err := f.GetTables(name)
	if err != nil {
		return err
	}
	for _, t := range tables {
		if err := f.DeleteTable(t.Name); err != nil {
			return err
		}
	}
	return nil
}

// SheetScan is what clearing a sheet needs to know of it that excelize does
// not tell: every cell it holds (also one with only a style), its styled
// and hidden rows, its styled columns ("B:D"), the first cell of each
// hyperlink, and the top-left cell of each chart.
type SheetScan struct {
	cells                  []string
	styledRows, hiddenRows []int
	styledCols             []string
	links                  []string
	Charts                 []string
}

// Scan reads the worksheets names (those the workbook has) from the
// workbook package pkg (the bytes of an .xlsx file, decrypted): the
// workbook's list of sheets, each sheet's part and its drawing. Other
// sheets are not read, however large.
func Scan(pkg []byte, names []string) (map[string]SheetScan, error) {
	p, err := ooxml.Open(pkg)
	if err != nil {
		return nil, err
	}
	sheets, err := p.Sheets()
	if err != nil {
		return nil, err
	}
	scans := map[string]SheetScan{}
	for _, sh := range sheets {
		if !slices.Contains(names, sh.Name) {
			continue
		}
		sc, err := scanSheet(p, sh.Part)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", sh.Name, err)
		}
		scans[sh.Name] = sc
	}
	return scans, nil
}

// scanSheet reads the worksheet at sheetPath and its drawing.
func scanSheet(p *ooxml.Package, sheetPath string) (SheetScan, error) {
	file, ok := p.Parts[sheetPath]
	if !ok {
		return SheetScan{}, fmt.Errorf("no part %s", sheetPath)
	}
	rc, err := file.Open()
	if err != nil {
		return SheetScan{}, err
	}
	defer rc.Close()
	sc, err := scanWorksheet(rc)
	if err != nil {
		return sc, err
	}
	sc.Charts, err = sheetChartAnchors(p, sheetPath)
	return sc, err
}

// scanWorksheet reads a worksheet part as a stream, element by element.
func scanWorksheet(r io.Reader) (SheetScan, error) {
	var sc SheetScan
	dec := xml.NewDecoder(r)
	row, col := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return sc, nil
		}
		if err != nil {
			return sc, err
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "row":
			row, col = next(attr(el, "r"), row), 0
			if styled(attr(el, "s")) {
				sc.styledRows = append(sc.styledRows, row)
			}
			if on(attr(el, "hidden")) {
				sc.hiddenRows = append(sc.hiddenRows, row)
			}
		case "c":
			col++
			if ref := attr(el, "r"); ref != "" {
				if col, _, err = excelize.CellNameToCoordinates(ref); err != nil {
					return sc, err
				}
			}
			cell, err := excelize.CoordinatesToCellName(col, row)
			if err != nil {
				return sc, err
			}
			sc.cells = append(sc.cells, cell)
		case "col":
			if styled(attr(el, "style")) {
				cols, err := columnRange(attr(el, "min"), attr(el, "max"))
				if err != nil {
					return sc, err
				}
				sc.styledCols = append(sc.styledCols, cols)
			}
		case "hyperlink":
			first, _, _ := strings.Cut(attr(el, "ref"), ":")
			sc.links = append(sc.links, first)
		}
	}
}

// attr is the value of the attribute name of el, "" without one.
func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// next is the row number r, or the one after prev where r is not given.
func next(r string, prev int) int {
	if n, err := strconv.Atoi(r); err == nil {
		return n
	}
	return prev + 1
}

func styled(style string) bool { return style != "" && style != "0" }

func on(flag string) bool { return flag == "1" || flag == "true" }

// columnRange is "B:D" for the column numbers "2" and "4".
func columnRange(from, to string) (string, error) {
	var names [2]string
	for i, n := range []string{from, to} {
		num, err := strconv.Atoi(n)
		if err != nil {
			return "", err
		}
		if names[i], err = excelize.ColumnNumberToName(num); err != nil {
			return "", err
		}
	}
	return names[0] + ":" + names[1], nil
}

// sheetChartAnchors is the top-left cells of the charts on the worksheet at
// sheetPath: the anchors of its drawing that hold a graphic frame.
func sheetChartAnchors(p *ooxml.Package, sheetPath string) ([]string, error) {
	rels, err := p.Rels(sheetPath)
	if err != nil {
		return nil, err
	}
	var cells []string
	for _, rel := range rels.Rels {
		if !strings.HasSuffix(rel.Type, "/drawing") {
			continue
		}
		var dr struct {
			TwoCell []drawingAnchor `xml:"twoCellAnchor"`
			OneCell []drawingAnchor `xml:"oneCellAnchor"`
		}
		if err := p.ReadXML(ooxml.Resolve(sheetPath, rel.Target), &dr); err != nil {
			return nil, err
		}
		for _, a := range append(dr.TwoCell, dr.OneCell...) {
			if a.Frame == nil {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(a.From.Col+1, a.From.Row+1)
			if err != nil {
				return nil, err
			}
			cells = append(cells, cell)
		}
	}
	return cells, nil
}

// drawingAnchor is an anchor of a drawing part: where it starts, and the
// graphic frame a chart is drawn in.
type drawingAnchor struct {
	From struct {
		Col int `xml:"col"`
		Row int `xml:"row"`
	} `xml:"from"`
	Frame *struct{} `xml:"graphicFrame"`
}

// RoomForCharts reports whether excelize can add the summary's two charts
// (and a drawing for them) to the package pkg without overwriting a part
// it holds. excelize names a new chart after the count of chart parts
// (chart4.xml after three), which is only safe while they are numbered
// without gaps, as Excel and LibreOffice number them.
func RoomForCharts(pkg []byte) bool {
	p, err := ooxml.Open(pkg)
	if err != nil {
		return false
	}
	names := map[string]bool{}
	charts, drawings := 0, 0
	for _, file := range p.Zip.File {
		name := strings.TrimPrefix(file.Name, "/")
		names[name] = true
		if strings.Contains(name, "xl/charts/chart") {
			charts++
		}
		if strings.Contains(name, "xl/drawings/drawing") {
			drawings++
		}
	}
	return !names[fmt.Sprintf("xl/charts/chart%d.xml", charts+1)] &&
		!names[fmt.Sprintf("xl/charts/chart%d.xml", charts+2)] &&
		!names[fmt.Sprintf("xl/drawings/drawing%d.xml", drawings+1)]
}
