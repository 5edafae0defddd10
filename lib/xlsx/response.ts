import "server-only";
import type { AccessError } from "@/lib/auth/guard";
import { XLSX_CONTENT_TYPE, attachmentDisposition } from "./xlsx";

/**
 * The export route handlers' two answers. The data layer decides access; its refusal becomes the HTTP
 * status (401 not signed in, 403 not allowed, 404 another site's record or an unknown one).
 */
export function refusalResponse(err: AccessError): Response {
  const status = err.code === "unauthenticated" ? 401 : err.code === "not_found" ? 404 : 403;
  return Response.json({ error: err.code }, { status });
}

/** A workbook as a download, never cached (exports carry tenants' and staff's data). */
export function xlsxResponse(file: Uint8Array, filename: string, headers: Record<string, string> = {}): Response {
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": attachmentDisposition(filename),
      "Cache-Control": "private, no-store",
      ...headers,
    },
  });
}
