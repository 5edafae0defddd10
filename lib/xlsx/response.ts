import "server-only";
import { PassThrough, Readable } from "node:stream";
import type { AccessError } from "@/lib/auth/guard";
import { XLSX_CONTENT_TYPE, XlsxCancelled, attachmentDisposition, writeXlsx, type XlsxSheet } from "./xlsx";

/**
 * The export route handlers' two answers. The data layer decides access; its refusal becomes the HTTP
 * status (401 not signed in, 403 not allowed, 404 another site's record or an unknown one).
 */
export function refusalResponse(err: AccessError): Response {
  const status = err.code === "unauthenticated" ? 401 : err.code === "not_found" ? 404 : 403;
  return Response.json({ error: err.code }, { status });
}

/**
 * A workbook as a download, streamed while its rows are read, never cached (exports carry tenants' and
 * staff's data). The headers go out first: whatever decides them (access, the X-Export-Truncated count)
 * is settled before this is called, so a refusal is still a plain 401/403/404. An error once the bytes
 * flow can no longer change the status: the download breaks off (the browser reports it failed) and the
 * error is logged. A cancelled download stops the reading.
 */
export function xlsxResponse(sheets: XlsxSheet[], filename: string, headers: Record<string, string> = {}): Response {
  const out = new PassThrough();
  writeXlsx(sheets, out).catch((err: unknown) => {
    // The client went away (Next destroys the stream with ResponseAborted): nothing failed.
    if (err instanceof XlsxCancelled || out.destroyed) return;
    console.error(`[xlsx] ${filename}: the export failed while streaming`, err);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": attachmentDisposition(filename),
      "Cache-Control": "private, no-store",
      ...headers,
    },
  });
}

/** A workbook written whole into memory (a file kept to be served again: lib/complaints/dashboard-export.ts). */
export async function xlsxBytes(sheets: XlsxSheet[]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.once("end", resolve);
    out.once("error", reject);
  });
  await writeXlsx(sheets, out);
  // The workbook's commit ends the stream; a writer that left it open is ended here.
  if (!out.writableEnded) out.end();
  await ended;
  return Buffer.concat(chunks);
}

/** A workbook already made, as a download; never cached by the browser or a proxy (as xlsxResponse). */
export function xlsxFileResponse(bytes: Uint8Array, filename: string, headers: Record<string, string> = {}): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": attachmentDisposition(filename),
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "private, no-store",
      ...headers,
    },
  });
}
