/**
 * Idempotency keys: a form makes one when it opens and sends it with the create, so a double tap or a
 * replayed request finds the record already made (the column is unique) instead of making a second one.
 *
 * Imports no zod: it runs in the forms of every page (the key's schema is in `./request-id-schema.ts`).
 */
export function newRequestId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === "function") return c.randomUUID();
  // randomUUID exists only in secure contexts (https, localhost); a phone on the site's LAN over plain http
  // still has getRandomValues. Same RFC 4122 version-4 layout.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
