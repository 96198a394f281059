package report

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"chitieu/analysis"
	"chitieu/catalog"
	"chitieu/ingest"
)

// The reference: the encoder chitieu used before jsonWriter, nested
// MarshalJSON methods under encoding/json's indenting Encoder. jsonWriter
// must write the same bytes.

func (obj object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range obj {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := referenceMarshal(m.key)
		if err != nil {
			return nil, err
		}
		value, err := referenceMarshal(materialize(m.value))
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func referenceMarshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// materialize makes the lazy lists of v plain slices.
func materialize(v any) any {
	if l, ok := v.(lazyList); ok {
		out := make([]any, l.n)
		for i := range out {
			out[i] = materialize(l.item(i))
		}
		return out
	}
	return v
}

func reference(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(materialize(v)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func written(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	if err := writeJSON(&b, v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestJSONWriterSameAsEncoder: every report the tests make (the fixture in
// both languages, the samples, the monthly samples) written both ways.
func TestJSONWriterSameAsEncoder(t *testing.T) {
	results := map[string]*analysis.Result{"fixture": fixture(), "empty": {}}
	for _, dir := range []string{"../samples", "../samples-monthly"} {
		if _, err := os.Stat(dir); err == nil {
			results[filepath.Base(dir)] = readDir(t, dir)
		}
	}
	for name, r := range results {
		for _, lang := range []string{"vi", "en"} {
			o := Options{Lang: lang}
			if got, want := written(t, reportJSON(orEmpty(r), o)), reference(t, reportJSON(orEmpty(r), o)); got != want {
				t.Errorf("%s (%s): the writer and the encoder differ\n%s", name, lang, firstDiff(want, got))
			}
		}
	}
}

// TestJSONWriterStringsAndNumbers: strings that need every kind of escape,
// and numbers of every magnitude, against encoding/json.
func TestJSONWriterStringsAndNumbers(t *testing.T) {
	strs := []string{"", "plain", "Phường 5", "a\"b", `back\slash`, "tab\tnew\nline\rcr", "\b\f\x01\x1f", "\x1f", "<&>",
		"\u2028\u2029", "bad \xff utf8", "ký tự \u00a0 nbsp", "=1+2", "emoji 😀"}
	nums := []float64{0, -0.0, 1, -1, 0.1, 1e-6, 9.99e-7, 1e-7, 1.5e-9, 1e20, 1e21, 123456789012345678901234.0, 16.299915754001688, -23.4375, math.MaxFloat64, math.SmallestNonzeroFloat64}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		nums = append(nums, math.Float64frombits(rng.Uint64()&^(0x7ff<<52)|uint64(rng.IntN(2046)+1)<<52))
	}
	var obj object
	for i, s := range strs {
		obj = append(obj, kv{s, object{{"s", s}, {"i", i}, {"b", i%2 == 0}, {"n", nil}, {"l", []string{s, s}}}})
	}
	var numbers []object
	for _, n := range nums {
		numbers = append(numbers, object{{"v", n}})
	}
	obj = append(obj, kv{"numbers", numbers}, kv{"empty", object{}}, kv{"none", []object{}}, kv{"lazy", lazyList{3, func(i int) any { return i }}})
	if got, want := written(t, obj), reference(t, obj); got != want {
		t.Errorf("the writer and the encoder differ\n%s", firstDiff(want, got))
	}
}

// readDir reads and analyses a folder of forms as `chitieu report` does,
// with the configuration it holds, if any.
func readDir(t *testing.T, dir string) *analysis.Result {
	t.Helper()
	cfg := catalog.Builtin()
	if path := filepath.Join(dir, "cau-hinh.xlsx"); fileExists(path) {
		var err error
		if cfg, err = ingest.ReadConfig(path); err != nil {
			t.Fatal(err)
		}
	}
	res, err := ingest.Read([]string{dir}, ingest.Options{Config: cfg, Exclude: []string{cfg.Source}})
	if err != nil {
		t.Fatal(err)
	}
	return analysis.Analyze(cfg, res.Submissions, res.Problems)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
