// The Excel exports' memory on a seeded company: starts the production build on --db (a database of
// `npm run seed:scale`), signs in as scale.manager and downloads the deadline export and the goods-pass
// export, first one at a time, then --concurrency at once, while sampling the server's resident memory
// every 20 ms. Prints, per run: the peak above the idle server, the time, the bytes and the status.
//
//   npx tsx scripts/bench/export-memory.ts --db kewu_scale [--port 3400] [--concurrency 10] [--heap 512] [--skip-build]
//
// --heap sets KEWU_HEAP_MB of the server (scripts/next-start.ts), 512 by default: the bound the bench
// found too small for ten concurrent in-memory exports. The server is stopped at the end.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT, ensureDatabaseServer, withDatabaseName } from "../db/server";
import { NEXT_BIN, nextStartArgs } from "../next-start";
import { benchServerEnv, childPids, rssMb, signIn, waitFor } from "./server";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "kewu_scale" },
    port: { type: "string", default: "3400" },
    concurrency: { type: "string", default: "10" },
    heap: { type: "string", default: "512" },
    "skip-build": { type: "boolean", default: false },
  },
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Download {
  status: number | string;
  bytes: number;
  truncated: string | null;
}

async function download(url: string, cookie: string): Promise<Download> {
  try {
    const res = await fetch(url, { headers: { cookie } });
    const bytes = (await res.arrayBuffer()).byteLength;
    return { status: res.status, bytes, truncated: res.headers.get("x-export-truncated") };
  } catch (err) {
    return { status: `failed: ${(err as Error).cause ?? (err as Error).message}`, bytes: 0, truncated: null };
  }
}

/** Runs `work` while sampling the server's RSS; returns the work's result with the peak RSS. */
async function sampled<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number; ms: number }> {
  const children = childPids(pid);
  let peakMb = rssMb(pid, children);
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, rssMb(pid, children));
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return { result, peakMb: Math.max(peakMb, rssMb(pid, children)), ms: Math.round(performance.now() - started) };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const { baseUrl } = await ensureDatabaseServer();
  const port = Number(args.port);
  const base = `http://127.0.0.1:${port}`;
  const env = benchServerEnv(withDatabaseName(baseUrl, args.db!), base, { KEWU_HEAP_MB: args.heap });
  if (!args["skip-build"] || !existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) {
    const built = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: REPO_ROOT, env, stdio: "inherit" });
    if (built.status !== 0) throw new Error("the build failed");
  }
  const server = spawn(process.execPath, nextStartArgs(port, { env }), { cwd: REPO_ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  let exited: string | null = null;
  server.on("exit", (code, signal) => (exited = `server exited (${code ?? signal})`));
  try {
    await waitFor(`${base}/login`);
    const cookie = await signIn(base, "scale.manager", "Kewu@2026");
    const exports = { deadlines: `${base}/dashboard/export`, "goods passes": `${base}/goods-passes/export` };
    // Warm: every route compiled and its modules loaded before the idle figure is read.
    for (const url of Object.values(exports)) await download(`${url}?q=warm-up-matches-nothing`, cookie);
    await sleep(2000);
    const idleMb = rssMb(server.pid!);
    console.log(`idle server (heap bound ${args.heap} MB): RSS ${idleMb} MB`);
    const concurrency = Number(args.concurrency);
    for (const n of [1, concurrency])
      for (const [name, url] of Object.entries(exports)) {
        const run = await sampled(server.pid!, () => Promise.all(Array.from({ length: n }, () => download(url, cookie))));
        const statuses = [...new Set(run.result.map((d) => d.status))].join(", ");
        const first = run.result[0];
        console.log(
          `${name} ×${n}: peak RSS ${run.peakMb} MB (+${run.peakMb - idleMb} MB over idle), ${run.ms} ms, ` +
            `${(first.bytes / 1024).toFixed(0)} KB each, status ${statuses}, X-Export-Truncated ${first.truncated ?? "-"}`,
        );
        await sleep(2000);
        if (exited) return console.log(exited);
      }
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
