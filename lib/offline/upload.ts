/**
 * A photo or signature upload that survives a dead signal: online it is the ordinary upload; without a
 * connection the picture is kept on the phone (lib/offline/store.ts) under a local id, which the form
 * sends like a StoredFile id — the record then goes to the outbox and the file is uploaded first when
 * the connection returns (lib/offline/send.ts). Browser only.
 */
import { uploadFileAction } from "@/lib/files/actions";
import { newRequestId } from "@/lib/request-id";
import { LOCAL_FILE_PREFIX } from "./items";

type Upload = Awaited<ReturnType<typeof uploadFileAction>>;

export async function uploadOrKeep(form: FormData): Promise<Upload> {
  if (navigator.onLine) {
    try {
      return await uploadFileAction(form);
    } catch {
      // No answer: the signal is gone after all; keep the picture instead.
    }
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) return uploadFileAction(form);
  // The store (IndexedDB) loads only when a picture must be kept.
  const { keepFile } = await import("./store");
  const id = await keepFile(
    {
      siteId: String(form.get("siteId") ?? ""),
      kind: form.get("kind") === "SIGNATURE" ? "SIGNATURE" : "PHOTO",
      blob: file,
      name: file instanceof File ? file.name : "photo.jpg",
      requestId: String(form.get("requestId") ?? newRequestId()),
    },
    `${LOCAL_FILE_PREFIX}${newRequestId()}`,
  );
  return { ok: true, data: { id, width: 0, height: 0 } };
}
