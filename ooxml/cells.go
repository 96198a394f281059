package ooxml

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Writing cells as excelize writes them: the shared strings, a cell's
// text and a number's digits. Package report splices rows into the
// worksheets excelize wrote with these.

// CreateLike adds a part to zw with the name and times of zf (zero times
// stay zero), deflated; zw sets the sizes.
func CreateLike(zw *zip.Writer, zf *zip.File) (io.Writer, error) {
	header := zf.FileHeader
	header.Modified = time.Time{}
	header.Method = zip.Deflate
	return zw.CreateHeader(&header)
}

// TotalCellChars is the most characters (UTF-16 code units) a cell holds,
// as excelize.TotalCellChars.
const TotalCellChars = 32767

// SharedStrings are the shared strings of a package as excelize wrote
// them, kept as written, and those added to them (Ref) for cells written
// afterwards.
type SharedStrings struct {
	head, body []byte // excelize's <sst ...> start tag and its items
	count      int    // the cells that refer to a shared string
	base       int    // the items of body
	index      map[string]int
	added      []string
}

// ReadSharedStrings reads the SharedStringsPart of zr as excelize writes it
// (an <si> item per uniqueCount); sst is nil without one, or when it is
// not as excelize writes it, and cells then keep their strings inline.
func ReadSharedStrings(zr *zip.Reader) (sst *SharedStrings, part *zip.File) {
	for _, zf := range zr.File {
		if zf.Name == SharedStringsPart {
			part = zf
		}
	}
	if part == nil {
		return nil, nil
	}
	rc, err := part.Open()
	if err != nil {
		return nil, nil
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return nil, nil
	}
	start := bytes.Index(data, []byte("<sst"))
	end := bytes.LastIndex(data, []byte("</sst>"))
	if start < 0 || end < 0 {
		return nil, nil
	}
	tagEnd := bytes.IndexByte(data[start:], '>')
	if tagEnd < 0 || data[start+tagEnd-1] == '/' || start+tagEnd >= end {
		return nil, nil
	}
	head, body := data[:start+tagEnd+1], data[start+tagEnd+1:end]
	count, err1 := strconv.Atoi(attrValue(head, "count"))
	unique, err2 := strconv.Atoi(attrValue(head, "uniqueCount"))
	items := bytes.Count(body, []byte("<si>")) + bytes.Count(body, []byte("<si "))
	if err1 != nil || err2 != nil || unique != items {
		return nil, nil
	}
	return &SharedStrings{head: head, body: body, count: count, base: items, index: map[string]int{}}, part
}

// attrValue is the value of attribute name in the start tag tag.
func attrValue(tag []byte, name string) string {
	_, after, ok := bytes.Cut(tag, []byte(" "+name+`="`))
	if !ok {
		return ""
	}
	value, _, _ := bytes.Cut(after, []byte(`"`))
	return string(value)
}

// Ref is the index of text among the shared strings, added if new; each
// call counts one more cell that refers to a shared string.
func (sst *SharedStrings) Ref(text string) int {
	sst.count++
	if i, ok := sst.index[text]; ok {
		return i
	}
	i := sst.unique()
	sst.index[text] = i
	sst.added = append(sst.added, text)
	return i
}

func (sst *SharedStrings) unique() int { return sst.base + len(sst.added) }

var sstCounts = regexp.MustCompile(` (count|uniqueCount)="[0-9]*"`)

// Write writes the shared strings, with their counts, as the part zf (the
// one ReadSharedStrings read) into zw.
func (sst *SharedStrings) Write(zw *zip.Writer, zf *zip.File) error {
	part, err := CreateLike(zw, zf)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(part, 64<<10)
	head := sstCounts.ReplaceAllFunc(sst.head, func(attr []byte) []byte {
		if bytes.HasPrefix(attr, []byte(" count=")) {
			return []byte(` count="` + strconv.Itoa(sst.count) + `"`)
		}
		return []byte(` uniqueCount="` + strconv.Itoa(sst.unique()) + `"`)
	})
	bw.Write(head)
	bw.Write(sst.body)
	for _, text := range sst.added {
		bw.WriteString("<si>")
		WriteT(bw, text)
		bw.WriteString("</si>")
	}
	bw.WriteString("</sst>")
	return bw.Flush()
}

// WriteT writes text as a <t> element, cut to Excel's 32,767 characters,
// its edge spaces kept.
func WriteT(w *bufio.Writer, text string) {
	text = CutUTF16(text, TotalCellChars)
	w.WriteString(`<t`)
	if text != "" && (isXMLSpace(text[0]) || isXMLSpace(text[len(text)-1])) {
		w.WriteString(` xml:space="preserve"`)
	}
	w.WriteByte('>')
	escapeText(w, text)
	w.WriteString(`</t>`)
}

func isXMLSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// escapeText writes text as XML character data. As excelize does, a
// character XML cannot hold becomes U+FFFD, and text that reads as an
// escaped character (_x0041_) gets its underscore escaped (_x005F_), so
// that it reads back as written.
func escapeText(w *bufio.Writer, text string) {
	last := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '\r':
			esc = "&#xD;"
		case r == '_' && escapedCharAt(text[i:]):
			esc = "_x005F_"
		case r == utf8.RuneError && size == 1, !isXMLChar(r):
			esc = "\uFFFD"
		}
		if esc != "" {
			w.WriteString(text[last:i])
			w.WriteString(esc)
			last = i + size
		}
		i += size
	}
	w.WriteString(text[last:])
}

// escapedCharAt reports whether s starts with an OOXML escaped character,
// _xHHHH_ with four hexadecimal digits.
func escapedCharAt(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// isXMLChar is XML 1.0's Char production.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// FormatFloat is how excelize writes a float64 cell: the shortest
// decimal that reads back the same, cut to Excel's 15 significant digits.
func FormatFloat(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return s
	}
	const maxDigits = 15
	point := strings.IndexByte(s, '.')
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || digits == 0 && s[i] == '0' {
			continue
		}
		digits++
		if digits <= maxDigits {
			continue
		}
		if point >= 0 && i > point {
			return strings.TrimSuffix(s[:i], ".")
		}
		if point < 0 {
			point = len(s)
		}
		whole := []byte(s[:point])
		for ; i < len(whole); i++ {
			whole[i] = '0'
		}
		return string(whole)
	}
	return s
}

// CutUTF16 is the longest prefix of s of at most n UTF-16 code units (as
// Excel counts) that does not split a character.
func CutUTF16(s string, n int) string {
	if len(s) <= n {
		return s // never more units than bytes
	}
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return s[:i]
		}
	}
	return s
}
