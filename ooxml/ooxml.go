// Package ooxml is the plumbing of an Office Open XML package (an .xlsx):
// its zip parts, the relationships between them, and the names of the
// parts and relationship types of a workbook (ooxml.go); its shared
// strings, a cell's text and a number's digits as excelize writes them
// (cells.go). Package sheets uses it to find and edit the parts excelize
// writes (sheets/splice.go, clear.go); package xlsx, the fast reader,
// names the parts and relationships it reads by it. It reads with
// encoding/xml and keeps nothing but the part list: a part is read when
// asked for.
package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// The parts of a workbook package, where Excel, LibreOffice and excelize
// put them.
const (
	ContentTypesPart  = "[Content_Types].xml"
	RootRelsPart      = "_rels/.rels"
	WorkbookPart      = "xl/workbook.xml"
	WorkbookRelsPart  = "xl/_rels/workbook.xml.rels"
	SharedStringsPart = "xl/sharedStrings.xml"
	StylesPart        = "xl/styles.xml"
	CorePart          = "docProps/core.xml"
	CustomPart        = "docProps/custom.xml"
)

// Relationship types (transitional OOXML; strict OOXML uses other ones).
const (
	relationships     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	RelOfficeDocument = relationships + "/officeDocument"
	RelWorksheet      = relationships + "/worksheet"
	RelSharedStrings  = relationships + "/sharedStrings"
	RelStyles         = relationships + "/styles"
)

// Package is an opened zip package: its parts by name (without a leading
// slash).
type Package struct {
	Zip   *zip.Reader
	Parts map[string]*zip.File
}

// Open opens the package in data (the bytes of an .xlsx, decrypted).
func Open(data []byte) (*Package, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	p := &Package{Zip: zr, Parts: map[string]*zip.File{}}
	for _, file := range zr.File {
		p.Parts[strings.TrimPrefix(file.Name, "/")] = file
	}
	return p, nil
}

// ReadXML decodes the part name into v.
func (p *Package) ReadXML(name string, v any) error {
	file, ok := p.Parts[name]
	if !ok {
		return fmt.Errorf("no part %s", name)
	}
	rc, err := file.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return err
	}
	return xml.Unmarshal(data, v)
}

// Relationships is a .rels part.
type Relationships struct {
	Rels []Relationship `xml:"Relationship"`
}

// Relationship is one relationship of a part.
type Relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// Target is the part that relationship id of the part from points to.
func (r Relationships) Target(from, id string) (string, bool) {
	for _, rel := range r.Rels {
		if rel.ID == id {
			return Resolve(from, rel.Target), true
		}
	}
	return "", false
}

// RelsPath is the name of the relationships part of the part name ("" for
// the package's own).
func RelsPath(name string) string {
	if name == "" {
		return RootRelsPart
	}
	return path.Join(path.Dir(name), "_rels", path.Base(name)+".rels")
}

// Rels reads the relationships of the part name ("" for the package); a
// part without any has none.
func (p *Package) Rels(name string) (Relationships, error) {
	var rels Relationships
	relsPath := RelsPath(name)
	if _, ok := p.Parts[relsPath]; !ok {
		return rels, nil
	}
	return rels, p.ReadXML(relsPath, &rels)
}

// OfficeDocument is the workbook part named by the package's
// relationships, WorkbookPart in every file Excel, LibreOffice or excelize
// writes.
func (p *Package) OfficeDocument() string {
	rels, err := p.Rels("")
	if err == nil {
		for _, rel := range rels.Rels {
			if strings.HasSuffix(rel.Type, "/officeDocument") {
				return Resolve("", rel.Target)
			}
		}
	}
	return WorkbookPart
}

// Sheet is a sheet of the workbook part: its name and worksheet part.
type Sheet struct {
	Name, Part string
}

// Sheets lists the sheets of the workbook that have a part, in workbook
// order.
func (p *Package) Sheets() ([]Sheet, error) {
	book := p.OfficeDocument()
	var wb struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := p.ReadXML(book, &wb); err != nil {
		return nil, err
	}
	rels, err := p.Rels(book)
	if err != nil {
		return nil, err
	}
	var sheets []Sheet
	for _, sh := range wb.Sheets {
		if part, ok := rels.Target(book, RelID(sh.Attrs)); ok {
			sheets = append(sheets, Sheet{Name: sh.Name, Part: part})
		}
	}
	return sheets, nil
}

// Resolve is the part a relationship target names, relative to the part
// from (or absolute, starting with /).
func Resolve(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(path.Dir(from), target)
}

// RelID is the r:id attribute among attrs.
func RelID(attrs []xml.Attr) string {
	for _, a := range attrs {
		if a.Name.Local == "id" && a.Name.Space != "" {
			return a.Value
		}
	}
	return ""
}
