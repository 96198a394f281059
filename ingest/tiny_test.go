package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/xuri/excelize/v2"
)

// tinyXLSX is the smallest .xlsx the readers accept holding cells (a
// standard form, say) on one sheet: five parts, stored (not deflated) with
// no checksum (archive/zip checks none when the CRC-32 is 0), so that a
// fuzzer's mutation of a byte of XML reaches the XML parsers instead of
// failing the zip checksum. It seeds the workbook fuzz targets: a few
// kilobytes read in about a millisecond, where a sample takes many.
func tinyXLSX(t testing.TB, sheet string, cells map[string]any) []byte {
	t.Helper()
	var sst []string
	index := map[string]int{}
	rows := map[int][]string{}
	var refs []string
	for ref := range cells {
		refs = append(refs, ref)
	}
	sort.Slice(refs, func(i, j int) bool {
		ci, ri, _ := excelize.CellNameToCoordinates(refs[i])
		cj, rj, _ := excelize.CellNameToCoordinates(refs[j])
		return ri < rj || ri == rj && ci < cj
	})
	for _, ref := range refs {
		_, r, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			t.Fatal(err)
		}
		var c string
		switch v := cells[ref].(type) {
		case string:
			if _, ok := index[v]; !ok {
				index[v] = len(sst)
				sst = append(sst, v)
			}
			c = fmt.Sprintf(`<c r="%s" t="s"><v>%d</v></c>`, ref, index[v])
		default:
			c = fmt.Sprintf(`<c r="%s"><v>%v</v></c>`, ref, v)
		}
		rows[r] = append(rows[r], c)
	}
	var rowNumbers []int
	for r := range rows {
		rowNumbers = append(rowNumbers, r)
	}
	sort.Ints(rowNumbers)
	var data bytes.Buffer
	for _, r := range rowNumbers {
		fmt.Fprintf(&data, `<row r="%d">`, r)
		for _, c := range rows[r] {
			data.WriteString(c)
		}
		data.WriteString(`</row>`)
	}
	var strs bytes.Buffer
	for _, s := range sst {
		fmt.Fprintf(&strs, "<si><t>%s</t></si>", html.EscapeString(s))
	}
	const (
		decl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`
		main = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
		rels = `http://schemas.openxmlformats.org/package/2006/relationships`
		rel  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
		ct   = `application/vnd.openxmlformats-officedocument.spreadsheetml.`
	)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", decl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="` + ct + `sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="` + ct + `worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="` + ct + `sharedStrings+xml"/></Types>`},
		{"_rels/.rels", decl + `<Relationships xmlns="` + rels + `"><Relationship Id="rId1" Type="` + rel +
			`/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", decl + `<workbook xmlns="` + main + `" xmlns:r="` + rel + `"><sheets><sheet name="` +
			html.EscapeString(sheet) + `" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", decl + `<Relationships xmlns="` + rels + `">` +
			`<Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", decl + `<worksheet xmlns="` + main + `"><sheetData>` + data.String() + `</sheetData></worksheet>`},
		{"xl/sharedStrings.xml", decl + fmt.Sprintf(`<sst xmlns="%s" count="%d" uniqueCount="%d">`, main, len(sst), len(sst)) +
			strs.String() + `</sst>`},
	}
	var names, bodies []string
	for _, p := range parts {
		names, bodies = append(names, p.name), append(bodies, p.body)
	}
	return storedZip(t, names, bodies)
}

// storedZip is a zip of the named parts, stored with no checksum.
func storedZip(t testing.TB, names, bodies []string) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for i, name := range names {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store,
			CompressedSize64: uint64(len(bodies[i])), UncompressedSize64: uint64(len(bodies[i]))})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(bodies[i])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// stored rewrites an .xlsx with its parts stored with no checksum, as
// tinyXLSX writes them, so that the fuzzer mutates its XML; ok is false
// when data is no zip.
func stored(t testing.TB, data []byte) (out []byte, ok bool) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, false
	}
	var names, bodies []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, false
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, false
		}
		names, bodies = append(names, f.Name), append(bodies, string(body))
	}
	return storedZip(t, names, bodies), true
}

// tinySeeds are the small inputs that seed the workbook fuzz targets: tiny
// forms, and the first bytes of the formats the readers recognise.
func tinySeeds(t testing.TB) [][]byte {
	form := standardForm([]string{"PHƯỜNG 5", "NĂM 2002"}, [3]any{"Số hộ nghèo", 5, 4.5}, [3]any{"Tỷ lệ hộ nghèo", "1,5%", nil})
	transposed := map[string]any{"A1": "PHƯỜNG 7", "A2": "6 THÁNG ĐẦU NĂM 2003", "A4": "Chỉ tiêu", "B4": "Số hộ nghèo",
		"C4": "Tổng số hộ dân", "A5": "Kỳ báo cáo", "B5": 12, "C5": 3400}
	return [][]byte{
		tinyXLSX(t, "Báo cáo", form),
		tinyXLSX(t, "Sheet1", transposed),
		tinyXLSX(t, "Trống", map[string]any{"A1": "x"}),
		{},
		[]byte("PK\x03\x04"),
		oleHeader,
	}
}

// TestTinyXLSX: the tiny form is read by the lean path itself, like
// excelize, with its two indicators.
func TestTinyXLSX(t *testing.T) {
	dir := t.TempDir()
	seeds := tinySeeds(t)
	if err := os.WriteFile(filepath.Join(dir, "P05.xlsx"), seeds[0], 0o644); err != nil {
		t.Fatal(err)
	}
	res, fb := readBoth(t, Options{Workers: 1}, dir)
	if len(fb) != 0 {
		t.Fatalf("handed to excelize: %q", fb)
	}
	if len(res.Submissions) != 1 || len(res.Submissions[0].Observations) != 2 {
		t.Fatalf("submissions %+v, problems %+v", res.Submissions, res.Problems)
	}
	if len(seeds[0]) > 4<<10 {
		t.Errorf("the tiny form has %d bytes", len(seeds[0]))
	}
}
