package report

import (
	"bytes"
	"io"

	"chitieu/analysis"
)

// WriteProblems writes the problem list of `chitieu check`: one line per
// problem, "lỗi: " / "cảnh báo: " (en "error: " / "warning: ") and the
// problem compiler-style (Problem.Format, with the period and indicator in
// front when it has no cell), then a line counting errors and warnings.
// Lines are not wrapped, so that editors and grep can use them.
func WriteProblems(w io.Writer, problems []analysis.Problem, o Options) error {
	var b bytes.Buffer
	for _, p := range problems {
		b.WriteString(problemLine(p, o) + "\n")
	}
	b.WriteString(o.counts(problems) + "\n")
	_, err := w.Write(b.Bytes())
	return err
}
