// What the server still holds after a bench run (decision 022): the server is started with
// --heapsnapshot-signal=SIGUSR2 and --diagnostic-dir; on the signal Node collects garbage and writes a
// V8 heap snapshot there, and this counts its objects by constructor name. A finished request's
// `ServerResponse` that is still in the heap is a request the server has kept.
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/**
 * A snapshot past this size is not read: Node cannot hold it as one string (~512 MB), and a server after
 * a bench run writes ~80 MB; the leak of decision 022 wrote 440–500 MB.
 */
export const MAX_SNAPSHOT_BYTES = 400 * 1024 * 1024;

/** How many objects of each of `names` the snapshot file holds; null when the file is too large to read. */
export function countObjects(file: string, names: string[]): Record<string, number> | null {
  if (statSync(file).size > MAX_SNAPSHOT_BYTES) return null;
  const heap = JSON.parse(readFileSync(file, "utf8")) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const objectType = heap.snapshot.meta.node_types[0].indexOf("object");
  const wanted = new Map(names.map((n) => [n, 0]));
  for (let i = 0; i < heap.nodes.length; i += width) {
    if (heap.nodes[i + typeAt] !== objectType) continue;
    const name = heap.strings[heap.nodes[i + nameAt]];
    const n = wanted.get(name);
    if (n !== undefined) wanted.set(name, n + 1);
  }
  return Object.fromEntries(wanted);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function lastBytes(file: string, size: number, n: number): string {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(n);
    readSync(fd, buf, 0, n, size - n);
    return buf.toString();
  } finally {
    closeSync(fd);
  }
}

/**
 * Signals the server to write a heap snapshot into `dir` and waits (at most `timeoutMs`) until the file is
 * complete: a snapshot's JSON ends with "]}", and its size stops changing.
 */
export async function takeSnapshot(pid: number, dir: string, timeoutMs = 180_000): Promise<string> {
  const before = new Set(readdirSync(dir));
  process.kill(pid, "SIGUSR2");
  let last = -1;
  for (let waited = 0; waited < timeoutMs; waited += 1000) {
    await sleep(1000);
    const file = readdirSync(dir).find((f) => f.endsWith(".heapsnapshot") && !before.has(f));
    if (!file) continue;
    const full = path.join(dir, file);
    const size = statSync(full).size;
    if (size > 2 && size === last && lastBytes(full, size, 2) === "]}") return full;
    last = size;
  }
  throw new Error(`no complete heap snapshot in ${dir} after ${timeoutMs / 1000} s`);
}
