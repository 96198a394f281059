package report

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Print setup of every summary sheet.
const (
	paperA4        = 9 // excelize's (and Excel's) paper size index of A4
	printTitles    = "_xlnm.Print_Titles"
	footerFontSize = 9
)

// made is the summary's date made (Options.Now) as dd/mm/yyyy, "" without
// one.
func (o Options) made() string {
	if o.Now.IsZero() {
		return ""
	}
	return o.Now.Format("02/01/2006")
}

// printSetup makes the sheet print on A4 landscape, fitted to one page wide
// and as many pages tall as it needs, centred, with its header row
// repeated on each page (the sheet-scoped defined name _xlnm.Print_Titles)
// and a footer with the date made on the left and the page number on the
// right. It is called after any AutoFilter, which resets the sheet's
// properties (and with them the fit-to-page flag).
func (s *sheet) printSetup(o Options) error {
	fit, on := true, true
	if err := s.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	size, orientation, wide, tall := paperA4, "landscape", 1, 0
	if err := s.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	if err := s.f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Horizontally: &on}); err != nil {
		return err
	}
	if err := s.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{OddFooter: footer(o)}); err != nil {
		return err
	}
	return s.setPrintTitles()
}

// footer is the page footer: "Ngày lập: 15/09/2003" on the left (left out
// without a date) and "Trang 1/3" on the right, in a small font.
func footer(o Options) string {
	font := "&" + strconv.Itoa(footerFontSize)
	var b strings.Builder
	if made := o.made(); made != "" {
		b.WriteString("&L" + font + headerFooterText(o.t("made", made)))
	}
	b.WriteString("&R" + font + o.t("pageOf"))
	return b.String()
}

// headerFooterText escapes text for a page header or footer, where & starts
// a code.
func headerFooterText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// setPrintTitles sets (or, in a master, replaces) the sheet's repeated
// header row; a sheet without one loses an older setting.
func (s *sheet) setPrintTitles() error {
	err := s.f.DeleteDefinedName(&excelize.DefinedName{Name: printTitles, Scope: s.name})
	if err != nil && !errors.Is(err, excelize.ErrDefinedNameScope) {
		return err
	}
	if s.repeat == 0 {
		return nil
	}
	return s.f.SetDefinedName(&excelize.DefinedName{
		Name:     printTitles,
		RefersTo: fmt.Sprintf("%s!$%d:$%d", quoteSheet(s.name), s.repeat, s.repeat),
		Scope:    s.name,
	})
}

// quoteSheet is a sheet name as formulas and defined names write it:
// 'Tổng hợp', with an apostrophe in the name doubled.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
