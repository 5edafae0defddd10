// The query plans of every benched page (issue 13 item 4: each hot query's EXPLAIN ANALYZE on the
// scale data, in docs/). Starts the production build on the scale database with PostgreSQL's
// auto_explain on for that database's new sessions (ANALYZE, without per-node timing), views each page
// of the bench once warm and once measured as its bench user, and reads the measured view's plans from
// the server's log file. Prints Markdown: per page the statements one view sends, their summed
// execution time and the slowest one's plan (statements under --min-ms are counted, not shown).
// Resets the database's settings when it ends.
//
//   npx tsx scripts/bench/plans.ts --log /var/log/postgresql/postgresql-15-main.log [--db kewu_scale]
//                                   [--port 3331] [--min-ms 1]
//
// Needs a build (`npx next build`), a PostgreSQL whose log file this user can read, and a superuser
// DATABASE_URL (ALTER DATABASE … SET session_preload_libraries).
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { REPO_ROOT, withDatabaseName } from "../db/server";
import { nextStartArgs, serverEnv } from "../next-start";
import { benchPages } from "./pages";
import { benchServerEnv, signIn, waitFor } from "./server";

const SETTINGS: [string, string][] = [
  ["session_preload_libraries", "auto_explain"],
  ["auto_explain.log_min_duration", "0"],
  ["auto_explain.log_analyze", "on"],
  ["auto_explain.log_timing", "off"],
  ["auto_explain.log_nested_statements", "on"],
];

export interface LoggedPlan {
  ms: number;
  query: string;
  plan: string;
}

/**
 * The auto_explain entries of a stretch of a PostgreSQL log: a "duration: X ms  plan:" line, then
 * "Query Text: …" and the plan, on lines that start with a tab (PostgreSQL's continuation lines).
 */
export function parsePlans(log: string): LoggedPlan[] {
  const plans: LoggedPlan[] = [];
  const lines = log.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const head = /LOG:\s+duration: ([\d.]+) ms\s+plan:/.exec(lines[i]);
    if (!head) continue;
    const body: string[] = [];
    while (i + 1 < lines.length && lines[i + 1].startsWith("\t")) body.push(lines[++i].slice(1));
    const textAt = body.findIndex((l) => l.startsWith("Query Text:"));
    // The query text runs until the plan's first node (a line of "Name  (cost=…" or "Name  (actual …").
    const planAt = body.findIndex((l, n) => n > textAt && /\((cost|actual)[ =]/.test(l));
    const query = body
      .slice(textAt, planAt < 0 ? body.length : planAt)
      .join(" ")
      .replace(/^Query Text:\s*/, "")
      .replace(/\s+/g, " ")
      .trim();
    plans.push({ ms: Number(head[1]), query, plan: planAt < 0 ? "" : body.slice(planAt).join("\n") });
  }
  return plans;
}

async function setSettings(baseUrl: string, db: string, on: boolean) {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    for (const [name, value] of SETTINGS) {
      await admin.query(on ? `ALTER DATABASE "${db}" SET ${name} = '${value}'` : `ALTER DATABASE "${db}" RESET ${name}`);
    }
  } finally {
    await admin.end();
  }
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      db: { type: "string", default: "kewu_scale" },
      log: { type: "string" },
      port: { type: "string", default: "3331" },
      "min-ms": { type: "string", default: "1" },
    },
  });
  if (!args.log) throw new Error("--log FILE: the PostgreSQL server's log file (auto_explain writes the plans there)");
  const logFile = args.log;
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("DATABASE_URL (a superuser's) is required");
  const dbUrl = withDatabaseName(baseUrl, args.db!);
  const probe = new pg.Client({ connectionString: dbUrl });
  await probe.connect();
  const { password, pages } = await benchPages(probe);
  await probe.end();

  await setSettings(baseUrl, args.db!, true);
  const port = Number(args.port);
  const base = `http://127.0.0.1:${port}`;
  // Jobs off (benchServerEnv's default): no reminder run writing its plans among the pages'.
  const server = spawn(process.execPath, nextStartArgs(port), {
    cwd: REPO_ROOT,
    env: serverEnv(benchServerEnv(dbUrl, base)),
    stdio: "ignore",
  });
  try {
    await waitFor(`${base}/login`);
    const cookies = new Map<string, string>();
    const minMs = Number(args["min-ms"]);
    const out: string[] = ["| page | statements | database ms | slowest ms |", "| ---- | ---------: | ----------: | ---------: |"];
    const details: string[] = [];
    for (const page of pages) {
      if (!cookies.has(page.user)) cookies.set(page.user, await signIn(base, page.user, password));
      const view = () => fetch(`${base}${page.path}`, { headers: { cookie: cookies.get(page.user)! } }).then((r) => r.arrayBuffer());
      await view();
      const from = statSync(logFile).size;
      await view();
      // The log is written by another process: let it catch up.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const plans = parsePlans(readFileSync(logFile).subarray(from).toString("utf8")).filter((p) => p.query);
      const total = plans.reduce((sum, p) => sum + p.ms, 0);
      const slowest = plans.reduce<LoggedPlan | null>((worst, p) => (!worst || p.ms > worst.ms ? p : worst), null);
      out.push(`| ${page.name} | ${plans.length} | ${total.toFixed(1)} | ${(slowest?.ms ?? 0).toFixed(1)} |`);
      details.push(`### ${page.name} (\`${page.path}\`)\n`);
      if (slowest && slowest.ms >= minMs) {
        details.push(
          `${slowest.ms.toFixed(1)} ms:\n\n\`\`\`sql\n${slowest.query.slice(0, 600)}${slowest.query.length > 600 ? " …" : ""}\n\`\`\`\n`,
        );
        details.push(`\`\`\`\n${slowest.plan}\n\`\`\`\n`);
      } else {
        details.push(`Every statement under ${minMs} ms.\n`);
      }
    }
    console.log([...out, "", ...details].join("\n"));
  } finally {
    server.kill("SIGTERM");
    await setSettings(baseUrl, args.db!, false);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
