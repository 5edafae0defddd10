/**
 * What the outbox holds and the helpers that need no storage (lib/offline/store.ts keeps the items in
 * IndexedDB). Apart so that the shell's first load carries none of IndexedDB's code: the store and the
 * sender are imported when first used, after the page is interactive.
 */

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

export const LOCAL_FILE_PREFIX = "local-";

/** Tells the queue's views (this tab) that the outbox changed. */
export const OUTBOX_CHANGED = "kewu:outbox-changed";

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
