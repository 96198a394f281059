package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"chitieu/catalog"
)

// TestSummaryOpensInLibreOffice converts the samples' summary workbook with
// LibreOffice Calc (as an office PC would open it) and checks that the
// district rows of "Theo phường" hold the numbers of the JSON output.
// .ci/run installs LibreOffice; without it the test says so and skips.
func TestSummaryOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed (apt-get install libreoffice-calc-nogui); .ci/run installs it")
	}
	dir := t.TempDir()
	summary := filepath.Join(dir, "tong-hop.xlsx")
	r := runCLI(t, nil, "--format", "json", "--out", summary, "samples")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Periods []struct {
			Period   string
			District map[string]struct{ Value *float64 }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}

	// Filter options: comma, double quote, UTF-8, raw values, every sheet.
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", dir, summary)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "tong-hop-Theo phường.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := csv.NewReader(f)
	rd.FieldsPerRecord = -1
	rows, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	column := map[string]int{} // indicator id -> column
	for _, ind := range catalog.Builtin().Indicators {
		for i, h := range rows[0] {
			if h == ind.Label+" ("+ind.Unit+")" {
				column[ind.ID] = i
			}
		}
	}
	checked := 0
	for _, row := range rows[1:] {
		if len(row) < 2 || row[1] != "Toàn quận" {
			continue
		}
		for _, p := range doc.Periods {
			if p.Period != row[0] {
				continue
			}
			for id, col := range column {
				want := p.District[id].Value
				if want == nil {
					continue
				}
				got, err := strconv.ParseFloat(row[col], 64)
				if err != nil || math.Abs(got-*want) > 1e-9*math.Max(1, math.Abs(*want)) {
					t.Errorf("%s %s: LibreOffice shows %q, JSON has %v", p.Period, id, row[col], *want)
				}
				checked++
			}
		}
	}
	if checked < 3*15 {
		t.Errorf("only %d district figures compared", checked)
	}
}
