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

export type OfflineKind = "inspection" | "vacant" | "delivery";

export interface OfflineItem {
  seq?: number;
  kind: OfflineKind;
  userId: string;
  /** What the user recognises the record by ("大堂 · 第 1 次"). */
  label: string;
  /** The action's input as the form made it; file ids may be local ones. */
  input: Record<string, unknown>;
  /** When it was made, on the phone's clock (the server bounds it: lib/offline/rules.ts). */
  madeAt: string;
  /** The server's refusal, shown on the item until the user discards it. */
  refusal?: string;
}

export interface KeptFile {
  id: string;
  siteId: string;
  kind: "PHOTO" | "SIGNATURE";
  blob: Blob;
  name: string;
  /** The upload's own request id: an upload retried after a lost answer stores the file once. */
  requestId: string;
  /** The StoredFile id once uploaded. */
  fileId?: string;
  keptAt: number;
}

interface OutboxSchema extends DBSchema {
  items: { key: number; value: OfflineItem };
  files: { key: string; value: KeptFile };
}

const DB_NAME = "kewu-offline";
export const LOCAL_FILE_PREFIX = "local-";

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

/** Tells the queue's views (this tab) that the outbox changed. */
export const OUTBOX_CHANGED = "kewu:outbox-changed";
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

/** The local file ids anywhere in an input (photo lists, a signature). */
export function localFileIds(value: unknown): string[] {
  if (typeof value === "string") return value.startsWith(LOCAL_FILE_PREFIX) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(localFileIds);
  if (value && typeof value === "object") return Object.values(value).flatMap(localFileIds);
  return [];
}

/** The input with each local file id replaced by its StoredFile id. */
export function withFileIds<T>(value: T, fileIds: ReadonlyMap<string, string>): T {
  if (typeof value === "string") return (fileIds.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((v) => withFileIds(v, fileIds)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withFileIds(v, fileIds)])) as T;
  return value;
}
