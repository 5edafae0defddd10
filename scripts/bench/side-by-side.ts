// Two builds of Kewu measured side by side on one scale database: a change's CPU per request against the
// build before it. Both production servers run at once (each from its own checkout, built beforehand
// with `npx next build`); each page is driven on one, then the other, in rounds that alternate which
// goes first, and the server's CPU (user + system, from /proc) is pooled per page and build. Separate
// runs of `npm run bench` differ by more than a small change does (server processes and minutes of the
// shared machine drift apart); alternating rounds in one run put the drift on both sides.
//
//   git clone -q . /tmp/before && (cd /tmp/before && git checkout -q <rev> && cp -al ../../work/main/node_modules . && npx next build)
//   npx tsx scripts/bench/side-by-side.ts --dirs /tmp/before,. --paths "/found-items,/dashboard" [--user scale.manager]
//     [--db kewu_scale] [--warm 15] [--secs 8] [--rounds 4]
//
// The database is only read (sign-in records its attempt). The servers are stopped at the end.
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { REPO_ROOT, ensureDatabaseServer, withDatabaseName } from "../db/server";
import { NEXT_BIN, nextStartArgs, serverEnv } from "../next-start";
import { benchServerEnv, cpuMs, signIn, waitFor } from "./server";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "kewu_scale" },
    dirs: { type: "string", default: "." },
    paths: { type: "string", default: "/found-items" },
    user: { type: "string", default: "scale.manager" },
    port: { type: "string", default: "3381" },
    warm: { type: "string", default: "15" },
    secs: { type: "string", default: "8" },
    rounds: { type: "string", default: "4" },
  },
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const { baseUrl } = await ensureDatabaseServer();
  const seconds = Number(args.secs);
  // One session secret for both: the same cookie jar shape, the same token sizes.
  const secret = `side-by-side-${Date.now()}-session-secret-of-enough-length`;
  const servers = args.dirs!.split(",").map((dir, i) => {
    const cwd = path.resolve(REPO_ROOT, dir);
    const base = `http://127.0.0.1:${Number(args.port) + i}`;
    const env = serverEnv(benchServerEnv(withDatabaseName(baseUrl, args.db!), base, { NEXTAUTH_SECRET: secret }));
    // Each checkout's own next, so each serves its own build.
    const argv = nextStartArgs(Number(args.port) + i).map((a) => (a === NEXT_BIN ? path.join(cwd, path.relative(REPO_ROOT, NEXT_BIN)) : a));
    const child = spawn(process.execPath, argv, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
    return { name: dir, base, child, cookie: "" };
  });
  const drive = (url: string, cookie: string, duration: number) =>
    autocannon({ url, connections: 10, duration, headers: { cookie }, timeout: 10 });
  try {
    for (const s of servers) {
      await waitFor(`${s.base}/login`);
      s.cookie = await signIn(s.base, args.user!, "Kewu@2026");
    }
    const paths = args.paths!.split(",");
    for (const p of paths) for (const s of servers) await drive(s.base + p, s.cookie, Number(args.warm));
    const pooled = new Map<string, { cpu: number; requests: number; failed: number }>();
    for (let round = 0; round < Number(args.rounds); round++)
      for (const p of paths)
        for (const s of round % 2 ? [...servers].reverse() : servers) {
          await sleep(400);
          const before = cpuMs(s.child.pid!);
          const r = await drive(s.base + p, s.cookie, seconds);
          await sleep(300); // the last requests' ticks are billed
          const cpu = cpuMs(s.child.pid!) - before;
          const key = `${p}  ${s.name}`;
          const sum = pooled.get(key) ?? { cpu: 0, requests: 0, failed: 0 };
          pooled.set(key, { cpu: sum.cpu + cpu, requests: sum.requests + r.requests.total, failed: sum.failed + r.non2xx + r.errors });
          console.log(
            `round ${round + 1}  ${key.padEnd(40)} ${(r.requests.total / seconds).toFixed(1).padStart(6)} req/s  ${(cpu / r.requests.total).toFixed(2)} ms CPU a request`,
          );
        }
    console.log("\npooled over the rounds:");
    for (const [key, v] of pooled)
      console.log(
        `${key.padEnd(40)} ${(v.cpu / v.requests).toFixed(2)} ms CPU a request over ${v.requests} requests${v.failed ? `, ${v.failed} failed` : ""}`,
      );
  } finally {
    for (const s of servers) s.child.kill("SIGINT");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
