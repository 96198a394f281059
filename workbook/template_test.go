package workbook

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/internal/ziptest"
	"chitieu/notation"

	"github.com/xuri/excelize/v2"
)

func templatePeriod(t *testing.T, id string) notation.Period {
	t.Helper()
	p, ok := notation.ParsePeriodID(id)
	if !ok {
		t.Fatalf("period %q", id)
	}
	return p
}

func submittedIndicators(cfg *catalog.Config) []catalog.Indicator {
	var out []catalog.Indicator
	for _, ind := range cfg.Indicators {
		if ind.Submitted() {
			out = append(out, ind)
		}
	}
	return out
}

// saveTemplate writes the template for ward and period into dir, after
// fill has filled it in.
func saveTemplate(t *testing.T, dir, ward, period string, fill func(f *excelize.File)) string {
	t.Helper()
	f, err := Template(catalog.Builtin(), ward, templatePeriod(t, period))
	if err != nil {
		t.Fatal(err)
	}
	if fill != nil {
		fill(f)
	}
	path := filepath.Join(dir, "mau.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTemplateRoundTrip(t *testing.T) {
	cfg := catalog.Builtin()
	rows := submittedIndicators(cfg)
	type cellValue struct {
		ref   string
		value float64
	}
	want := map[string][2]cellValue{} // indicator -> current, previous
	path := saveTemplate(t, t.TempDir(), "Phường 5", "2003-H1", func(f *excelize.File) {
		for i, ind := range rows {
			n := strconv.Itoa(templateFirstRow + i)
			// Distinct values per row and column, so that a value read
			// from the wrong cell shows; parts never exceed their wholes
			// (poor households, solved cases).
			cur, prev := float64(5000-100*i), float64(4000-100*i)
			var curCell, prevCell any = cur, prev
			switch {
			case ind.Kind == catalog.KindFlag:
				cur, prev = 1, 0
				curCell, prevCell = "Có", "Không"
			case notation.Scalable(ind.Unit):
				cur, prev = 12500.5, 10800.25
				curCell, prevCell = cur, prev
			}
			for _, c := range []struct {
				ref string
				v   any
			}{{"E" + n, curCell}, {"F" + n, prevCell}, {"G" + n, "ghi chú " + n}} {
				if err := f.SetCellValue(templateSheet, c.ref, c.v); err != nil {
					t.Fatal(err)
				}
			}
			want[ind.ID] = [2]cellValue{{"E" + n, cur}, {"F" + n, prev}}
		}
	})
	res := read(t, path)
	for _, p := range res.Problems {
		t.Errorf("problem: %s", p.Format("en"))
	}
	if len(res.Submissions) != 1 {
		t.Fatalf("submissions = %d", len(res.Submissions))
	}
	s := res.Submissions[0]
	if s.Ward != "Phường 5" || s.Period != "2003-H1" || s.Sheet != templateSheet || s.File != path {
		t.Errorf("submission = %q %q %q %q", s.Ward, s.Period, s.Sheet, s.File)
	}
	if len(s.Observations) != len(rows) {
		t.Errorf("%d observations, want %d", len(s.Observations), len(rows))
	}
	for _, ind := range rows {
		o := observation(t, s, ind.ID)
		w := want[ind.ID]
		for i, fig := range []analysis.Figure{o.Current, o.Previous} {
			if !fig.Known || fig.Value != w[i].value || fig.Source.Ref != w[i].ref || fig.Source.Sheet != templateSheet {
				t.Errorf("%s: read %+v, want %v from %s", ind.ID, fig, w[i].value, w[i].ref)
			}
		}
	}
}

func TestTemplateBlankReadsWithoutErrors(t *testing.T) {
	path := saveTemplate(t, t.TempDir(), "Phường 12", "2003-Q3", nil)
	res := read(t, path)
	for _, p := range res.Problems {
		if p.Severity == analysis.SeverityError {
			t.Errorf("problem: %s", p.Format("en"))
		}
	}
	if len(res.Submissions) != 1 {
		t.Fatalf("submissions = %d", len(res.Submissions))
	}
	s := res.Submissions[0]
	if s.Ward != "Phường 12" || s.Period != "2003-Q3" {
		t.Errorf("ward %q period %q", s.Ward, s.Period)
	}
	for _, o := range s.Observations {
		if o.Current.Known || o.Previous.Known {
			t.Errorf("%s: blank cells read as data: %+v", o.Indicator, o)
		}
	}
}

func TestTemplatePeriodTitle(t *testing.T) {
	for _, c := range []struct{ id, title string }{
		{"2003", "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2003"},
		{"2003-H1", "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2003"},
		{"2003-H2", "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG CUỐI NĂM 2003"},
		{"2003-Q1", "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI QUÝ I/2003"},
		{"2003-Q2", "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI QUÝ II/2003"},
		{"2003-Q3", "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI QUÝ III/2003"},
		{"2003-Q4", "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI QUÝ IV/2003"},
		{"2003-9M", "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 9 THÁNG ĐẦU NĂM 2003"},
		{"2003-05", "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI THÁNG 5/2003"},
		{"2003-12", "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI THÁNG 12/2003"},
	} {
		p := templatePeriod(t, c.id)
		title, err := periodTitle(p)
		if err != nil || title != c.title {
			t.Errorf("%s: title %q, %v; want %q", c.id, title, err, c.title)
			continue
		}
		back, ok := notation.FindPeriod(title)
		if !ok || back != p {
			t.Errorf("%s: FindPeriod(%q) = %+v, %v", c.id, title, back, ok)
		}
	}
	for _, bad := range []notation.Period{{Year: 2003, Kind: notation.Half, N: 3}, {Year: 2003, Kind: notation.Month, N: 13},
		{Year: 2003, Kind: notation.Quarter, N: 0}, {Year: 2003}, {Year: 12, Kind: notation.Year}} {
		if title, err := periodTitle(bad); err == nil {
			t.Errorf("%+v: title %q, want an error", bad, title)
		}
	}
}

func TestTemplateRefusesUnknownWard(t *testing.T) {
	p := templatePeriod(t, "2003")
	for _, ward := range []string{"Phường 17", "Quận 5", ""} {
		if _, err := Template(catalog.Builtin(), ward, p); err == nil {
			t.Errorf("%q: no error", ward)
		}
	}
	f, err := Template(catalog.Builtin(), "P05", p)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue(templateSheet, "A2"); v != "PHƯỜNG 5" {
		t.Errorf("P05: A2 = %q", v)
	}
}

func TestTemplateFormSetup(t *testing.T) {
	cfg := catalog.Builtin()
	rows := submittedIndicators(cfg)
	path := saveTemplate(t, t.TempDir(), "Phường 5", "2003-H1", nil)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	if got := f.GetSheetList(); len(got) != 2 || got[0] != templateSheetHelp || got[1] != templateSheet {
		t.Fatalf("sheets = %v", got)
	}
	if f.GetSheetName(f.GetActiveSheetIndex()) != templateSheet {
		t.Errorf("active sheet = %q", f.GetSheetName(f.GetActiveSheetIndex()))
	}
	help, _ := f.GetRows(templateSheetHelp)
	var text []string
	for _, row := range help {
		text = append(text, strings.Join(row, " "))
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"để trống", "\"-\"", "triệu đồng", "Có hoặc Không", ".xlsx", "gửi"} {
		if !strings.Contains(all, want) {
			t.Errorf("instructions lack %q:\n%s", want, all)
		}
	}
	if _, ok := notation.FindPeriod(all); ok {
		t.Errorf("instructions name a period")
	}

	// The prefilled cells.
	for ref, want := range map[string]string{
		"A1": "ỦY BAN NHÂN DÂN", "A2": "PHƯỜNG 5", "A3": "BÁO CÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2003", "A4": "",
		"A5": "STT", "B5": "Chỉ tiêu", "C5": "Mã số", "D5": "Đơn vị tính", "E5": "Kỳ báo cáo", "F5": "Cùng kỳ năm trước", "G5": "Ghi chú",
	} {
		if got, _ := f.GetCellValue(templateSheet, ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	for i, ind := range rows {
		n := strconv.Itoa(templateFirstRow + i)
		for ref, want := range map[string]string{"A" + n: strconv.Itoa(i + 1), "B" + n: ind.Label, "C" + n: ind.Code, "D" + n: ind.Unit, "E" + n: "", "F" + n: ""} {
			if got, _ := f.GetCellValue(templateSheet, ref); got != want {
				t.Errorf("%s = %q, want %q", ref, got, want)
			}
		}
	}
	if props, err := f.GetDocProps(); err != nil || props.Title != "Biểu báo cáo Phường 5 2003-H1" || props.Creator != "chitieu" {
		t.Errorf("doc props = %+v, %v", props, err)
	}
	if props, _ := f.GetCustomProps(); len(props) != 0 {
		t.Errorf("custom props = %+v (a template must read as a ward report)", props)
	}

	// Validation on every value cell, by kind.
	dvs, err := f.GetDataValidations(templateSheet)
	if err != nil {
		t.Fatal(err)
	}
	validation := func(ref string) *excelize.DataValidation {
		col, row, _ := excelize.CellNameToCoordinates(ref)
		for _, dv := range dvs {
			for _, area := range strings.Fields(dv.Sqref) {
				from, to, _ := strings.Cut(area, ":")
				if to == "" {
					to = from
				}
				c1, r1, _ := excelize.CellNameToCoordinates(from)
				c2, r2, _ := excelize.CellNameToCoordinates(to)
				if col >= c1 && col <= c2 && row >= r1 && row <= r2 {
					return dv
				}
			}
		}
		return nil
	}
	for i, ind := range rows {
		n := strconv.Itoa(templateFirstRow + i)
		for _, ref := range []string{"E" + n, "F" + n} {
			dv := validation(ref)
			if dv == nil {
				t.Errorf("%s (%s): no validation", ref, ind.ID)
				continue
			}
			wantType, wantFormula := "whole", "0"
			switch {
			case ind.Kind == catalog.KindFlag:
				wantType, wantFormula = "list", `"Có,Không"`
			case notation.Scalable(ind.Unit):
				wantType = "decimal"
			}
			if dv.Type != wantType || dv.Formula1 != wantFormula || !dv.AllowBlank || !dv.ShowErrorMessage ||
				dv.Error == nil || *dv.Error == "" || (wantType != "list" && dv.Operator != "greaterThanOrEqual") {
				t.Errorf("%s (%s): validation %+v", ref, ind.ID, dv)
			}
		}
		if dv := validation("G" + n); dv != nil {
			t.Errorf("G%s: the note column is validated", n)
		}
	}

	// Locked labels, unlocked inputs, a protected sheet without a password.
	locked := func(ref string) bool {
		id, err := f.GetCellStyle(templateSheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	for _, ref := range []string{"A1", "A2", "A3", "A4", "A5", "B5", "E5", "F5", "G5"} {
		if !locked(ref) {
			t.Errorf("%s is not locked", ref)
		}
	}
	for i := range rows {
		n := strconv.Itoa(templateFirstRow + i)
		for _, col := range "ABCDEFG" {
			if ref := string(col) + n; locked(ref) != strings.ContainsRune("ABCD", col) {
				t.Errorf("%s: locked is %v", ref, locked(ref))
			}
		}
	}
	prot, err := f.GetSheetProtection(templateSheet)
	if err != nil {
		t.Fatal(err)
	}
	if !prot.SelectUnlockedCells || !prot.FormatColumns || prot.InsertRows || prot.DeleteRows {
		t.Errorf("protection = %+v", prot)
	}
	if err := f.UnprotectSheet(templateSheet, ""); err == excelize.ErrUnprotectSheet {
		t.Error("the form sheet is not protected")
	}
	sheetXML := string(ziptest.Part(t, path, "xl/worksheets/sheet2.xml"))
	if !strings.Contains(sheetXML, `<sheetProtection`) || strings.Contains(sheetXML, `password=`) || strings.Contains(sheetXML, `hashValue=`) {
		t.Errorf("sheet protection: %s", between(sheetXML, "<sheetProtection", "/>"))
	}

	// Print setup.
	layout, err := f.GetPageLayout(templateSheet)
	if err != nil || layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 {
		t.Errorf("page layout = %+v, %v", layout, err)
	}
	if props, err := f.GetSheetProps(templateSheet); err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("fit to page not set: %v", err)
	}
	if hf, err := f.GetHeaderFooter(templateSheet); err != nil || !strings.Contains(hf.OddFooter, "&P") {
		t.Errorf("footer = %+v, %v", hf, err)
	}
	var titles bool
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == templateSheet && dn.RefersTo == "'Báo cáo'!$5:$5" {
			titles = true
		}
	}
	if !titles {
		t.Errorf("no print titles among %+v", f.GetDefinedName())
	}
}

func between(s, from, to string) string {
	_, after, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	inner, _, _ := strings.Cut(after, to)
	return from + inner + to
}

// TestTemplatePlanColumn: with the ward's plans in the configuration the
// form has a "Kế hoạch năm" column, prefilled; it reads back as the plans.
func TestTemplatePlanColumn(t *testing.T) {
	cfg := catalog.Builtin()
	cfg.Plans = []catalog.Plan{
		{Year: 2003, Unit: "Phường 5", Indicator: "trade_services_revenue", Value: 40000, Op: ">="},
		{Year: 2002, Unit: "Phường 5", Indicator: "criminal_cases", Value: 30, Op: "<="}, // another year
		{Year: 2003, Unit: "Phường 6", Indicator: "criminal_cases", Value: 20, Op: "<="}, // another ward
	}
	f, err := Template(cfg, "P5", notation.Period{Year: 2003, Kind: notation.Month, N: 5})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "mau.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if h, _ := f.GetCellValue(templateSheet, "H5"); h != "Kế hoạch năm" {
		t.Errorf("H5 = %q", h)
	}
	res := read(t, path)
	if len(res.Submissions) != 1 {
		t.Fatalf("submissions %d, problems %v", len(res.Submissions), res.Problems)
	}
	for _, o := range res.Submissions[0].Observations {
		want := o.Indicator == "trade_services_revenue"
		if o.Plan.Known != want || want && o.Plan.Value != 40000 {
			t.Errorf("%s: plan %+v", o.Indicator, o.Plan)
		}
	}
	// Without plans for it, the form is the one of seven columns.
	g, err := Template(cfg, "P7", notation.Period{Year: 2003, Kind: notation.Month, N: 5})
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := g.GetCellValue(templateSheet, "H5"); h != "" {
		t.Errorf("a plan column without plans: H5 = %q", h)
	}
}
