package xlsx

import "github.com/xuri/excelize/v2"

// StyleFont is the name of the font of cell style id in f's style sheet,
// "" if unknown: the answer Book.Font mirrors. excelize's GetStyle leaves
// out the font of an xf with applyFont="0", which LibreOffice writes
// although Excel shows that font, so the style sheet is read directly
// (GetStyle loads it).
func StyleFont(f *excelize.File, id int) string {
	if _, err := f.GetStyle(id); err != nil || f.Styles == nil || f.Styles.Fonts == nil {
		return ""
	}
	fonts, fontID := f.Styles.Fonts.Font, 0
	if p := f.Styles.CellXfs.Xf[id].FontID; p != nil {
		fontID = *p
	}
	if 0 <= fontID && fontID < len(fonts) && fonts[fontID] != nil && fonts[fontID].Name != nil && fonts[fontID].Name.Val != nil {
		return *fonts[fontID].Name.Val
	}
	return ""
}
