/**
 * The phone's outbox (issue 20): records made without a signal, and the photos and signatures they
 * carry, kept in IndexedDB (through `idb`) until lib/offline/send.ts delivers them. Browser only.
 *
 * - items: one action's input each, in the order made (the auto-increment key is the sending order),
 *   with its request id (the server's idempotency key), the user who made it and the time it was made;
 * - files: a photo or signature taken offline, under a local id ("local-…") that stands in the item's
 *   input for the StoredFile id it gets once uploaded.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { localFileIds, OUTBOX_CHANGED, type KeptFile, type OfflineItem } from "./items";

interface OutboxSchema extends DBSchema {
  items: { key: number; value: OfflineItem };
  files: { key: string; value: KeptFile };
}

const DB_NAME = "kewu-offline";

let opened: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function outbox() {
  opened ??= openDB<OutboxSchema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("items", { keyPath: "seq", autoIncrement: true });
      db.createObjectStore("files", { keyPath: "id" });
    },
  });
  return opened;
}

const changed = () => window.dispatchEvent(new Event(OUTBOX_CHANGED));

export async function addItem(item: Omit<OfflineItem, "seq">): Promise<void> {
  await (await outbox()).add("items", item as OfflineItem);
  changed();
}

/** Every item, oldest first. */
export async function listItems(): Promise<OfflineItem[]> {
  return (await outbox()).getAll("items");
}

export async function refuseItem(item: OfflineItem, refusal: string): Promise<void> {
  await (await outbox()).put("items", { ...item, refusal });
  changed();
}

/** Removes an item (sent, or discarded by the user) with the files only it used. */
export async function removeItem(seq: number): Promise<void> {
  const db = await outbox();
  const tx = db.transaction(["items", "files"], "readwrite");
  const item = await tx.objectStore("items").get(seq);
  if (item) for (const id of localFileIds(item.input)) await tx.objectStore("files").delete(id);
  await tx.objectStore("items").delete(seq);
  await tx.done;
  changed();
}

export async function keepFile(file: Omit<KeptFile, "id" | "keptAt">, id: string): Promise<string> {
  await (await outbox()).put("files", { ...file, id, keptAt: Date.now() });
  return id;
}

export async function keptFile(id: string): Promise<KeptFile | undefined> {
  return (await outbox()).get("files", id);
}

export async function markUploaded(file: KeptFile, fileId: string): Promise<void> {
  await (await outbox()).put("files", { ...file, fileId });
}

/** Signing out: nothing of this user's stays on the phone. */
export async function clearOutbox(): Promise<void> {
  const db = await outbox();
  const tx = db.transaction(["items", "files"], "readwrite");
  await Promise.all([tx.objectStore("items").clear(), tx.objectStore("files").clear()]);
  await tx.done;
  changed();
}
