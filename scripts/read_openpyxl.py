"""What a user would write instead of chitieu, with openpyxl: read every
cell of every sheet of every workbook under the folders (read_only=True,
data_only=True), summing the numbers. Used by scripts/bench.sh."""
import os
import sys

import openpyxl


def main():
    cells, total, files = 0, 0.0, 0
    for root in sys.argv[1:]:
        for dirpath, _, names in sorted(os.walk(root)):
            for name in sorted(names):
                if not name.endswith(".xlsx"):
                    continue
                wb = openpyxl.load_workbook(os.path.join(dirpath, name), read_only=True, data_only=True)
                for ws in wb.worksheets:
                    # excelize leaves <dimension ref="A1"/> in the files it
                    # writes; read-only mode would trust it and see one cell.
                    ws.reset_dimensions()
                    for row in ws.iter_rows(values_only=True):
                        for v in row:
                            if v is None:
                                continue
                            cells += 1
                            if isinstance(v, (int, float)) and not isinstance(v, bool):
                                total += v
                wb.close()
                files += 1
    print(f"openpyxl: {files} files, {cells} cells, numeric sum {total:.6f}")


main()
