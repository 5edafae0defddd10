// probe: start the prod server on a db, sign in, keep running; write cookies to /tmp/cookie-<user>
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { REPO_ROOT, ensureDatabaseServer, withDatabaseName } from "../db/server";
import { NEXT_BIN } from "../next-start";
import { benchServerEnv, signIn, waitFor } from "../bench/server";
const db = process.argv[2] ?? "kewu_scale";
const port = 3351;
const { baseUrl } = await ensureDatabaseServer();
const base = `http://127.0.0.1:${port}`;
const env = benchServerEnv(withDatabaseName(baseUrl, db), base);
const server = spawn(process.execPath, [...(process.env.PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROF}`] : []), NEXT_BIN, "start", "-p", String(port)], { cwd: REPO_ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
await waitFor(`${base}/login`);
for (const u of ["scale.manager", "scale.supervisor", "scale.frontdesk"]) writeFileSync(`/tmp/cookie-${u}`, await signIn(base, u, "Kewu@2026"));
writeFileSync("/tmp/server.pid", String(server.pid));
console.log("ready", server.pid);
