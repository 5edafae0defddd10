// Reads a generated .xlsx back with exceljs, for tests of the exports: each sheet's name and its
// rows as cell values (header first; null where a cell is empty).
import ExcelJS from "exceljs";

export interface ReadSheet {
  name: string;
  /** Rows top to bottom, each as its cells' values left to right. */
  rows: ExcelJS.CellValue[][];
  /** Every non-empty value of the sheet as text, one per line: for "shows X" checks. */
  text: string;
  worksheet: ExcelJS.Worksheet;
}

export async function readXlsx(bytes: ArrayBuffer | Uint8Array): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs takes any ArrayBuffer (JSZip reads it); a copy keeps a Buffer's pooled memory out of it.
  await workbook.xlsx.load(bytes instanceof Uint8Array ? bytes.slice().buffer : bytes);
  return workbook.worksheets.map((worksheet) => {
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = 1; r <= worksheet.rowCount; r++) {
      const row = worksheet.getRow(r);
      rows.push(Array.from({ length: worksheet.columnCount }, (_, c) => row.getCell(c + 1).value ?? null));
    }
    const text = rows
      .flat()
      .filter((v) => v !== null)
      .map((v) => (v instanceof Date ? v.toISOString() : String(v)))
      .join("\n");
    return { name: worksheet.name, rows, text, worksheet };
  });
}
