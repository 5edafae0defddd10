import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, checkUpload, sniffImage } from "./image";

// Hand-made headers: just enough bytes for each format's magic and size fields.
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];
const bytes = (...parts: number[][]) => new Uint8Array(parts.flat());

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
function png(width: number, height: number) {
  const ihdr = [...be32(width), ...be32(height), 8, 6, 0, 0, 0];
  return bytes(PNG_SIGNATURE, be32(13), ascii("IHDR"), ihdr, [0, 0, 0, 0], be32(0), ascii("IEND"), [0xae, 0x42, 0x60, 0x82]);
}

const segment = (marker: number, body: number[]) => [0xff, marker, ...be16(body.length + 2), ...body];
function exif(orientation: number, order: "II" | "MM") {
  const u16 = order === "II" ? le16 : be16;
  const u32 = order === "II" ? le32 : (n: number) => be32(n);
  // TIFF header, IFD0 with one entry: Orientation (0x0112), SHORT, count 1, value.
  const tiff = [
    ...ascii(order),
    ...u16(42),
    ...u32(8),
    ...u16(1),
    ...u16(0x0112),
    ...u16(3),
    ...u32(1),
    ...u16(orientation),
    0,
    0,
    ...u32(0),
  ];
  return segment(0xe1, [...ascii("Exif"), 0, 0, ...tiff]);
}
function jpeg(width: number, height: number, opts: { sof?: number; before?: number[] } = {}) {
  const jfif = segment(0xe0, [...ascii("JFIF"), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = segment(opts.sof ?? 0xc0, [8, ...be16(height), ...be16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const sos = segment(0xda, [3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0]);
  return bytes([0xff, 0xd8], jfif, opts.before ?? [], sof, sos, [0x12, 0x34], [0xff, 0xd9]);
}

const riff = (chunk: string, data: number[]) =>
  bytes(ascii("RIFF"), le32(4 + 8 + data.length), ascii("WEBP"), ascii(chunk), le32(data.length), data);
const webpLossy = (w: number, h: number) => riff("VP8 ", [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(w), ...le16(h), 0, 0, 0, 0]);
const webpLossless = (w: number, h: number) => {
  const bits = (w - 1) | ((h - 1) << 14);
  return riff("VP8L", [0x2f, ...le32(bits >>> 0), 0, 0, 0, 0, 0]);
};
const webpExtended = (w: number, h: number) => riff("VP8X", [0x10, 0, 0, 0, ...le24(w - 1), ...le24(h - 1), 0, 0]);

/** A 37×21 PNG as Chromium's canvas encoder writes it (a real file, not a hand-made header). */
const CHROMIUM_PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAACUAAAAVCAYAAADB5CeuAAAAUUlEQVR4AezUQQoAIAhE0aGTe3O7wkcSJhijnYU+xNNSu90jw/AvqsSOlsNfahkAfx8pShWpSFEBmuc/U2yfF214nOcvNW7t8cNIUdBIfS11AQAA///b9okRAAAABklEQVQDAKd5XeHl5uj6AAAAAElFTkSuQmCC",
  ),
  (c) => c.charCodeAt(0),
);

describe("sniffImage: type by magic bytes, size from the header", () => {
  it("reads PNG width and height from IHDR", () => {
    expect(sniffImage(png(640, 480))).toEqual({ contentType: "image/png", extension: "png", width: 640, height: 480 });
    expect(sniffImage(CHROMIUM_PNG)).toMatchObject({ contentType: "image/png", width: 37, height: 21 });
  });

  it("reads JPEG width and height from the start-of-frame segment (baseline and progressive)", () => {
    expect(sniffImage(jpeg(1600, 1200))).toEqual({ contentType: "image/jpeg", extension: "jpg", width: 1600, height: 1200 });
    expect(sniffImage(jpeg(800, 600, { sof: 0xc2 }))).toMatchObject({ width: 800, height: 600 });
  });

  it("skips segments that are not frames (DHT C4) and turns the size by the EXIF orientation", () => {
    const dht = segment(0xc4, [0x00, ...new Array(16).fill(0)]);
    expect(sniffImage(jpeg(1600, 1200, { before: dht }))).toMatchObject({ width: 1600, height: 1200 });
    // A phone held upright writes landscape pixels with "rotate 90°" (6): the picture is portrait.
    expect(sniffImage(jpeg(4032, 3024, { before: exif(6, "II") }))).toMatchObject({ width: 3024, height: 4032 });
    expect(sniffImage(jpeg(4032, 3024, { before: exif(8, "MM") }))).toMatchObject({ width: 3024, height: 4032 });
    expect(sniffImage(jpeg(4032, 3024, { before: exif(3, "MM") }))).toMatchObject({ width: 4032, height: 3024 });
  });

  it("reads WebP size from VP8 (lossy), VP8L (lossless) and VP8X (extended) chunks", () => {
    expect(sniffImage(webpLossy(1024, 768))).toEqual({ contentType: "image/webp", extension: "webp", width: 1024, height: 768 });
    expect(sniffImage(webpLossless(37, 21))).toMatchObject({ width: 37, height: 21 });
    expect(sniffImage(webpLossless(16384, 1))).toMatchObject({ width: 16384, height: 1 });
    expect(sniffImage(webpExtended(3000, 2000))).toMatchObject({ width: 3000, height: 2000 });
  });

  it("calls anything else not an image, whatever its name or declared type", () => {
    const text = new TextEncoder().encode("这不是图片，只是改了扩展名的文本文件 photo.jpg\n");
    expect(sniffImage(text)).toBe("notImage");
    expect(sniffImage(new TextEncoder().encode("GIF89a\x01\x00\x01\x00"))).toBe("notImage");
    expect(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe("notImage");
    expect(sniffImage(bytes([0, 0, 0, 0x18], ascii("ftypheic"), new Array(16).fill(0)))).toBe("notImage"); // HEIC
    expect(sniffImage(bytes(ascii("RIFF"), le32(4), ascii("WAVE")))).toBe("notImage");
  });

  it("calls a known magic with a broken header corrupt", () => {
    expect(sniffImage(bytes(PNG_SIGNATURE))).toBe("corrupt");
    expect(sniffImage(png(10, 10).slice(0, 20))).toBe("corrupt");
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBe("corrupt");
    // Scan data before any frame header, and a segment length running past the end.
    expect(sniffImage(bytes([0xff, 0xd8], segment(0xda, [1, 2, 3]), [0xff, 0xd9]))).toBe("corrupt");
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00, 1, 2, 3]))).toBe("corrupt");
    expect(sniffImage(riff("VP8 ", new Array(12).fill(0)))).toBe("corrupt");
    expect(sniffImage(riff("ALPH", new Array(12).fill(0)))).toBe("corrupt");
  });
});

describe("checkUpload: what may be stored", () => {
  it("accepts JPEG, PNG and WebP photos", () => {
    for (const image of [jpeg(1600, 1200), png(800, 600), webpLossy(1200, 900)]) expect(checkUpload(image, "PHOTO").ok).toBe(true);
  });

  it("refuses a text file renamed .jpg", () => {
    const renamed = new TextEncoder().encode("hello, I am plain text in photo.jpg");
    expect(checkUpload(renamed, "PHOTO")).toEqual({ ok: false, reason: "notImage" });
  });

  it("refuses an empty file and anything over 10 MB", () => {
    expect(checkUpload(new Uint8Array(0), "PHOTO")).toEqual({ ok: false, reason: "empty" });
    const atLimit = new Uint8Array(MAX_FILE_BYTES);
    atLimit.set(png(4000, 3000));
    expect(checkUpload(atLimit, "PHOTO").ok).toBe(true);
    const over = new Uint8Array(MAX_FILE_BYTES + 1);
    over.set(png(4000, 3000));
    expect(checkUpload(over, "PHOTO")).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("refuses empty or absurd dimensions", () => {
    expect(checkUpload(png(0, 10), "PHOTO")).toEqual({ ok: false, reason: "dimensions" });
    expect(checkUpload(png(30_000, 10), "PHOTO")).toEqual({ ok: false, reason: "dimensions" });
    expect(checkUpload(png(10, 0xffffffff), "PHOTO")).toEqual({ ok: false, reason: "dimensions" });
  });

  it("takes only PNG for a signature", () => {
    expect(checkUpload(png(600, 200), "SIGNATURE")).toMatchObject({ ok: true, image: { contentType: "image/png" } });
    expect(checkUpload(jpeg(600, 200), "SIGNATURE")).toEqual({ ok: false, reason: "signatureNotPng" });
    expect(checkUpload(webpLossless(600, 200), "SIGNATURE")).toEqual({ ok: false, reason: "signatureNotPng" });
  });
});
