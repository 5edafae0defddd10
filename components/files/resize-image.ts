/**
 * Browser-side shrinking of phone photos before upload: a 12-megapixel picture becomes a JPEG of at
 * most 1600 px on the long side (a few hundred KB), which uploads quickly over a weak mobile signal.
 * Re-encoding also turns formats the server refuses (HEIC from some phones) into JPEG and drops
 * EXIF metadata such as the GPS position.
 */

export const MAX_PHOTO_SIDE = 1600;
export const PHOTO_QUALITY = 0.85;
/** A small JPEG/PNG/WebP under this size is sent as it is. */
const PASS_THROUGH_BYTES = 1024 * 1024;
const PASS_THROUGH_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/** The browser cannot decode the chosen file as an image. */
export class ImageDecodeError extends Error {}

/** Width and height scaled down (never up) so that the long side is at most `maxSide`. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function decode(file: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  const image = new Image();
  try {
    image.src = url;
    // An <img> applies the EXIF orientation, so naturalWidth/Height and drawImage give the upright picture.
    await image.decode();
    return image;
  } catch {
    throw new ImageDecodeError("cannot decode");
  } finally {
    URL.revokeObjectURL(url);
  }
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ImageDecodeError("cannot encode"))), type, quality),
  );
}

/** The photo to upload: `file` itself when already small, otherwise a resized JPEG. */
export async function resizeImage(file: File, maxSide = MAX_PHOTO_SIDE, quality = PHOTO_QUALITY): Promise<File> {
  const image = await decode(file);
  const size = fitWithin(image.naturalWidth, image.naturalHeight, maxSide);
  const small = size.width === image.naturalWidth && size.height === image.naturalHeight;
  if (small && PASS_THROUGH_TYPES.has(file.type) && file.size <= PASS_THROUGH_BYTES) return file;

  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  if (!context) throw new ImageDecodeError("no 2d context");
  // JPEG has no transparency: a transparent PNG would otherwise turn black.
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingQuality = "high";
  context.drawImage(image, 0, 0, size.width, size.height);
  const blob = await toBlob(canvas, "image/jpeg", quality);
  // Phones keep few canvases in memory (iOS Safari): release this one now.
  canvas.width = 0;
  canvas.height = 0;
  const name = `${file.name.replace(/\.[^.]*$/, "") || "photo"}.jpg`;
  return new File([blob], name, { type: "image/jpeg", lastModified: file.lastModified });
}
