// The bench's helpers around a running Kewu server: its processes' memory and CPU from /proc, waiting
// for it to answer, and signing in through next-auth as a browser does. Used by ./run.ts and the
// measuring scripts beside it.
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      if (Number(fields[1]) === pid) out.push(Number(entry), ...childPids(Number(entry)));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) spent so far by a process and its live children, from /proc. */
export function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of [pid, ...childPids(pid)]) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of a process and its children, in MB. */
export function rssMb(pid: number, children: number[] = childPids(pid)): number {
  let kb = 0;
  for (const p of [pid, ...children]) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(m?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return Math.round(kb / 1024);
}

export async function waitFor(url: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      /* not yet */
    }
    await sleep(500);
  }
  throw new Error(`${url} did not answer`);
}

/** Signs in through next-auth's credentials endpoint, as the browser does; returns the cookie header. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  keep(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: new URLSearchParams({ username, password, csrfToken, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in of ${username} failed (${res.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/**
 * The environment of a production server a bench script starts on `dbUrl`, reached at `base`: its own
 * session secret unless one is set, no telemetry, no background jobs unless `extra` says otherwise.
 */
export function benchServerEnv(dbUrl: string, base: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...extra,
    DATABASE_URL: dbUrl,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    KEWU_DISABLE_JOBS: extra.KEWU_DISABLE_JOBS ?? "1",
  };
}
