// `prisma generate` without the schema-engine download: generate does not run the engine, but the CLI
// insists on having one, so any executable will do (here: node itself). See docs/decisions/002.
import { spawnSync } from "node:child_process";

const res = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath },
});
process.exit(res.status ?? 1);
