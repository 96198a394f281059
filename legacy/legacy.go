// Package legacy converts text typed in the legacy 8-bit Vietnamese encodings
// TCVN3 (ABC, the ".Vn" fonts such as .VnTime) and VNI (the "VNI-" fonts such
// as VNI-Times) into Unicode NFC.
//
// Workbooks written before Unicode store such text as bytes that a cell font
// drew as Vietnamese; Excel hands them back as the Latin-1 characters of the
// bytes (U+0080..U+00FF, or the Windows-1252 characters for 0x80..0x9F), so
// "Số hộ nghèo" reads "Sè hé nghÌo" (TCVN3) or "Soá hoä ngheøo" (VNI).
//
// Start with [Convert]: give it a cell's text and the name of its font and it
// applies the whole rule (font first, then a guess from the text alone,
// Unicode text left alone). [FromFont], [Guess] and [Decode] are its parts;
// [Encode] makes legacy text for tests.
package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Encoding names a legacy Vietnamese encoding.
type Encoding int

// The encodings. None means plain text (Unicode, or nothing to convert).
const (
	None Encoding = iota
	TCVN3
	VNI
)

// String returns "TCVN3", "VNI", or "" for None and unknown values.
func (e Encoding) String() string {
	switch e {
	case TCVN3:
		return "TCVN3"
	case VNI:
		return "VNI"
	}
	return ""
}

// FromFont reports the encoding a font name implies.
//
// A name starting with ".Vn" (any case; .VnTime, .VnArial Narrow,
// .VnBook-Antiqua, .Vn3DH, ...) is TCVN3, and upper is true when the name
// ends in a capital H (.VnTimeH, .VnArialH): those fonts draw the lower-case
// codes as capitals. A name starting with "VNI-" (any case; VNI-Times,
// VNI-Helve) is VNI. Anything else is None.
//
// Dotless names such as "VNTime" and "VnTimeH" give None on purpose: they do
// occur next to .VnTime in real workbooks, but there is no evidence in the
// published converters that they are always TCVN3 (UVnTime is a Unicode
// font, "VNtimes new roman" belongs to another code), so text in them goes
// through [Guess], which catches real TCVN3 text without a font name.
func FromFont(font string) (enc Encoding, upper bool) {
	f := strings.TrimSpace(font)
	switch {
	case hasPrefixFold(f, ".vn"):
		return TCVN3, len(f) > 3 && f[len(f)-1] == 'H'
	case hasPrefixFold(f, "vni-"):
		return VNI, false
	}
	return None, false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// IsUnicodeVietnamese reports whether s already holds Unicode Vietnamese: a
// letter outside Latin-1 that only Vietnamese uses (ă đ ĩ ũ ơ ư in either
// case, or a precomposed letter U+1EA0..U+1EF9), or a combining Vietnamese
// mark (grave, acute, circumflex, tilde, breve, hook, horn, dot below) after
// a letter. No legacy text contains these, so text that has them is left
// alone whatever its font says. Unicode text whose only marked letters are in
// Latin-1 (such as "Tháng 8") does not count; [Convert] handles it by score.
func IsUnicodeVietnamese(s string) bool {
	afterLetter := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			afterLetter = 'a' <= c|0x20 && c|0x20 <= 'z'
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case vietnameseOnly(r):
			return true
		case isVietnameseMark(r):
			if afterLetter {
				return true
			}
		default:
			afterLetter = unicode.IsLetter(r)
		}
	}
	return false
}

func vietnameseOnly(r rune) bool {
	switch r {
	case 'ă', 'Ă', 'đ', 'Đ', 'ĩ', 'Ĩ', 'ũ', 'Ũ', 'ơ', 'Ơ', 'ư', 'Ư':
		return true
	}
	return 0x1EA0 <= r && r <= 0x1EF9
}

func isVietnameseMark(r rune) bool {
	switch r {
	case 0x0300, 0x0301, 0x0302, 0x0303, 0x0306, 0x0309, 0x031B, 0x0323:
		return true
	}
	return false
}

// legacyByte reports the 8-bit code a character of legacy text stands for:
// U+0080..U+00FF are the bytes themselves, and the Windows-1252 characters
// (… for 0x85, € for 0x80, ...) are the bytes 0x80..0x9F.
func legacyByte(r rune) (byte, bool) {
	if 0x80 <= r && r <= 0xFF {
		return byte(r), true
	}
	if r < 0x152 || r > 0x2122 || (r > 0x2DC && r < 0x2013) {
		return 0, false
	}
	b, ok := cp1252Rev[r]
	return b, ok
}

// hasHigh reports whether s has a byte >= 0x80, that is a non-ASCII rune.
func hasHigh(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// next decodes one character of s at byte offset i under enc. It returns the
// Unicode rune, the bytes of s it used, whether the encoding's letter table
// produced it (mapped), and whether its source was a legacy-range character.
// With enc == None it returns the rune itself.
func next(s string, i int, enc Encoding) (out rune, size int, mapped, high bool) {
	r, n := rune(s[i]), 1
	if r >= utf8.RuneSelf {
		r, n = utf8.DecodeRuneInString(s[i:])
	}
	b, ok := legacyByte(r)
	if enc == None {
		return r, n, false, ok
	}
	if !ok {
		if enc == VNI && r < utf8.RuneSelf && vniBase[r] && i+n < len(s) {
			if l, m := vniMark(s, i+n, byte(r)); l != 0 {
				return l, n + m, true, false
			}
		}
		return r, n, false, false
	}
	switch enc {
	case TCVN3:
		if l := tcvn3Dec[b]; l != 0 {
			return l, n, true, true
		}
	case VNI:
		if vniBase[b] && i+n < len(s) {
			if l, m := vniMark(s, i+n, b); l != 0 {
				return l, n + m, true, true
			}
		}
		if l := vniOne[b]; l != 0 {
			return l, n, true, true
		}
	}
	if b < 0xA0 && r < 0xA0 {
		if c := cp1252[b-0x80]; c != 0 {
			return c, n, false, true
		}
	}
	return r, n, false, true
}

// vniMark looks for a VNI mark at s[j:] that combines with base; it returns
// the letter and the mark's size, or 0.
func vniMark(s string, j int, base byte) (rune, int) {
	if s[j] < utf8.RuneSelf {
		return 0, 0
	}
	r, n := utf8.DecodeRuneInString(s[j:])
	m, ok := legacyByte(r)
	if !ok {
		return 0, 0
	}
	if l, ok := vniPair[uint16(base)<<8|uint16(m)]; ok {
		return l, n
	}
	return 0, 0
}

// Decode converts s from enc to Unicode NFC. upper says the text is in a
// TCVN3 upper-case font (.VnTimeH ...), which draws every letter, ASCII ones
// included, as a capital; it is ignored for VNI. Characters that are not
// part of the encoding pass through unchanged, except that the bytes
// 0x80..0x9F given as U+0080..U+009F become their Windows-1252 characters,
// as the fonts draw them. With None, Decode returns s.
func Decode(s string, enc Encoding, upper bool) string {
	upper = upper && enc == TCVN3
	if enc != TCVN3 && enc != VNI {
		return s
	}
	if !hasHigh(s) && !(upper && hasLowerASCII(s)) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for i := 0; i < len(s); {
		r, n, mapped, _ := next(s, i, enc)
		if upper && (mapped || r < utf8.RuneSelf) {
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
		i += n
	}
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	if out == s {
		return s
	}
	return out
}

func hasLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// Encode converts Unicode text to enc, giving the bytes as the U+00xx
// characters Excel would show (the form [Decode] reads). ok is false when
// some character has no faithful legacy form, so that Decode(out) would not
// give back the NFC form of s: a character outside Latin-1 that is no
// Vietnamese letter, a Latin-1 character whose byte the encoding uses for a
// letter (ß, ©, the soft hyphen in TCVN3), a C1 control that the fonts draw
// as a Windows symbol, and, in TCVN3, a capital with a tone mark, which is
// written with its lower-case code (what an upper-case .Vn...H font shows as
// that capital). out is always the best-effort form.
func Encode(s string, enc Encoding) (out string, ok bool) {
	if enc != TCVN3 && enc != VNI {
		return s, true
	}
	s = norm.NFC.String(s)
	if !hasHigh(s) {
		return s, true
	}
	ok = true
	var b strings.Builder
	b.Grow(len(s) * 2)
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		if enc == TCVN3 {
			if c, found := tcvn3Enc[r]; found {
				b.WriteRune(rune(c))
				continue
			}
			if c, found := tcvn3Enc[unicode.ToLower(r)]; found {
				b.WriteRune(rune(c))
				ok = false
				continue
			}
		} else if seq, found := vniEnc[r]; found {
			b.WriteString(seq)
			continue
		}
		c, legacy := legacyByte(r)
		switch {
		case !legacy:
			ok = false
		case enc == TCVN3 && tcvn3Dec[c] != 0, enc == VNI && vniUsed[c]:
			ok = false // the byte means a letter here
		case c < 0xA0 && r >= 0x100:
			r = rune(c) // a Windows-1252 character: write its byte
		case c < 0xA0 && cp1252[c-0x80] != 0:
			ok = false // a C1 control that the fonts draw as a symbol
		}
		b.WriteRune(r)
	}
	return b.String(), ok
}

// Reading is how sure [Judge] is of a text.
type Reading int

const (
	// Plain: the text is not in a legacy encoding (or is already Unicode).
	Plain Reading = iota
	// Legacy: the text is typed in the encoding; decode it.
	Legacy
	// Either: the text reads as Vietnamese both as it stands and decoded
	// ("Tháng" is also TCVN3 for "Thỏng", "hé" for "hộ"): the other cells
	// of its sheet decide ([Convert] lets a legacy font decide).
	Either
)

// Judge decides what the text s of a cell drawn in font is:
//
//   - in a legacy font ([FromFont]): Plain if s is already Unicode
//     Vietnamese ([IsUnicodeVietnamese]) or reads as better Vietnamese as
//     it stands than decoded (see [Guess] for the score); Either if it
//     reads as well both ways; else Legacy;
//   - in another font: Legacy with the encoding [Guess] finds (guessed is
//     true), else Either with the encoding whose reading is good Vietnamese
//     as the text is raw, else Plain.
//
// upper is the font's upper-case flag, for [Decode].
func Judge(s, font string) (enc Encoding, upper bool, r Reading, guessed bool) {
	enc, upper = FromFont(font)
	if !hasHigh(s) {
		if enc == TCVN3 && upper && hasLowerASCII(s) {
			return TCVN3, true, Legacy, false
		}
		return None, false, Plain, false
	}
	if enc == None {
		if g := Guess(s); g != None {
			return g, false, Legacy, true
		}
		if IsUnicodeVietnamese(s) {
			return None, false, Plain, false
		}
		raw, t, v := score(s, None), score(s, TCVN3), score(s, VNI)
		best, bt := TCVN3, t
		if v.net() > t.net() {
			best, bt = VNI, v
		} else if v.net() == t.net() {
			return None, false, Plain, false
		}
		if bt.changed > 0 && bt.good > 0 && bt.bad == 0 && bt.net() == raw.net() {
			return best, false, Either, true
		}
		return None, false, Plain, false
	}
	if IsUnicodeVietnamese(s) {
		return None, false, Plain, false
	}
	raw, dec := score(s, None).net(), score(s, enc).net()
	switch {
	case raw > dec:
		return None, false, Plain, false
	case raw == dec && raw > 0:
		return enc, upper, Either, false
	}
	return enc, upper, Legacy, false
}

// Convert applies the rule for one cell on its own: what [Judge] finds
// Legacy is decoded, and so is what it finds Either in a legacy font (the
// font is the only evidence left); Either without a legacy font is left
// alone. Guessed is true when no font said which encoding.
//
// When nothing is converted, or decoding changes nothing, Convert returns s
// unchanged and None. Text with no non-ASCII character returns at once
// without allocating, except in an upper-case TCVN3 font, which turns
// lower-case ASCII letters into capitals as the font draws them.
func Convert(s, font string) (out string, enc Encoding, guessed bool) {
	enc, upper, r, guessed := Judge(s, font)
	if r == Plain || r == Either && guessed {
		return s, None, false
	}
	out = Decode(s, enc, upper)
	if out == s {
		return s, None, false
	}
	return out, enc, guessed
}
