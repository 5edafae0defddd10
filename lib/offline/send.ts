/**
 * Sends the phone's outbox (lib/offline/store.ts) once there is a connection: oldest first, one at a
 * time, each item's photos and signatures uploaded first and their StoredFile ids put in its input, then
 * the item's own action with its request id and the time it was made. Browser only.
 *
 * - accepted: the item and its files leave the phone;
 * - refused by the server (window closed, record verified meanwhile, …): the item stays with the
 *   server's message until the user discards it — never dropped silently; the next item goes on;
 * - no connection after all (the call throws) or the session is gone: stop, everything kept, try later.
 * A resend after a lost answer is harmless: the same request id (createOnce) or, for a delivery, the
 * same signature answers with the first record.
 */
import type { ActionResult } from "@/lib/action";
import { uploadFileAction } from "@/lib/files/actions";
import { submitInspectionAction } from "@/lib/inspections/actions";
import { deliverNewspaperAction } from "@/lib/newspapers/actions";
import { submitVacantCleaningAction } from "@/lib/vacant-units/actions";
import { localFileIds, withFileIds, type OfflineItem, type OfflineKind } from "./items";
import { keptFile, listItems, markUploaded, refuseItem, removeItem } from "./store";

const ACTIONS: Record<OfflineKind, (input: unknown) => Promise<ActionResult<unknown>>> = {
  inspection: submitInspectionAction,
  vacant: submitVacantCleaningAction,
  delivery: deliverNewspaperAction,
};

type Outcome = "sent" | "refused" | "stop";

/** Uploads the item's kept files; the map of local → StoredFile ids, or the refusal to show. */
async function uploadFiles(item: OfflineItem, fileMissing: string): Promise<Map<string, string> | { refusal: string }> {
  const ids = new Map<string, string>();
  for (const localId of localFileIds(item.input)) {
    const file = await keptFile(localId);
    if (!file) return { refusal: fileMissing };
    if (!file.fileId) {
      const form = new FormData();
      form.set("requestId", file.requestId);
      form.set("siteId", file.siteId);
      form.set("kind", file.kind);
      form.set("file", new File([file.blob], file.name, { type: file.blob.type }));
      const result = await uploadFileAction(form);
      if (!result.ok) return { refusal: result.fieldErrors?.file ?? result.message };
      file.fileId = result.data.id;
      await markUploaded(file, result.data.id);
    }
    ids.set(localId, file.fileId);
  }
  return ids;
}

async function sendOne(item: OfflineItem, fileMissing: string): Promise<Outcome> {
  const files = await uploadFiles(item, fileMissing);
  if (!(files instanceof Map)) {
    await refuseItem(item, files.refusal);
    return "refused";
  }
  const result = await ACTIONS[item.kind]({ ...withFileIds(item.input, files), madeAt: item.madeAt });
  if (result.ok) {
    await removeItem(item.seq!);
    return "sent";
  }
  // Signed out meanwhile (or the session ended): keep it for when the same user is back.
  if (result.code === "unauthenticated") return "stop";
  await refuseItem(item, result.message);
  return "refused";
}

let running: Promise<void> | null = null;

/** Sends what waits for `userId` (one run at a time; a call during a run joins it). */
export function sendOutbox(userId: string, fileMissing: string): Promise<void> {
  running ??= (async () => {
    try {
      for (const item of await listItems()) {
        if (item.userId !== userId || item.refusal) continue;
        if (!navigator.onLine) return;
        try {
          if ((await sendOne(item, fileMissing)) === "stop") return;
        } catch {
          return; // the connection dropped on the way: everything stays for the next try
        }
      }
    } finally {
      running = null;
    }
  })();
  return running;
}
