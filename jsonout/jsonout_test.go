package jsonout

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestStringsAndNumbers: strings that need every kind of escape,
// and numbers of every magnitude, against encoding/json.
func TestStringsAndNumbers(t *testing.T) {
	strs := []string{"", "plain", "Phường 5", "a\"b", `back\slash`, "tab\tnew\nline\rcr", "\b\f\x01\x1f", "\x1f", "<&>",
		"\u2028\u2029", "bad \xff utf8", "ký tự \u00a0 nbsp", "=1+2", "emoji 😀"}
	nums := []float64{0, -0.0, 1, -1, 0.1, 1e-6, 9.99e-7, 1e-7, 1.5e-9, 1e20, 1e21, 123456789012345678901234.0, 16.299915754001688, -23.4375, math.MaxFloat64, math.SmallestNonzeroFloat64}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		nums = append(nums, math.Float64frombits(rng.Uint64()&^(0x7ff<<52)|uint64(rng.IntN(2046)+1)<<52))
	}
	var obj Object
	for i, s := range strs {
		obj = append(obj, Field{s, Object{{"s", s}, {"i", i}, {"b", i%2 == 0}, {"n", nil}, {"l", []string{s, s}}}})
	}
	var numbers []Object
	for _, n := range nums {
		numbers = append(numbers, Object{{"v", n}})
	}
	obj = append(obj, Field{"numbers", numbers}, Field{"empty", Object{}}, Field{"none", []Object{}}, Field{"lazy", Lazy{3, func(i int) any { return i }}})
	if got, want := written(t, Write, obj), written(t, Reference, obj); got != want {
		t.Errorf("the writer and the encoder differ\n%s", firstDiff(want, got))
	}
}

// written is v as write writes it: Write or the reference.
func written(t *testing.T, write func(io.Writer, any) error, v any) string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b, v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// firstDiff is the first line where got differs from want.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		if i >= len(w) || i >= len(g) || w[i] != g[i] {
			return fmt.Sprintf("line %d differs", i+1)
		}
	}
	return ""
}
