import { z } from "zod";

// The only place that reads process.env for the app (t3 style). Scripts under scripts/ read their own.
const EnvSchema = z.object({
  /** Required at run time; optional so that `next build` needs no database. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * A streaming replica of DATABASE_URL (read-only): the heavy reports and exports read from it
   * (lib/db.ts dbRead). Unset: everything reads from the primary.
   */
  DATABASE_REPLICA_URL: z.string().url().optional(),
  /** A replica further behind than this is skipped (reads go to the primary, a warning is logged). */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().nonnegative().default(30),
  /**
   * Signs session cookies. No built-in fallback: `npm start` (demo) generates one into .data/,
   * `npm run serve` refuses to start without it, and so does the server itself (missingForServer).
   */
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /**
   * Encrypts secrets stored in the database (chat robots' URLs and signing secrets), through HKDF.
   * Unset: derived from NEXTAUTH_SECRET the same way. Changing it makes the stored ones unreadable.
   */
  KEWU_SECRET_KEY: z.string().min(32).optional(),
  /** "true": chat channels may also point at http://localhost / 127.0.0.1 (tests, local trials); else https only. */
  CHAT_LOCAL_HTTP: z
    .string()
    .optional()
    .transform((v) => v === "true"),
  /** Session lifetime in seconds (default 8 h: one working shift). */
  SESSION_MAX_AGE: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 60 * 60),
  DATA_DIR: z.string().default(".data"),
  /**
   * Where uploads' bytes live. Unset: the local disk under DATA_DIR/files. Set to
   * s3://KEY:SECRET@host:port/bucket?region=…&pathStyle=true&tls=false for an S3-compatible bucket
   * (lib/storage/s3.ts); the server checks the bucket and keys when it starts.
   */
  STORAGE_URL: z.string().optional(),
  /** e.g. smtp://user:pass@mail.example.com:587 — when set, reminder digests are also emailed. */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default("客务 Kewu <no-reply@localhost>"),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For ("true" = 1). Unset or 0:
   * the header is ignored (any client could forge it) and the connection's own address is used.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" || v === "false" ? 0 : v === "true" ? 1 : Number(v)))
    .pipe(z.number().int().min(0).max(10)),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= EnvSchema.parse(process.env);
  return cached;
}

/** What a running server needs and lacks (checked when the server process starts, see instrumentation.ts). */
export function missingForServer(source: NodeJS.ProcessEnv = process.env): string[] {
  const missing: string[] = [];
  if (!source.DATABASE_URL?.trim()) missing.push("DATABASE_URL");
  if (!source.NEXTAUTH_SECRET?.trim()) missing.push("NEXTAUTH_SECRET");
  else if (source.NEXTAUTH_SECRET.trim().length < 32) missing.push("NEXTAUTH_SECRET (at least 32 characters)");
  return missing;
}
