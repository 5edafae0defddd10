// Small pieces the cluster test's checks share (scripts/cluster/run.ts and the check modules beside it).

import { createHash } from "node:crypto";

export const INSTANCES = ["app1", "app2"] as const;
export type Instance = (typeof INSTANCES)[number];

/** One check's verdict and the figures printed under it. */
export interface Check {
  name: string;
  passed: boolean;
  figures: string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const log = (line: string) => console.log(`[cluster] ${line}`);
export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A 37×21 PNG (the one tests/integration/storage-s3.test.ts uploads); the browser's photo input decodes it too. */
export const PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAACUAAAAVCAYAAADB5CeuAAAAUUlEQVR4AezUQQoAIAhE0aGTe3O7wkcSJhijnYU+xNNSu90jw/AvqsSOlsNfahkAfx8pShWpSFEBmuc/U2yfF214nOcvNW7t8cNIUdBIfS11AQAA///b9okRAAAABklEQVQDAKd5XeHl5uj6AAAAAElFTkSuQmCC",
  ),
  (c) => c.charCodeAt(0),
);

/** "app1 12, app2 11" from counts per instance. */
export function perInstance(counts: Record<string, number>): string {
  return INSTANCES.map((n) => `${n} ${counts[n] ?? 0}`).join(", ");
}
