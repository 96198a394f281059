package xlsx

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"

	"github.com/orisano/gosax"
)

// The lean reader's tokenizer: github.com/orisano/gosax splits the XML
// into markup and text, and this file checks and decodes what it splits.
// gosax checks nothing itself, so everything encoding/xml's RawToken would
// refuse is refused here too (a fallback), and then some: only ASCII names
// with at most one prefix, no DTD, no processing instruction but a UTF-8
// XML 1.0 declaration before the root, end tags that match their start
// tags, well-formed comments. Text and attribute values are decoded as
// RawToken decodes them: the five predefined entities and numeric
// character references (of characters XML allows; anything else falls
// back), \r\n and \r read as \n, and invalid UTF-8, characters outside
// XML's range and "]]>" outside CDATA refused.

const (
	saxStart = iota + 1
	saxEnd
	saxText
)

// saxAttr is one attribute of a start tag; raw is its value between the
// quotes, checked but not decoded.
type saxAttr struct {
	space, local []byte
	raw          []byte
}

// saxEvent is one token. Its slices are valid until the next token.
type saxEvent struct {
	kind         int
	space, local []byte      // start and end
	attrs        []saxAttr   // start
	text         []byte      // text and CDATA, decoded
	buf          []byte      // decoding scratch
	abuf         []byte      // attribute decoding scratch
	bindings     []nsBinding // the namespace declarations in scope, outermost first
}

// nsBinding is one namespace declaration: prefix ("" for the default
// namespace) and URI.
type nsBinding struct{ prefix, uri string }

// rootName is the element a part's root must be: excelize reads each part
// into a structure whose XMLName names both its namespace and its name, and
// refuses or ignores a part whose root is another, so the lean reader
// hands such a part to excelize.
type rootName struct{ space, local string }

// The namespaces that excelize's structures name.
const (
	nsMain          = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPackageRels   = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsContentTypes  = "http://schemas.openxmlformats.org/package/2006/content-types"
	nsCore          = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
	nsCustom        = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
	nsDCTerms       = "http://purl.org/dc/terms/"
)

// declared is the prefix a namespace declaration binds ("" for xmlns=).
func declared(a *saxAttr) (prefix string, ok bool) {
	switch {
	case len(a.space) == 5 && string(a.space) == "xmlns":
		return string(a.local), true
	case len(a.space) == 0 && string(a.local) == "xmlns":
		return "", true
	}
	return "", false
}

// namespace is the URI prefix is bound to where the event is: by the
// innermost declaration in scope.
func (e *saxEvent) namespace(prefix []byte) (string, bool) {
	for i := len(e.bindings) - 1; i >= 0; i-- {
		if e.bindings[i].prefix == string(prefix) {
			return e.bindings[i].uri, true
		}
	}
	return "", false
}

// inNamespace reports whether the element of a start or end event is in
// namespace uri.
func (e *saxEvent) inNamespace(uri string) bool {
	ns, ok := e.namespace(e.space)
	return ok && ns == uri
}

// attrIn is the decoded value of the attribute named local in namespace
// uri, as encoding/xml matches a field tagged "uri local,attr".
func (e *saxEvent) attrIn(uri, local string) (string, bool) {
	for i := range e.attrs {
		a := &e.attrs[i]
		if len(a.space) > 0 && string(a.local) == local {
			if ns, ok := e.namespace(a.space); ok && ns == uri {
				return string(e.value(a)), true
			}
		}
	}
	return "", false
}

// attr is the decoded value of the first attribute named local outside
// the xmlns prefix, as RawToken's Attr list would give it.
func (e *saxEvent) attr(local string) (string, bool) {
	v, ok := e.attrBytes(local)
	return string(v), ok
}

// attrBytes is attr without the string; valid until the next call.
func (e *saxEvent) attrBytes(local string) ([]byte, bool) {
	for i := range e.attrs {
		a := &e.attrs[i]
		if string(a.local) == local && string(a.space) != "xmlns" {
			return e.value(a), true
		}
	}
	return nil, false
}

// value decodes an attribute's value (checked when the tag was read).
func (e *saxEvent) value(a *saxAttr) []byte {
	if bytes.IndexByte(a.raw, '&') < 0 && bytes.IndexByte(a.raw, '\r') < 0 {
		return a.raw
	}
	e.abuf, _ = unescapeXML(e.abuf[:0], a.raw, true)
	return e.abuf
}

// saxScanner reads one part's events.
type saxScanner struct {
	r       *gosax.Reader
	in      countingReader
	part    string
	want    rootName // the root element's namespace and name; none checked when local is ""
	ev      saxEvent
	names   []byte // the open elements' qualified names, concatenated
	ends    []int  // where each open element's name ends in names
	nsEnds  []int  // where each open element's declarations end in ev.bindings
	selfEnd bool   // the last start tag closed itself: its end is next
	root    bool   // the root element was read
	done    bool
}

// saxScanners keeps scanners, with their gosax reader and grown slices,
// for the next part.
var saxScanners = sync.Pool{New: func() any { return &saxScanner{r: gosax.NewReaderSize(nil, 32<<10)} }}

func newSaxScanner(part string, want rootName, r io.Reader) *saxScanner {
	s := saxScanners.Get().(*saxScanner)
	s.in = countingReader{r: r}
	s.r.Reset(&s.in)
	s.part, s.want = part, want
	return s
}

// countingReader counts the bytes read: a gosax reader that read a big
// part may have grown its buffer for a big token, and is not kept.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// release returns the scanner to the pool; big scratch buffers are let go.
func (s *saxScanner) release() {
	s.r.Reset(nil)
	if s.in.n > 1<<20 {
		s.r = gosax.NewReaderSize(nil, 32<<10)
	}
	ev := s.ev
	ev.space, ev.local, ev.text = nil, nil, nil
	ev.attrs = ev.attrs[:0]
	clear(ev.attrs[:cap(ev.attrs)])
	ev.bindings = ev.bindings[:0]
	if cap(ev.buf) > 64<<10 {
		ev.buf = nil
	}
	if cap(ev.abuf) > 64<<10 {
		ev.abuf = nil
	}
	*s = saxScanner{r: s.r, ev: ev, names: s.names[:0], ends: s.ends[:0], nsEnds: s.nsEnds[:0]}
	if cap(s.names) > 64<<10 {
		s.names, s.ends = nil, nil
	}
	saxScanners.Put(s)
}

func (s *saxScanner) fail(what string) error { return fallbackf("%s: %s", s.part, what) }

// next returns the next event, or nil at the end of the part.
func (s *saxScanner) next() (*saxEvent, error) {
	ev := &s.ev
	if s.selfEnd {
		s.selfEnd = false
		ev.kind = saxEnd
		ev.attrs = ev.attrs[:0]
		return ev, s.pop(ev.space, ev.local)
	}
	for {
		if s.done {
			return nil, nil
		}
		t, err := s.r.Event()
		if err != nil {
			var fb errFallback
			if errors.As(err, &fb) {
				return nil, fb
			}
			if err == io.EOF {
				return nil, s.fail("unexpected end")
			}
			return nil, fallbackf("%s: %v", s.part, err)
		}
		b := t.Bytes
		switch t.Type() {
		case gosax.EventText:
			text, ok := unescapeXML(ev.buf[:0], b, false)
			if !ok {
				return nil, s.fail("bad text")
			}
			if len(text) > 0 && &text[0] != &b[0] {
				ev.buf = text[:0] // decoded: keep the grown scratch
			}
			ev.kind, ev.text = saxText, text
			return ev, nil
		case gosax.EventCData:
			return s.cdata(b)
		case gosax.EventComment:
			if !commentOK(b) {
				return nil, s.fail("bad comment")
			}
		case gosax.EventProcessingInstruction:
			if s.root || !xmlDeclOK(b) {
				return nil, s.fail("processing instruction or XML declaration")
			}
		case gosax.EventDocType:
			return nil, s.fail("DTD or directive")
		case gosax.EventStart:
			if err := s.start(b); err != nil {
				return nil, err
			}
			return ev, nil
		case gosax.EventEnd:
			space, local, ok := parseEndTag(b)
			if !ok {
				return nil, s.fail("bad end tag")
			}
			ev.kind, ev.space, ev.local = saxEnd, space, local
			ev.attrs = ev.attrs[:0]
			return ev, s.pop(space, local)
		case gosax.EventEOF:
			if len(s.ends) > 0 {
				return nil, s.fail("unexpected end")
			}
			s.done = true
			return nil, nil
		default:
			return nil, s.fail("unknown token")
		}
	}
}

// cdata is the text event of a CDATA section b (with its markup).
func (s *saxScanner) cdata(b []byte) (*saxEvent, error) {
	ev := &s.ev
	if !bytes.HasPrefix(b, []byte("<![CDATA[")) || !bytes.HasSuffix(b, []byte("]]>")) || len(b) < 12 {
		return nil, s.fail("bad CDATA")
	}
	text, ok := cdataXML(ev.buf[:0], b[9:len(b)-3])
	if !ok {
		return nil, s.fail("bad CDATA")
	}
	ev.buf = text[:0]
	ev.kind, ev.text = saxText, text
	return ev, nil
}

// commentOK reports whether b is a comment encoding/xml accepts: no "--"
// inside, and not ending in "-".
func commentOK(b []byte) bool {
	if len(b) < 7 || !bytes.HasPrefix(b, []byte("<!--")) || !bytes.HasSuffix(b, []byte("-->")) {
		return false
	}
	body := b[4 : len(b)-3]
	return !bytes.Contains(body, []byte("--")) && !bytes.HasSuffix(body, []byte("-"))
}

// start reads a start tag into s.ev.
func (s *saxScanner) start(b []byte) error {
	ev := &s.ev
	if len(b) < 3 || b[0] != '<' || b[len(b)-1] != '>' {
		return s.fail("bad tag")
	}
	in := b[1 : len(b)-1]
	self := false
	if in[len(in)-1] == '/' {
		self = true
		in = in[:len(in)-1]
	}
	n := nameLen(in)
	if n == 0 {
		return s.fail("bad tag name")
	}
	space, local, ok := splitName(in[:n])
	if !ok {
		return s.fail("bad tag name")
	}
	rest := in[n:]
	ev.attrs = ev.attrs[:0]
	for {
		i := skipSpace(rest, 0)
		if i == len(rest) {
			break
		}
		if i == 0 && len(ev.attrs) == 0 {
			return s.fail("bad tag name") // the name runs into something else
		}
		rest = rest[i:]
		n := nameLen(rest)
		if n == 0 {
			return s.fail("bad attribute")
		}
		as, al, ok := splitName(rest[:n])
		if !ok {
			return s.fail("bad attribute name")
		}
		rest = rest[n:]
		i = skipSpace(rest, 0)
		if i == len(rest) || rest[i] != '=' {
			return s.fail("attribute without a value")
		}
		i = skipSpace(rest, i+1)
		if i == len(rest) || rest[i] != '"' && rest[i] != '\'' {
			return s.fail("unquoted attribute value")
		}
		q := rest[i]
		rest = rest[i+1:]
		j := bytes.IndexByte(rest, q)
		if j < 0 {
			return s.fail("unterminated attribute value")
		}
		raw := rest[:j]
		if !attrValueOK(raw) {
			return s.fail("bad attribute value")
		}
		ev.attrs = append(ev.attrs, saxAttr{space: as, local: al, raw: raw})
		rest = rest[j+1:]
	}
	ev.kind, ev.space, ev.local = saxStart, space, local
	if err := s.checkNamespaces(); err != nil {
		return err
	}
	s.names = append(s.names, in[:n]...)
	s.ends = append(s.ends, len(s.names))
	s.selfEnd = self
	return nil
}

// checkNamespaces keeps the namespace declarations of the element just
// started, in scope until its end, and checks the root element's name
// against s.want.
func (s *saxScanner) checkNamespaces() error {
	ev := &s.ev
	for i := range ev.attrs {
		if prefix, ok := declared(&ev.attrs[i]); ok {
			uri := string(ev.value(&ev.attrs[i]))
			if !s.root && strings.Contains(uri, nsStrict) {
				return s.fail("strict OOXML")
			}
			ev.bindings = append(ev.bindings, nsBinding{prefix, uri})
		}
	}
	s.nsEnds = append(s.nsEnds, len(ev.bindings))
	if s.root {
		return nil
	}
	s.root = true
	if s.want.local != "" && (string(ev.local) != s.want.local || !ev.inNamespace(s.want.space)) {
		return s.fail("root element " + string(ev.space) + ":" + string(ev.local) + " is not {" + s.want.space + "}" + s.want.local)
	}
	return nil
}

// pop closes the innermost element, which must have that name.
func (s *saxScanner) pop(space, local []byte) error {
	k := len(s.ends)
	if k == 0 {
		return s.fail("end tag without a start")
	}
	from := 0
	if k > 1 {
		from = s.ends[k-2]
	}
	name := s.names[from:s.ends[k-1]]
	ok := false
	if len(space) == 0 {
		ok = bytes.Equal(name, local)
	} else {
		ok = len(name) == len(space)+1+len(local) && bytes.HasPrefix(name, space) &&
			name[len(space)] == ':' && bytes.HasSuffix(name, local)
	}
	if !ok {
		return s.fail("end tag does not match")
	}
	s.names, s.ends = s.names[:from], s.ends[:k-1]
	s.nsEnds = s.nsEnds[:k-1]
	if k > 1 {
		s.ev.bindings = s.ev.bindings[:s.nsEnds[k-2]]
	} else {
		s.ev.bindings = s.ev.bindings[:0]
	}
	return nil
}

// skipSpace is the index of the first byte of b from i on that is no XML
// white space (len(b) when there is none).
func skipSpace(b []byte, i int) int {
	for i < len(b) && isXMLSpace(b[i]) {
		i++
	}
	return i
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// nameLen is the length of the ASCII XML name at the start of b, 0 if none.
func nameLen(b []byte) int {
	if len(b) == 0 || !('A' <= b[0] && b[0] <= 'Z' || 'a' <= b[0] && b[0] <= 'z' || b[0] == '_') {
		return 0
	}
	i := 1
	for i < len(b) && isNameByte(b[i]) {
		i++
	}
	return i
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-'
}

// splitName splits prefix:local; false for more than one colon or an
// empty part (encoding/xml reads those otherwise: left to it).
func splitName(b []byte) (space, local []byte, ok bool) {
	i := bytes.IndexByte(b, ':')
	if i < 0 {
		return nil, b, true
	}
	if i == 0 || i == len(b)-1 || bytes.IndexByte(b[i+1:], ':') >= 0 {
		return nil, nil, false
	}
	return b[:i], b[i+1:], true
}

// parseEndTag reads </name> (spaces allowed before the >).
func parseEndTag(b []byte) (space, local []byte, ok bool) {
	if len(b) < 4 || b[0] != '<' || b[1] != '/' || b[len(b)-1] != '>' {
		return nil, nil, false
	}
	in := b[2 : len(b)-1]
	n := nameLen(in)
	if n == 0 {
		return nil, nil, false
	}
	for _, c := range in[n:] {
		if !isXMLSpace(c) {
			return nil, nil, false
		}
	}
	return splitName(in[:n])
}

// xmlDeclOK accepts <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
// with any of its attributes left out, and nothing else.
func xmlDeclOK(b []byte) bool {
	if !bytes.HasPrefix(b, []byte("<?xml")) || !bytes.HasSuffix(b, []byte("?>")) || len(b) < 7 {
		return false
	}
	rest := b[5 : len(b)-2]
	if len(rest) > 0 && !isXMLSpace(rest[0]) {
		return false
	}
	for {
		i := 0
		for i < len(rest) && isXMLSpace(rest[i]) {
			i++
		}
		rest = rest[i:]
		if len(rest) == 0 {
			return true
		}
		n := nameLen(rest)
		name := string(rest[:n])
		rest = rest[n:]
		if len(rest) < 3 || rest[0] != '=' || rest[1] != '"' && rest[1] != '\'' {
			return false
		}
		j := bytes.IndexByte(rest[2:], rest[1])
		if j < 0 {
			return false
		}
		val := string(rest[2 : 2+j])
		rest = rest[3+j:]
		switch name {
		case "version":
			if val != "1.0" {
				return false
			}
		case "encoding":
			if !strings.EqualFold(val, "utf-8") {
				return false
			}
		case "standalone":
			if val != "yes" && val != "no" {
				return false
			}
		default:
			return false
		}
		if len(rest) > 0 && !isXMLSpace(rest[0]) {
			return false
		}
	}
}

// attrValueOK checks a quoted attribute value as RawToken does: no <,
// entities and characters as in text (]]> is allowed there).
func attrValueOK(raw []byte) bool {
	if plainASCII(raw) {
		return true
	}
	if bytes.IndexByte(raw, '<') >= 0 {
		return false
	}
	var tmp [64]byte
	_, ok := unescapeXML(tmp[:0], raw, true)
	return ok
}

// plainASCII: printable ASCII, tab and newline only, with no & < ] or \r:
// text that decodes to itself and is valid.
func plainASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x7f || c < 0x20 && c != '\t' && c != '\n' || c == '&' || c == '<' || c == ']' {
			return false
		}
	}
	return true
}

// validChars reports valid UTF-8 whose characters are all allowed in XML
// (RawToken's isInCharacterRange).
func validChars(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 || !inCharRange(r) {
			return false
		}
		i += size
	}
	return true
}

func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// unescapeXML appends the decoded text of raw to dst, as RawToken decodes
// character data (attr false) or a quoted attribute value (attr true);
// false when RawToken would fail, or on a character reference it would
// read otherwise than as that character. When raw needs no decoding the
// result is raw itself.
func unescapeXML(dst, raw []byte, attr bool) ([]byte, bool) {
	if plainASCII(raw) {
		return raw, true
	}
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		if !attr && bytes.Contains(raw, []byte("]]>")) || !validChars(raw) {
			return nil, false
		}
		return raw, true
	}
	if !attr && bytes.Contains(raw, []byte("]]>")) || !validChars(raw) {
		return nil, false
	}
	out := dst
	for i := 0; i < len(raw); {
		c := raw[i]
		switch c {
		case '\r':
			out = append(out, '\n')
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
		case '&':
			end := bytes.IndexByte(raw[i:], ';')
			if end < 0 {
				return nil, false
			}
			ent := raw[i+1 : i+end]
			i += end + 1
			switch string(ent) {
			case "lt":
				out = append(out, '<')
			case "gt":
				out = append(out, '>')
			case "amp":
				out = append(out, '&')
			case "apos":
				out = append(out, '\'')
			case "quot":
				out = append(out, '"')
			default:
				r, ok := charRef(ent)
				if !ok {
					return nil, false
				}
				out = utf8.AppendRune(out, r)
			}
		default:
			out = append(out, c)
			i++
		}
	}
	return out, true
}

// charRef reads #123 or #x1F (lower-case x, as RawToken) of a character
// XML allows; anything else is refused.
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	digits, base := ent[1:], rune(10)
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	var r rune
	for _, c := range digits {
		var d rune
		switch {
		case '0' <= c && c <= '9':
			d = rune(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		r = r*base + d
	}
	return r, inCharRange(r)
}

// cdataXML appends a CDATA section's text as RawToken reads it: \r\n and
// \r as \n, characters checked.
func cdataXML(dst, raw []byte) ([]byte, bool) {
	if !validChars(raw) {
		return nil, false
	}
	out := dst
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\r' {
			out = append(out, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, c)
	}
	return out, true
}

// memData is the workbook's bytes as the zip reader's io.ReaderAt (as
// bytes.Reader's ReadAt), so that inflate finds a part's compressed bytes
// in place.
type memData []byte

func (m memData) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("memData.ReadAt: negative offset")
	}
	if off >= int64(len(m)) {
		return 0, io.EOF
	}
	n := copy(p, m[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// inflater is a pooled flate reader over a part's compressed bytes, read
// as a bytes.Reader: flate reads a ByteReader directly, where archive/zip's
// own decompressor wraps each part in a new 4 KiB bufio.Reader.
type inflater struct {
	src bytes.Reader
	fr  io.ReadCloser
}

var inflaters sync.Pool

// inflatedPart is one use of an inflater; Close returns it to the pool
// once.
type inflatedPart struct{ z *inflater }

func (p *inflatedPart) Read(b []byte) (int, error) {
	if p.z == nil {
		return 0, errors.New("read after close")
	}
	return p.z.fr.Read(b)
}

func (p *inflatedPart) Close() error {
	z := p.z
	if z == nil {
		return nil
	}
	p.z = nil
	err := z.fr.Close()
	z.src.Reset(nil)
	inflaters.Put(z)
	return err
}

// inflate is the lean reader's zip.Decompressor for Deflate. archive/zip
// still checks each part's size and CRC-32 around it.
func inflate(r io.Reader) io.ReadCloser {
	sr, ok := r.(*io.SectionReader)
	if !ok {
		return flate.NewReader(r)
	}
	ra, off, n := sr.Outer()
	m, ok := ra.(memData)
	if pos, err := sr.Seek(0, io.SeekCurrent); !ok || err != nil || pos != 0 || off < 0 || n < 0 || off > int64(len(m))-n {
		return flate.NewReader(r)
	}
	z, _ := inflaters.Get().(*inflater)
	if z == nil {
		z = &inflater{}
	}
	z.src.Reset(m[off : off+n])
	if z.fr == nil {
		z.fr = flate.NewReader(&z.src)
	} else if err := z.fr.(flate.Resetter).Reset(&z.src, nil); err != nil {
		return flate.NewReader(r)
	}
	return &inflatedPart{z: z}
}
