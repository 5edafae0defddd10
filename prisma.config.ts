import { defineConfig } from "prisma/config";

// Prisma 7 keeps the datasource URL here. The CLI is only used for `prisma generate`;
// migrations run through scripts/db (see docs/decisions/002-migrations-with-wasm-engine.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/kewu" },
});
