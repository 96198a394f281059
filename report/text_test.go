package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/msg"
)

// TestEveryTextKeyHasWords: the report looks its words up by key (Options.t)
// and shows a key it does not find as itself, so every key it uses must be
// in the catalogue, in both languages: the literal keys of the source, and
// those it builds from statuses, verdicts, kinds, halves, units, groups and
// sheet names.
func TestEveryTextKeyHasWords(t *testing.T) {
	keys := map[string]string{} // key -> where it is used
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); !ok || sel.Sel.Name != "t" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				key, _ := strconv.Unquote(lit.Value)
				keys[key] = fset.Position(lit.Pos()).String()
			}
			return true
		})
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d literal keys: is the lookup still Options.t?", len(keys))
	}
	for _, s := range []analysis.Status{analysis.StatusMet, analysis.StatusNotMet, analysis.StatusNoTarget, analysis.StatusNoData,
		analysis.StatusAhead, analysis.StatusOnTrack, analysis.StatusBehind} {
		keys["status_"+string(s)] = "Options.status"
	}
	for _, v := range []analysis.Verdict{analysis.VerdictAchieved, analysis.VerdictOnTrack, analysis.VerdictAtRisk,
		analysis.VerdictNotMet, analysis.VerdictNoData} {
		keys["verdict_"+string(v)] = "Options.verdictWords"
	}
	for _, k := range []catalog.TargetKind{catalog.KindEachPeriod, catalog.KindByDeadline, catalog.KindOverTerm,
		catalog.KindAverage, catalog.KindCumulative} {
		keys["kind_"+string(k)] = "termTable"
	}
	keys["periodH1"], keys["periodH2"] = "periodWords", "periodWords"
	for _, ind := range catalog.Builtin().Indicators {
		keys["unit:"+ind.Unit] = "Options.unit"
		if ind.Group != "" {
			keys["group:"+ind.Group] = "Options.group"
		}
	}
	for _, l := range levels {
		keys[l.code] = "Options.level"
	}
	for _, k := range sheetKeys {
		keys[k] = "sheetNames"
	}
	for key, where := range keys {
		for _, lang := range []string{"vi", "en"} {
			if s, ok := msg.Lookup(lang, msg.Code(key)); !ok || s == "" {
				t.Errorf("%s: key %q has no %s text", where, key, lang)
			}
		}
	}
}
