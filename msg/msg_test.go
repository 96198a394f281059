package msg

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// differentArgs are the texts whose two languages deliberately take
// different arguments (only with explicit indexes, which fmt allows to
// leave an argument out), and why.
var differentArgs = map[Code]string{
	"periodM": "Vietnamese writes the month's number (1), English its name (3)",
	"periodQ": "Vietnamese writes the quarter in Roman numerals (1), English as a number (3)",
}

// TestTextsInBothLanguages checks every text of every table: it has a
// Vietnamese and an English text, and the two take the same arguments:
// as many verbs (%% aside), or with explicit indexes (%[2]d) the same
// indexes.
func TestTextsInBothLanguages(t *testing.T) {
	for _, code := range slices.Sorted(maps.Keys(catalogue)) {
		w := catalogue[code]
		if strings.TrimSpace(w[0]) == "" || strings.TrimSpace(w[1]) == "" {
			t.Errorf("%s: a text is empty: %q", code, w)
			continue
		}
		var args [2][]int
		var indexed [2]bool
		bad := false
		for i, lang := range []string{"Vietnamese", "English"} {
			var err error
			if args[i], indexed[i], err = formatArgs(w[i]); err != nil {
				t.Errorf("%s: %s %q: %v", code, lang, w[i], err)
				bad = true
			}
		}
		if _, ok := differentArgs[code]; bad || ok {
			continue
		}
		switch {
		case indexed[0] || indexed[1]:
			if !slices.Equal(args[0], args[1]) {
				t.Errorf("%s: the Vietnamese takes arguments %v, the English %v:\n  %q\n  %q", code, args[0], args[1], w[0], w[1])
			}
		case len(args[0]) != len(args[1]):
			t.Errorf("%s: the Vietnamese takes %d arguments, the English %d:\n  %q\n  %q", code, len(args[0]), len(args[1]), w[0], w[1])
		}
	}
}

// formatArgs is the arguments (from 1, sorted, each once) that the fmt
// format f uses, as fmt counts them: each verb and each * takes the next
// argument, and an explicit index [n] says which one that is. indexed is
// whether f has explicit indexes. A % that no letter ends ("100%", "(%)")
// is taken for a literal one: such a text is shown without arguments.
func formatArgs(f string) (args []int, indexed bool, err error) {
	used := map[int]bool{}
	next := 1
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			i++ // a literal %
			continue
		}
		j, n := i+1, next
		var star []int // the arguments of * widths and precisions
		// index reads an explicit [n] at f[j:], if there is one.
		index := func() error {
			if j >= len(f) || f[j] != '[' {
				return nil
			}
			end := strings.IndexByte(f[j:], ']')
			if end < 0 {
				return fmt.Errorf("%q has no ]", f[j:])
			}
			k, err := strconv.Atoi(f[j+1 : j+end])
			if err != nil || k < 1 {
				return fmt.Errorf("bad argument index %q", f[j:j+end+1])
			}
			n, indexed = k, true
			j += end + 1
			return nil
		}
		// width reads a * or a number at f[j:].
		width := func() {
			if j < len(f) && f[j] == '*' {
				star = append(star, n)
				n++
				j++
				return
			}
			for j < len(f) && '0' <= f[j] && f[j] <= '9' {
				j++
			}
		}
		for j < len(f) && strings.IndexByte("+-# 0", f[j]) >= 0 {
			j++
		}
		if err := index(); err != nil {
			return nil, false, err
		}
		width()
		if j < len(f) && f[j] == '.' {
			j++
			if err := index(); err != nil {
				return nil, false, err
			}
			width()
		}
		if err := index(); err != nil {
			return nil, false, err
		}
		if j >= len(f) || !('a' <= f[j] && f[j] <= 'z' || 'A' <= f[j] && f[j] <= 'Z') {
			continue // a literal %
		}
		for _, a := range append(star, n) {
			used[a] = true
		}
		next, i = n+1, j
	}
	return slices.Sorted(maps.Keys(used)), indexed, nil
}

func TestFormatArgs(t *testing.T) {
	tests := []struct {
		f       string
		want    []int
		indexed bool
	}{
		{"no verbs", nil, false},
		{"100%% done", nil, false},
		{"100%", nil, false},
		{"So cùng kỳ (%)", nil, false},
		{"%s and %d", []int{1, 2}, false},
		{"%-8s|%6.2f|%q|%v", []int{1, 2, 3, 4}, false},
		{"%[2]s, then %[1]s", []int{1, 2}, true},
		{"%[2]s twice: %[2]q", []int{2}, true},
		{"%[1]d then %d", []int{1, 2}, true},
		{"%*d", []int{1, 2}, false},
		{"%.*f and %[1]d", []int{1, 2}, true},
		{"%w wraps", []int{1}, false},
	}
	for _, tt := range tests {
		got, indexed, err := formatArgs(tt.f)
		if err != nil || !slices.Equal(got, tt.want) || indexed != tt.indexed {
			t.Errorf("formatArgs(%q) = %v, %v, %v; want %v, %v", tt.f, got, indexed, err, tt.want, tt.indexed)
		}
	}
	for _, f := range []string{"%[x]s", "%[2s", "%[0]d"} {
		if _, _, err := formatArgs(f); err == nil {
			t.Errorf("formatArgs(%q): no error", f)
		}
	}
}

// TestCodesHaveTexts checks that every Code constant of the package is in
// the catalogue: Text shows a code without a text as the code itself.
func TestCodesHaveTexts(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
					continue
				}
				for i, v := range vs.Values {
					lit, ok := v.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					code, _ := strconv.Unquote(lit.Value)
					n++
					if _, ok := catalogue[Code(code)]; !ok {
						t.Errorf("%s: %s (%q) has no text", name, vs.Names[i].Name, code)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("no Code constants found")
	}
}
