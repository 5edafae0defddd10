import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { BlobStream, StorageBackend } from "./backend";

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph, Aliyun OSS in S3 mode …). Configured by one URL:
 *
 *   s3://ACCESS_KEY:SECRET@host[:port]/bucket[/prefix]?region=cn-north-1&pathStyle=true&tls=false
 *
 * Keys and secret are URL-encoded; `tls` defaults to true, `pathStyle` to false (virtual-hosted
 * buckets), `region` to "us-east-1". The bucket is private: every download goes through the app's
 * permission check (lib/files/access.ts), never a public or pre-signed URL.
 */
export interface S3Config {
  endpoint: string;
  bucket: string;
  /** Keys are stored under "<prefix>/<key>" when set. */
  prefix: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

const truthy = (v: string | null, fallback: boolean) => (v === null || v === "" ? fallback : v === "true" || v === "1");

/** Parses STORAGE_URL; throws an Error naming what is wrong (the secret is never echoed). */
export function parseS3Url(raw: string): S3Config {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error("STORAGE_URL is not a URL (expected s3://KEY:SECRET@host:port/bucket?region=…)");
  }
  if (url.protocol !== "s3:") throw new Error(`STORAGE_URL: unsupported scheme ${url.protocol} (only s3:// is known)`);
  const [bucket, ...rest] = url.pathname.replace(/^\/+/, "").split("/").filter(Boolean);
  if (!bucket) throw new Error("STORAGE_URL names no bucket (s3://KEY:SECRET@host/bucket)");
  if (!url.username || !url.password) throw new Error("STORAGE_URL has no access key and secret (s3://KEY:SECRET@host/bucket)");
  if (!url.hostname) throw new Error("STORAGE_URL names no host");
  const tls = truthy(url.searchParams.get("tls"), true);
  return {
    endpoint: `${tls ? "https" : "http"}://${url.host}`,
    bucket,
    prefix: rest.join("/"),
    region: url.searchParams.get("region") || "us-east-1",
    accessKeyId: decodeURIComponent(url.username),
    secretAccessKey: decodeURIComponent(url.password),
    forcePathStyle: truthy(url.searchParams.get("pathStyle"), false),
  };
}

/** A missing object surfaces as ENOENT, as with the local disk (lib/storage readFile relies on it). */
function notFound(key: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`storage: no object under ${key}`), { code: "ENOENT" });
}

const statusOf = (err: unknown) => (err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined);

/** Why the bucket cannot be used, in words an operator can act on. */
export function describeBucketError(config: S3Config, err: unknown): string {
  const where = `bucket "${config.bucket}" at ${config.endpoint}`;
  const status = statusOf(err);
  if (status === 404) return `Storage: ${where} does not exist (create it, or fix STORAGE_URL)`;
  if (status === 403 || status === 401)
    return `Storage: ${where} refused the access key "${config.accessKeyId}" (wrong key or secret, or no permission on the bucket)`;
  const message = err instanceof Error ? err.message : String(err);
  return `Storage: ${where} is not reachable: ${message}`;
}

export interface S3Backend extends StorageBackend {
  /** HeadBucket: resolves when the bucket exists and the keys may use it; rejects with describeBucketError's words. */
  check(): Promise<void>;
  readonly config: S3Config;
}

export function s3Backend(config: S3Config): S3Backend {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    maxAttempts: 3,
  });
  const Bucket = config.bucket;
  const objectKey = (key: string) => (config.prefix ? `${config.prefix}/${key}` : key);

  // Checked once, on first use; a failure is reported to that caller and checked again on the next.
  let checked: Promise<void> | undefined;
  const check = () => {
    checked ??= client.send(new HeadBucketCommand({ Bucket })).then(
      () => undefined,
      (err) => {
        checked = undefined;
        throw new Error(describeBucketError(config, err), { cause: err });
      },
    );
    return checked;
  };

  async function open(key: string): Promise<BlobStream> {
    await check();
    try {
      const out = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
      if (!out.Body) throw notFound(key);
      return { stream: out.Body.transformToWebStream(), size: out.ContentLength ?? undefined };
    } catch (err) {
      if (statusOf(err) === 404) throw notFound(key);
      throw err;
    }
  }

  return {
    config,
    check,
    async put(key, bytes) {
      await check();
      // Content-addressed: an object already under this key holds these bytes.
      const existing = await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) })).catch((err) => {
        if (statusOf(err) === 404) return null;
        throw err;
      });
      if (existing && existing.ContentLength === bytes.length) return;
      // A PUT is atomic: a reader sees the old object or the whole new one.
      await client.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body: bytes, ContentLength: bytes.length }));
    },
    async get(key) {
      const { stream } = await open(key);
      return new Uint8Array(await new Response(stream).arrayBuffer());
    },
    getStream: open,
    async delete(key) {
      await check();
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
  };
}
