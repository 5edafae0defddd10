/**
 * The session cookie as the proxy and every page read it (lib/auth/session-token.ts): next-auth's own
 * tokens decode to their claims with the key derived once; a token under another secret, a changed
 * token and an expired one are refused, as next-auth's decode refuses them.
 */
import { describe, expect, it } from "vitest";
import { decode, encode, getToken } from "next-auth/jwt";
import { decodeSessionToken } from "../../lib/auth/session-token";

const secret = "a-session-secret-of-at-least-32-characters";
const claims = { uid: "user-1", sv: 3, name: "王主管" };

describe("decodeSessionToken", () => {
  it("reads next-auth's own token, and agrees with next-auth's decode", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    const ours = await decodeSessionToken({ token, secret });
    expect(ours).toMatchObject(claims);
    expect(ours).toEqual(await decode({ token, secret }));
    // The kept key serves the next token too.
    const again = await encode({ token: { ...claims, sv: 4 }, secret, maxAge: 3600 });
    expect(await decodeSessionToken({ token: again, secret })).toMatchObject({ uid: "user-1", sv: 4 });
  });

  it("derives the key again when the secret or the salt changes", async () => {
    const other = "another-session-secret-of-32-characters!";
    const token = await encode({ token: claims, secret: other, maxAge: 3600 });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token, secret: other })).toMatchObject(claims);
    const salted = await encode({ token: claims, secret, salt: "kewu", maxAge: 3600 });
    expect(await decodeSessionToken({ token: salted, secret, salt: "kewu" })).toMatchObject(claims);
    await expect(decodeSessionToken({ token: salted, secret })).rejects.toThrow();
  });

  it("refuses a changed token and an expired one; no token is no session", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    const parts = token.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow(/exp/);
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });

  it("is what getToken reads a request's cookie with: the claims, or null for a bad cookie", async () => {
    const token = await encode({ token: claims, secret, maxAge: 3600 });
    const request = (value: string) =>
      ({ cookies: { "next-auth.session-token": value }, headers: {} }) as unknown as Parameters<typeof getToken>[0]["req"];
    expect(await getToken({ req: request(token), secret, decode: decodeSessionToken })).toMatchObject(claims);
    expect(await getToken({ req: request(`${token}x`), secret, decode: decodeSessionToken })).toBeNull();
  });
});
