// Driving the production build over HTTP like a browser does: a cookie jar per account, next-auth
// sign-in, and server actions called by id (Next-Action requests, ids from the build's
// server-reference manifest). Used by the crash test (scripts/faults/run.ts), the cluster test
// (scripts/cluster/run.ts) and the bench's forms (scripts/bench/forms.ts).

import { readFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "../db/server";
import type { CallResult } from "./workload";

export class Session {
  private cookies = new Map<string, string>();
  /** Sees every answer (the cluster test counts which instance served it). */
  onResponse?: (res: Response) => void;

  /** `base`: where requests go unless a call names another origin (the cluster test talks to each instance too). */
  constructor(readonly base: string) {}

  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(pathname: string, init: RequestInit = {}, base = this.base): Promise<Response> {
    const res = await fetch(`${base}${pathname}`, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: this.header() },
      signal: init.signal ?? AbortSignal.timeout(10_000),
    });
    this.onResponse?.(res);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return res;
  }

  async signIn(username: string, password: string) {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, username, password, json: "true" }).toString(),
    });
    await res.arrayBuffer();
    if (![...this.cookies.keys()].some((k) => k.includes("session-token")))
      throw new Error(`sign-in of ${username} failed (HTTP ${res.status})`);
  }
}

export interface ActionRoute {
  id: string;
  page: string;
}

/** "app/(staff)/goods-passes/[id]/page" → "/goods-passes/[id]": a worker's page as a path pattern. */
function pagePattern(worker: string): string {
  return (
    worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]*\)/g, "") || "/"
  );
}

/**
 * Action name → id and a page that serves it, from the build's server-reference manifest. `pages` names
 * the page a form sits on (its pattern, "/meetings/[id]"), where the browser posts it: an action the
 * whole app bundles (the offline queue's) would otherwise be posted from an unrelated page, which is
 * the page its revalidation renders again.
 */
export async function actionRoutes<Name extends string>(
  names: Name[],
  pages: Partial<Record<Name, string>> = {},
): Promise<Record<Name, ActionRoute>> {
  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  const out = {} as Record<Name, ActionRoute>;
  for (const name of names) {
    const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
    if (!found) throw new Error(`${name} is not in the build's server-reference manifest (stale build? run without --skip-build)`);
    const served = Object.keys(found[1].workers)
      .filter((w) => w.startsWith("app/") && w.endsWith("/page"))
      .map(pagePattern);
    const wanted = pages[name];
    if (wanted && !served.includes(wanted)) throw new Error(`${name}: the page ${wanted} does not serve it`);
    // Else a page whose bundle holds the action: a static one if there is one, else a dynamic one whose
    // segments are filled from the action's input at call time (pagePath).
    const page = wanted ?? served.find((p) => !p.includes("[")) ?? served[0];
    if (!page) throw new Error(`${name}: no page serves it`);
    out[name] = { id: found[0], page };
  }
  return out;
}

/** Input fields that name the record of a page's `[id]` segment (the pass, the meeting, the survey round …). */
const RECORD_ID_FIELDS = ["passId", "complaintId", "meetingId", "roundId", "workOrderId"];

/** The page's path with its dynamic segments ([id], [areaId] …) taken from the action's input. */
export function pagePath(page: string, input: Record<string, unknown>): string {
  return page.replace(/\[(\w+)\]/g, (_, segment: string) => {
    const value =
      input[segment] ?? (segment === "id" ? RECORD_ID_FIELDS.map((field) => input[field]).find((v) => v !== undefined) : undefined);
    if (typeof value !== "string") throw new Error(`no value for [${segment}] of ${page}`);
    return encodeURIComponent(value);
  });
}

/** The action's return value from the RSC answer (the row `1:`). */
export function actionResult(body: string): CallResult {
  for (const line of body.split("\n")) {
    const m = /^1:(.*)$/.exec(line);
    if (m) return JSON.parse(m[1]) as CallResult;
  }
  throw new Error(`no action result in the answer: ${body.slice(0, 200)}`);
}

/** Calls a server action with JSON arguments (the way React encodes plain objects); throws on a non-200 answer. */
export async function callAction(
  session: Session,
  route: ActionRoute,
  input: Record<string, unknown>,
  options: { base?: string; timeoutMs?: number } = {},
): Promise<CallResult> {
  const res = await session.fetch(
    pagePath(route.page, input),
    {
      method: "POST",
      headers: { "next-action": route.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      body: JSON.stringify([input]),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    },
    options.base,
  );
  const body = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  return actionResult(body);
}

/**
 * Calls a server action whose one argument is a FormData (uploads), encoded as React's encodeReply
 * does: the FormData's entries prefixed `_1_`, then the argument list `["$K1"]` in field 0.
 */
export async function callFormAction(
  session: Session,
  route: ActionRoute,
  fields: Record<string, string | Blob>,
  options: { base?: string; timeoutMs?: number } = {},
): Promise<CallResult> {
  const form = new FormData();
  // In React's order: the FormData's entries first, the argument list last (the server reads the entries in order).
  for (const [k, v] of Object.entries(fields)) form.set(`_1_${k}`, v);
  form.set("0", JSON.stringify(["$K1"]));
  const res = await session.fetch(
    route.page,
    {
      method: "POST",
      headers: { "next-action": route.id, accept: "text/x-component" },
      body: form,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    },
    options.base,
  );
  const body = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${body.slice(0, 200)}`);
  return actionResult(body);
}
