package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Guess decides from the text alone which legacy encoding s is in, or None.
//
// The score: s is read three ways, as it stands (raw), decoded as TCVN3 and
// decoded as VNI, and each reading is cut into words. A word that has no
// non-ASCII character in any reading is ignored ("Doanh", "12,5"). Every
// other word is good if it is a well-formed Vietnamese syllable (an onset,
// a known vowel cluster with a coda it takes, at most one tone, on a vowel
// where that cluster puts it, and a stop coda -c -ch -p -t only with the
// acute or dot-below tone) and bad otherwise. A word is also bad if it keeps
// a legacy-range character the reading does not turn into a letter (the à of
// "Cà phê" under TCVN3, which has no code for it; the ® of "®ã" read raw).
// Read raw, a word must also be cased as words are (all lower, all upper or
// Capitalised), which rules out "nghÌo".
//
// An encoding wins when its reading changes something, has at least one good
// word, at most one bad word for every two good ones, and a higher net score
// (good minus bad) than the raw reading. If both win, the higher net wins;
// a tie gives None. So ordinary text stays None: ASCII and Unicode
// Vietnamese at once, "Café" or "Müller" because no reading makes them
// Vietnamese, and Unicode Vietnamese that uses only Latin-1 letters
// ("Tháng 8") because its raw reading is already as good as any.
//
// Limits: a text of one or two short words can read as good Vietnamese both
// raw and decoded ("Sè" is "sè" raw and "Số" in TCVN3); Guess then says None
// and the font is the only evidence. Names and loan words count as bad
// words, so a text that is mostly names may not be recognised.
func Guess(s string) Encoding {
	if !hasHigh(s) || IsUnicodeVietnamese(s) {
		return None
	}
	raw := score(s, None)
	t, v := score(s, TCVN3), score(s, VNI)
	tOK, vOK := t.beats(raw), v.beats(raw)
	switch {
	case tOK && vOK:
		if t.net() > v.net() {
			return TCVN3
		}
		if v.net() > t.net() {
			return VNI
		}
		return None
	case tOK:
		return TCVN3
	case vOK:
		return VNI
	}
	return None
}

// tally counts the words of one reading of a text.
type tally struct {
	good, bad int
	changed   int // characters the reading turned into another letter
}

func (t tally) net() int { return t.good - t.bad }

func (t tally) beats(raw tally) bool {
	return t.changed > 0 && t.good > 0 && 2*t.bad <= t.good && t.net() > raw.net()
}

// maxWord bounds the letters of a word that can be a syllable ("nghiêng" has
// 7); longer words are bad without a look.
const maxWord = 12

// score reads s under enc (None: as it stands) and counts its words.
func score(s string, enc Encoding) tally {
	var t tally
	var w [maxWord]rune
	n := 0
	var nonASCII, letters, stray, long bool
	flush := func() {
		switch {
		case n == 0 && !stray:
		case !nonASCII:
		case stray && letters, long:
			t.bad++
		case !letters:
		case isSyllable(w[:n], enc == None):
			t.good++
		default:
			t.bad++
		}
		n = 0
		nonASCII, letters, stray, long = false, false, false, false
	}
	add := func(r rune) {
		letters = true
		if n == maxWord {
			long = true
			return
		}
		w[n] = r
		n++
	}
	for i := 0; i < len(s); {
		r, size, mapped, high := next(s, i, enc)
		if mapped {
			if src, n := utf8.DecodeRuneInString(s[i:]); src != r || n != size {
				t.changed++
			}
		}
		i += size
		switch {
		case mapped:
			nonASCII = true
			add(r)
		case r < utf8.RuneSelf:
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				add(r)
			} else {
				flush()
			}
		case unicode.IsSpace(r):
			flush()
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			nonASCII = true
			if enc != None && high {
				stray = true // a letter the encoding cannot produce
			}
			add(r)
		case high && 0xA0 <= r && r <= 0xFF:
			// A Latin-1 symbol glued to a word: in legacy text, a letter
			// code the reading does not know (the ® of "®ã" read raw).
			nonASCII, stray = true, true
		default:
			flush()
		}
	}
	flush()
	return t
}

// Tone numbers, as the combining marks that carry them.
const (
	toneNone = iota
	toneGrave
	toneHook
	toneTilde
	toneAcute
	toneDot
)

var toneOf = map[rune]uint8{
	0x0300: toneGrave, 0x0309: toneHook, 0x0303: toneTilde, 0x0301: toneAcute, 0x0323: toneDot,
}

// onsets are the consonant clusters that begin a syllable ("" for none).
var onsets = strings.Fields("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x")

// nuclei are the vowel clusters of Vietnamese with the codas each takes
// ("-": none, so the syllable may end there; i y o u: the glides of ai, ay,
// ao, au, ...) and the vowels that may carry the tone, as bit masks over the
// cluster's letters, without and with a coda. oa, oe and uy take the tone on
// either letter when open (hòa and hoà are both in use). The loan rhymes
// -oong/-ooc (xoong, boong) are left out: they are rare, and with them
// VNI "thoâng" (thông) also reads as a TCVN3 syllable, "thoõng".
var nuclei = [...]struct {
	vowels string
	codas  string
	open   uint8
	closed uint8
}{
	{"a", "- c ch m n ng nh p t i y o u", 1, 1},
	{"ă", "c m n ng p t", 0, 1},
	{"â", "c m n ng p t y u", 0, 1},
	{"e", "- c m n ng p t o", 1, 1},
	{"ê", "- ch m n nh p t u", 1, 1},
	{"i", "- ch m n nh p t u", 1, 1},
	{"o", "- c m n ng p t i", 1, 1},
	{"ô", "- c m n ng p t i", 1, 1},
	{"ơ", "- m n p t i", 1, 1},
	{"u", "- c m n ng p t i", 1, 1},
	{"ư", "- c m n ng t i u", 1, 1},
	{"y", "- nh t", 1, 1},
	{"ia", "-", 1, 0},
	{"iê", "c m n ng p t u", 0, 2},
	{"yê", "c m n ng p t u", 0, 2},
	{"oa", "- c ch m n ng nh p t i y o", 3, 2},
	{"oă", "c m n ng t", 0, 2},
	{"oe", "- n t o", 3, 2},
	{"ua", "-", 1, 0},
	{"uâ", "n ng t y", 0, 2},
	{"uê", "- ch n nh", 2, 2},
	{"uô", "c m n ng t i", 0, 2},
	{"uơ", "-", 2, 0},
	{"uy", "- ch n nh t u a", 3, 2},
	{"uyê", "n t", 0, 4},
	{"ưa", "-", 1, 0},
	{"ươ", "c m n ng p t i u", 0, 2},
}

// rhyme is what the syllable check needs to know about a vowel cluster
// followed by a coda.
type rhyme struct {
	tones uint8 // letters of the rhyme that may carry the tone
	stop  bool  // ends in c, ch, p or t
}

var (
	rhymes = map[string]rhyme{}
	// letterInfo maps each lower-case Vietnamese letter to its base letter
	// (keeping the circumflex, breve, horn and đ) and its tone.
	letterInfo = map[rune]struct {
		base rune
		tone uint8
	}{}
)

func init() {
	for _, nu := range nuclei {
		for _, c := range strings.Fields(nu.codas) {
			key, mask := nu.vowels+c, nu.closed
			if c == "-" {
				key, mask = nu.vowels, nu.open
			}
			r := rhymes[key]
			r.tones |= mask
			r.stop = c == "c" || c == "ch" || c == "p" || c == "t"
			rhymes[key] = r
		}
	}
	for _, l := range tcvn3Letters {
		addLetter(unicode.ToLower(l.letter))
	}
	for _, l := range vniLetters {
		addLetter(unicode.ToLower(l.letter))
	}
}

func addLetter(r rune) {
	var base []rune
	tone := uint8(toneNone)
	for _, d := range norm.NFD.String(string(r)) {
		if t, ok := toneOf[d]; ok {
			tone = t
		} else {
			base = append(base, d)
		}
	}
	b, _ := utf8.DecodeRuneInString(norm.NFC.String(string(base)))
	letterInfo[r] = struct {
		base rune
		tone uint8
	}{b, tone}
}

// isSyllable reports whether word is a well-formed Vietnamese syllable.
// With strictCase it must also be all lower case, all upper case or
// capitalised.
func isSyllable(word []rune, strictCase bool) bool {
	if strictCase {
		upper := 0
		for _, r := range word {
			if unicode.IsUpper(r) {
				upper++
			}
		}
		if upper != 0 && upper != len(word) && !(upper == 1 && unicode.IsUpper(word[0])) {
			return false
		}
	}
	var buf [4 * maxWord]byte
	bases := buf[:0]
	tone, tonePos := uint8(toneNone), -1
	for i, r := range word {
		r = unicode.ToLower(r)
		base, t := r, uint8(toneNone)
		if r >= utf8.RuneSelf {
			info, ok := letterInfo[r]
			if !ok {
				return false
			}
			base, t = info.base, info.tone
		} else if r < 'a' || r > 'z' {
			return false
		}
		if t != toneNone {
			if tonePos >= 0 {
				return false
			}
			tone, tonePos = t, i
		}
		bases = utf8.AppendRune(bases, base)
	}
	return hasRhyme(bases, "", tone, tonePos) || anyOnset(bases, tone, tonePos)
}

func anyOnset(bases []byte, tone uint8, tonePos int) bool {
	for _, on := range onsets {
		if len(bases) > len(on) && string(bases[:len(on)]) == on && hasRhyme(bases, on, tone, tonePos) {
			return true
		}
	}
	return false
}

// hasRhyme reports whether bases minus the onset is a rhyme that can carry
// the tone where it is.
func hasRhyme(bases []byte, onset string, tone uint8, tonePos int) bool {
	rh, ok := rhymes[string(bases[len(onset):])]
	if !ok {
		return false
	}
	if tone == toneNone {
		return !rh.stop
	}
	if rh.stop && tone != toneAcute && tone != toneDot {
		return false
	}
	at := tonePos - utf8.RuneCountInString(onset)
	return at >= 0 && at < 8 && rh.tones&(1<<at) != 0
}
