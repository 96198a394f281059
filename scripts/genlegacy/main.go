// Command genlegacy makes the old-office twins of the 2003-H1 samples, in
// testdata/legacy/2003-H1: the same sixteen ward forms, some saved as
// Excel 97-2003 .xls, some typed in TCVN3 (.VnTime fonts, capitals in
// .VnTimeH) or VNI (VNI-Times), some both. The tests require the same
// report from them as from the samples. It needs LibreOffice (soffice) for
// the .xls files; its output is committed.
//
//	go run ./scripts/genlegacy
package main

import (
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"chitieu/legacy"

	"github.com/xuri/excelize/v2"
)

const (
	from = "samples/2003-H1"
	to   = "testdata/legacy/2003-H1"
)

// variant is what becomes of one form.
type variant struct {
	enc legacy.Encoding
	xls bool
}

// variants cycle over the forms in name order.
var variants = []variant{
	{legacy.None, true}, {legacy.TCVN3, false}, {legacy.VNI, false}, {legacy.TCVN3, true}, {legacy.VNI, true},
}

// fonts are the legacy fonts used: the normal one, and for TCVN3 the
// upper-case one, for text whose capitals TCVN3 cannot write.
var fonts = map[legacy.Encoding][2]string{
	legacy.TCVN3: {".VnTime", ".VnTimeH"},
	legacy.VNI:   {"VNI-Times", "VNI-Times"},
}

func main() {
	log.SetFlags(0)
	names, err := filepath.Glob(filepath.Join(from, "*.xlsx"))
	if err != nil || len(names) == 0 {
		log.Fatalf("no forms in %s (run from the repository root)", from)
	}
	sort.Strings(names)
	if err := os.RemoveAll(to); err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		log.Fatal(err)
	}
	tmp, err := os.MkdirTemp("", "genlegacy")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	for i, name := range names {
		v := variants[i%len(variants)]
		out := filepath.Join(to, filepath.Base(name))
		if v.xls {
			out = filepath.Join(tmp, filepath.Base(name))
		}
		if err := encode(name, out, v.enc); err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		if v.xls {
			cmd := exec.Command("soffice", "--headless", "--convert-to", "xls", "--outdir", to, out)
			if b, err := cmd.CombinedOutput(); err != nil {
				log.Fatalf("soffice %s: %v\n%s", out, err, b)
			}
		}
		fmt.Printf("%s: %s %v\n", filepath.Base(name), map[bool]string{true: ".xls", false: ".xlsx"}[v.xls], v.enc)
	}
}

// encode writes the form at in to out with its text typed in enc (a copy
// when enc is None).
func encode(in, out string, enc legacy.Encoding) error {
	f, err := excelize.OpenFile(in)
	if err != nil {
		return err
	}
	defer f.Close()
	if enc != legacy.None {
		styles := map[[2]int]int{} // old style, font index -> new style
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil {
				return err
			}
			for r, row := range rows {
				for c, text := range row {
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
						continue
					}
					typed, upper, ok := typeIn(text, enc)
					if !ok {
						return fmt.Errorf("%s!%s: %q has no %v form", sheet, ref, text, enc)
					}
					if err := f.SetCellStr(sheet, ref, typed); err != nil {
						return err
					}
					if err := setFont(f, sheet, ref, fonts[enc][boolIndex(upper)], upper, styles); err != nil {
						return err
					}
				}
			}
		}
	}
	if err := f.SaveAs(out); err != nil {
		return err
	}
	return os.Chmod(out, 0o644)
}

// typeIn is text as a typist with a legacy font would enter it: TCVN3 has
// no toned capitals, so text with capitals it lacks is typed in lower
// case in the upper-case font.
func typeIn(text string, enc legacy.Encoding) (typed string, upper, ok bool) {
	if typed, ok := legacy.Encode(text, enc); ok {
		return typed, false, true
	}
	if enc == legacy.TCVN3 && strings.ToUpper(text) == text {
		typed, ok := legacy.Encode(strings.ToLower(text), enc)
		return typed, true, ok
	}
	return "", false, false
}

func setFont(f *excelize.File, sheet, ref, font string, upper bool, styles map[[2]int]int) error {
	old, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		return err
	}
	key := [2]int{old, boolIndex(upper)}
	id, ok := styles[key]
	if !ok {
		st, err := f.GetStyle(old)
		if err != nil {
			return err
		}
		if st.Font == nil {
			st.Font = &excelize.Font{}
		}
		st.Font.Family = font
		if id, err = f.NewStyle(st); err != nil {
			return err
		}
		styles[key] = id
	}
	return f.SetCellStyle(sheet, ref, ref, id)
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}
