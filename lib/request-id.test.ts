import { afterEach, describe, expect, it, vi } from "vitest";
import { newRequestId } from "./request-id";
import { requestIdField } from "./request-id-schema";

describe("newRequestId", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("makes a different valid key each time", () => {
    const a = newRequestId();
    expect(requestIdField().safeParse(a).success).toBe(true);
    expect(newRequestId()).not.toBe(a);
  });

  it("works without crypto.randomUUID (a phone on plain http), as a version-4 UUID", () => {
    const real = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: <T extends ArrayBufferView>(a: T) => real.getRandomValues(a as never) as T });
    expect(typeof globalThis.crypto.randomUUID).toBe("undefined");
    const ids = new Set(Array.from({ length: 50 }, () => newRequestId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
