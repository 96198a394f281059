"""What a user would write instead of chitieu, with pandas: read_excel every
sheet of every workbook under the folders (header=None), summing the numbers.
Used by scripts/bench.sh."""
import os
import sys

import pandas as pd


def main():
    cells, total, files = 0, 0.0, 0
    for root in sys.argv[1:]:
        for dirpath, _, names in sorted(os.walk(root)):
            for name in sorted(names):
                if not name.endswith(".xlsx"):
                    continue
                sheets = pd.read_excel(os.path.join(dirpath, name), sheet_name=None, header=None)
                for df in sheets.values():
                    cells += int(df.notna().sum().sum())
                    total += float(df.apply(pd.to_numeric, errors="coerce").sum().sum())
                files += 1
    print(f"pandas: {files} files, {cells} cells, numeric sum {total:.6f}")


main()
