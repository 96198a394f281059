package report

import (
	"bytes"
	"io"
	"sort"

	"chitieu/analysis"
)

// WriteProblems writes the problem list of `chitieu check`, grouped by
// file (problems of district figures, which have no file, last): under each
// file's name, one line per problem, "lỗi: " / "cảnh báo: " (en "error: " /
// "warning: ") and the problem compiler-style. It ends with the count per
// severity and per ward. Lines are not wrapped, so that editors and grep
// can use them.
func WriteProblems(w io.Writer, problems []analysis.Problem, o Options) error {
	var b bytes.Buffer
	var files []string
	byFile := map[string][]analysis.Problem{}
	for _, p := range problems {
		if _, seen := byFile[p.File]; !seen {
			files = append(files, p.File)
		}
		byFile[p.File] = append(byFile[p.File], p)
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i] != "" && files[j] == "" })
	for _, f := range files {
		heading := f
		if f == "" {
			heading = o.t("districtFigures")
		}
		b.WriteString(heading + "\n")
		for _, p := range byFile[f] {
			b.WriteString("  " + problemLine(p, o) + "\n")
		}
	}
	b.WriteString(o.counts(problems) + "\n")
	if per := o.wardCounts(problems); per != "" {
		b.WriteString(per + "\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}
