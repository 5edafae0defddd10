import { AccessError } from "@/lib/auth/guard";
import { deadlineExportFile, type DeadlineExportFile } from "@/lib/complaints/dashboard-export";
import { EXPORT_MAX_ROWS, parseDashboardFilter } from "@/lib/complaints/dashboard.rules";
import { refusalResponse, xlsxFileResponse } from "@/lib/xlsx/response";

export const dynamic = "force-dynamic";

/**
 * GET /dashboard/export?<the dashboard's filter> — the filtered deadline list as .xlsx, with the survey
 * and special-service deadlines of the same sites on their own sheets (lib/complaints/dashboard-export.ts).
 * The data layer checks complaint:export (and the other modules' dashboard rights) and the sites before
 * the file is made or served.
 */
export async function GET(request: Request) {
  const filter = parseDashboardFilter(Object.fromEntries(new URL(request.url).searchParams));
  let file: DeadlineExportFile;
  try {
    file = await deadlineExportFile(filter);
  } catch (err) {
    if (err instanceof AccessError) return refusalResponse(err);
    throw err;
  }
  // More rows matched than one file holds (the page says the limit next to the button).
  return xlsxFileResponse(file.bytes, file.filename, file.truncated ? { "X-Export-Truncated": String(EXPORT_MAX_ROWS) } : {});
}
