package report

import (
	"strings"
	"unicode"
	"unicode/utf16"

	"chitieu/ooxml"

	"golang.org/x/text/unicode/norm"
)

// maxSheetName is Excel's limit on a sheet name, in UTF-16 code units
// (characters, for Vietnamese and every other BMP script).
const maxSheetName = 31

// SafeSheetName makes s (a ward's name, say) a valid Excel sheet name:
// composed to NFC (as Excel stores Vietnamese), [ and ] turned into ( and ),
// the other characters Excel refuses (: * ? / \) and control characters
// into "-", cut to 31 characters, without spaces or apostrophes at either
// end (Excel refuses an apostrophe there), and "Sheet" for what is left
// empty. The name Excel reserves, "History", gets a "_".
func SafeSheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '[':
			return '('
		case r == ']':
			return ')'
		case strings.ContainsRune(`:*?/\`, r), unicode.IsControl(r):
			return '-'
		}
		return r
	}, norm.NFC.String(s))
	s = trimSheetName(s)
	if n := utf16Len(s); n > maxSheetName {
		s = trimSheetName(ooxml.CutUTF16(s, maxSheetName))
	}
	switch {
	case s == "":
		return "Sheet"
	case strings.EqualFold(s, "History"):
		return s + "_"
	}
	return s
}

// trimSheetName removes spaces and apostrophes at both ends.
func trimSheetName(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r == '\'' || unicode.IsSpace(r) })
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// windowsReserved are the device names Windows does not allow as a file
// name, with or without an extension.
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true}

// SafeFileName makes s a file name that Windows (and every other system)
// accepts: the characters Windows refuses (< > : " / \ | ? *) and control
// characters turned into "-", no dot or space at the end, "_" put before a
// reserved device name (CON, PRN, AUX, NUL, COM1..COM9, LPT1..LPT9, also
// with an extension: "_con.xlsx"), and "_" for what is left empty. Letters
// with diacritics are kept.
func SafeFileName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || unicode.IsControl(r) {
			return '-'
		}
		return r
	}, s)
	s = strings.TrimRight(s, ". ")
	if s == "" {
		return "_"
	}
	stem, _, _ := strings.Cut(s, ".")
	if windowsReserved[strings.ToUpper(strings.TrimRight(stem, " "))] {
		return "_" + s
	}
	return s
}
