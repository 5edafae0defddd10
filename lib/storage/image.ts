/**
 * Upload checks for photos and signatures: pure, no I/O, no native image library.
 * A file is an image only if its bytes say so (magic bytes + a readable header); the declared
 * content type and the file name are never trusted. Dimensions come from the header alone:
 * JPEG SOF (turned by its EXIF orientation), PNG IHDR, WebP VP8 / VP8L / VP8X.
 */

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Larger canvases are refused: a small file can declare a huge image that would stall a viewer. */
export const MAX_IMAGE_SIDE = 20_000;

export type ImageType = "image/jpeg" | "image/png" | "image/webp";
export type UploadKind = "PHOTO" | "SIGNATURE";

export interface ImageInfo {
  contentType: ImageType;
  extension: "jpg" | "png" | "webp";
  /** As displayed (a JPEG's EXIF rotation applied). */
  width: number;
  height: number;
}

/** Each reason has a message `files.errors.<reason>`. */
export type ImageRefusal = "empty" | "tooLarge" | "notImage" | "corrupt" | "dimensions" | "signatureNotPng";

export type UploadCheck = { ok: true; image: ImageInfo } | { ok: false; reason: ImageRefusal };

export function checkUpload(bytes: Uint8Array, kind: UploadKind): UploadCheck {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: "tooLarge" };
  const image = sniffImage(bytes);
  if (image === "notImage" || image === "corrupt") return { ok: false, reason: image };
  const { width, height } = image;
  if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return { ok: false, reason: "dimensions" };
  // A signature is drawn on the pad and exported losslessly; a photo of a signature is not one.
  if (kind === "SIGNATURE" && image.contentType !== "image/png") return { ok: false, reason: "signatureNotPng" };
  return { ok: true, image };
}

/** The image type and size read from the bytes; "notImage" for unknown magic, "corrupt" for a known one with a broken header. */
export function sniffImage(b: Uint8Array): ImageInfo | "notImage" | "corrupt" {
  if (startsWith(b, 0, JPEG_MAGIC)) return withType(jpegSize(b), "image/jpeg", "jpg");
  if (startsWith(b, 0, PNG_MAGIC)) return withType(pngSize(b), "image/png", "png");
  if (startsWith(b, 0, RIFF) && startsWith(b, 8, WEBP)) return withType(webpSize(b), "image/webp", "webp");
  return "notImage";
}

type Size = { width: number; height: number } | null;

const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");

function withType(size: Size, contentType: ImageType, extension: ImageInfo["extension"]): ImageInfo | "corrupt" {
  return size ? { contentType, extension, ...size } : "corrupt";
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function startsWith(b: Uint8Array, at: number, expected: number[]): boolean {
  if (b.length < at + expected.length) return false;
  return expected.every((byte, i) => b[at + i] === byte);
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const u32le = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** PNG: the first chunk must be IHDR (length 13): width and height, 4 bytes big-endian each. */
function pngSize(b: Uint8Array): Size {
  if (b.length < 24 || u32be(b, 8) !== 13 || !startsWith(b, 12, ascii("IHDR"))) return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic); C4, C8 and CC are not frames. */
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** JPEG: walk the marker segments up to the first SOF; an EXIF APP1 before it may rotate the picture. */
function jpegSize(b: Uint8Array): Size {
  let i = 2;
  let orientation = 1;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    let marker = b[i + 1];
    while (marker === 0xff && i + 2 < b.length) marker = b[++i + 1]; // fill bytes
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame header
    if (i + 4 > b.length) return null;
    const length = u16be(b, i + 2);
    const body = i + 4;
    if (length < 2 || body + length - 2 > b.length) return null;
    if (marker === 0xe1) orientation = exifOrientation(b, body, body + length - 2) ?? orientation;
    if (isStartOfFrame(marker)) {
      if (length < 7) return null;
      const height = u16be(b, body + 1);
      const width = u16be(b, body + 3);
      // Orientations 5–8 turn the picture by 90°: the displayed image is height × width.
      return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
    }
    i = body + length - 2;
  }
  return null;
}

/** The Orientation tag (0x0112) of IFD0 in an APP1 "Exif\0\0" segment spanning [start, end). */
function exifOrientation(b: Uint8Array, start: number, end: number): number | undefined {
  if (end - start < 14 || !startsWith(b, start, [...ascii("Exif"), 0, 0])) return undefined;
  const tiff = start + 6;
  const little = b[tiff] === 0x49 && b[tiff + 1] === 0x49; // "II"
  if (!little && !(b[tiff] === 0x4d && b[tiff + 1] === 0x4d)) return undefined; // "MM"
  const u16 = (at: number) => (little ? u16le(b, at) : u16be(b, at));
  const u32 = (at: number) => (little ? u32le(b, at) : u32be(b, at));
  if (u16(tiff + 2) !== 42) return undefined;
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return undefined;
  const count = u16(ifd);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > end) return undefined;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) return u16(entry + 8);
  }
  return undefined;
}

/** WebP: RIFF container, first chunk VP8 (lossy), VP8L (lossless) or VP8X (extended). */
function webpSize(b: Uint8Array): Size {
  if (b.length < 30) return null;
  const chunk = String.fromCharCode(b[12], b[13], b[14], b[15]);
  const data = 20;
  if (chunk === "VP8 ") {
    // 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height (2 scale bits each).
    if (!startsWith(b, data + 3, [0x9d, 0x01, 0x2a])) return null;
    return { width: u16le(b, data + 6) & 0x3fff, height: u16le(b, data + 8) & 0x3fff };
  }
  if (chunk === "VP8L") {
    // Signature 0x2F, then width−1 and height−1 as 14-bit fields, least significant bits first.
    if (b[data] !== 0x2f) return null;
    const bits = u32le(b, data + 1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") {
    // 1 byte flags, 3 reserved, then canvas width−1 and height−1 as 24-bit little-endian.
    return { width: u24le(b, data + 4) + 1, height: u24le(b, data + 7) + 1 };
  }
  return null;
}
