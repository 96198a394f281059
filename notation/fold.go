package notation

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold lower-cases s, removes Vietnamese diacritics (đ becomes d), and turns
// every run of characters that are neither letters nor digits into one space.
// "PHƯỜNG 05" and "phuong 05" fold alike, whatever their Unicode form.
func Fold(s string) string {
	return collapse(unaccent(s))
}

// unaccent lower-cases s and removes diacritics, keeping punctuation.
func unaccent(s string) string {
	if isASCII(s) {
		return strings.ToLower(s) // no marks to remove
	}
	// A transform chain keeps state: one per call keeps Fold safe for
	// concurrent use.
	stripMarks := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(stripMarks, s)
	if err != nil {
		out = s
	}
	out = strings.NewReplacer("đ", "d", "Đ", "d").Replace(out)
	return strings.ToLower(out)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

var (
	// "1.", "2.1.", "a)", "II.", "-", "+", "*", "•" before a label.
	leadingNumbering = regexp.MustCompile(`^\s*(?:(?:\d+[.)/]?)+|[a-zđ][.)]|[ivxlc]+[.)]|[-+*•·–])\s*`)
	// "(hộ)", "(triệu đồng)" after a label.
	trailingUnit = regexp.MustCompile(`\s*\([^()]*\)\s*$`)
)

// abbreviations that forms use in labels, folded, with what they stand for.
var abbreviations = [][2]string{
	{"tm dv", "thuong mai dich vu"}, {"tmdv", "thuong mai dich vu"},
	{"pphs", "pham phap hinh su"}, {"pp hs", "pham phap hinh su"},
	{"kt xh", "kinh te xa hoi"}, {"ktxh", "kinh te xa hoi"},
	{"qhct", "quy hoach chi tiet"},
}

// LabelKey is the form of an indicator label used for matching: folded,
// without leading numbering and without a unit in parentheses at the end,
// with abbreviations ("TM-DV", "PPHS") written out.
func LabelKey(label string) string {
	s := unaccent(strings.TrimSpace(label))
	s = leadingNumbering.ReplaceAllString(s, "")
	s = trailingUnit.ReplaceAllString(s, "")
	key := " " + collapse(s) + " "
	for _, a := range abbreviations {
		key = strings.ReplaceAll(key, " "+a[0]+" ", " "+a[1]+" ")
	}
	return strings.TrimSpace(key)
}
