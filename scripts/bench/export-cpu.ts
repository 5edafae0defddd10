// The deadline export's time and the server's CPU on a seeded company: starts the production build (built
// beforehand: `npx next build`) on --db, signs in as --user (scale.manager) and downloads --path
// (/dashboard/export; any page will do), first
// --runs times one at a time, then --concurrency at once. Prints per run the wall time and the CPU the
// server's processes spent (user + system, from /proc), so one export's cost is read apart from the
// machine's other load. With --profile DIR the server writes a V8 CPU profile there when it stops
// (summarise it with scripts/bench/cpu-profile.ts).
//
//   npx tsx scripts/bench/export-cpu.ts --db kewu_scale --port 3351 [--runs 5] [--concurrency 10] [--profile /tmp/prof]
//     [--path /inspections --user scale.supervisor]
//
// The database is only read (sign-in records its attempt, as every sign-in does). The server is stopped at the end.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { REPO_ROOT, ensureDatabaseServer, withDatabaseName } from "../db/server";
import { NEXT_BIN } from "../next-start";
import { benchServerEnv, cpuMs, signIn, waitFor } from "./server";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "kewu_scale" },
    port: { type: "string", default: "3351" },
    runs: { type: "string", default: "5" },
    concurrency: { type: "string", default: "10" },
    path: { type: "string", default: "/dashboard/export" },
    user: { type: "string", default: "scale.manager" },
    profile: { type: "string" },
  },
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function download(url: string, cookie: string) {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const bytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200) throw new Error(`${url}: status ${res.status}`);
  return { ms: performance.now() - started, bytes, truncated: res.headers.get("x-export-truncated") };
}

async function main() {
  const { baseUrl } = await ensureDatabaseServer();
  const port = Number(args.port);
  const base = `http://127.0.0.1:${port}`;
  const env = benchServerEnv(withDatabaseName(baseUrl, args.db!), base);
  const profile = args.profile ? [`--cpu-prof`, `--cpu-prof-dir=${args.profile}`] : [];
  const server = spawn(process.execPath, [...profile, NEXT_BIN, "start", "-p", String(port)], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`${base}/login`);
    const cookie = await signIn(base, args.user!, "Kewu@2026");
    const url = `${base}${args.path}`;
    // Warm: the route compiled, its modules loaded and the calendars cached before anything is timed.
    for (let i = 0; i < 2; i++) await download(url, cookie);
    await sleep(1000);
    const pid = server.pid!;
    const single: { ms: number; cpu: number }[] = [];
    for (let i = 0; i < Number(args.runs); i++) {
      const cpu0 = cpuMs(pid);
      const run = await download(url, cookie);
      await sleep(300); // the last ticks of the request are billed
      single.push({ ms: run.ms, cpu: cpuMs(pid) - cpu0 });
      if (i === 0) console.log(`file: ${(run.bytes / 1024).toFixed(0)} KB, X-Export-Truncated ${run.truncated ?? "-"}`);
      await sleep(500);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `one at a time (${single.length} runs): wall median ${median(single.map((s) => s.ms)).toFixed(0)} ms ` +
        `[${single.map((s) => s.ms.toFixed(0)).join(", ")}], server CPU median ${median(single.map((s) => s.cpu)).toFixed(0)} ms`,
    );
    const n = Number(args.concurrency);
    const cpu0 = cpuMs(pid);
    const started = performance.now();
    const runs = await Promise.all(Array.from({ length: n }, () => download(url, cookie)));
    const wall = performance.now() - started;
    await sleep(300);
    console.log(
      `${n} at once: all done in ${wall.toFixed(0)} ms (slowest ${Math.max(...runs.map((r) => r.ms)).toFixed(0)} ms, ` +
        `fastest ${Math.min(...runs.map((r) => r.ms)).toFixed(0)} ms), server CPU ${(cpuMs(pid) - cpu0).toFixed(0)} ms`,
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
