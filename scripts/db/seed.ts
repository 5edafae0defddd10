// `npm run db:seed`: the demo company into DATABASE_URL's database, or the embedded server's `kewu`.
// Safe to run twice (prisma/seed/index.ts only adds what is missing).
import { embeddedUrl, ensureDatabase, ensureDatabaseServer } from "./server";

const { baseUrl, embedded } = await ensureDatabaseServer();
const url = embedded ? embeddedUrl("kewu") : baseUrl;
if (embedded) await ensureDatabase(baseUrl, "kewu");
process.env.DATABASE_URL = url;
await import("../../prisma/seed");
