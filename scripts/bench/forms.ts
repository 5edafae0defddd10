// The form submissions the bench drives: one per module's main form, through the real server
// action of the production build (Next-Action requests, as the browser sends them), signed in with
// the role that submits it. Every submission is a fresh, valid one (its own request id, its own
// area / pass / delivery / unit / meeting …), so the bench measures the write path, not a replay or
// a refusal.
//
// What they write against is made directly in the scale database: by the crash test's `prepare`
// (scripts/faults/workload.ts) a site of its own with a manager and a coordinating supervisor,
// monthly-checked outlet areas, passes waiting for their stamp, pending newspaper deliveries; for the
// other modules' forms (./module-forms.ts) by ./forms-prepare.ts at that site.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/db";
import { Session, actionRoutes, callAction, type ActionRoute } from "../faults/http";
import { FAULTS_PASSWORD, complaintInput, prepare, type LoadAction, type Plan, type Who } from "../faults/workload";
import { prepareModules, type ModulePlan, type ModuleWho } from "./forms-prepare";
import { moduleForms, type ModuleAction } from "./module-forms";

export type FormAction = LoadAction | ModuleAction;
export type FormWho = Who | ModuleWho;

export interface BenchForm {
  name: string;
  action: FormAction;
  who: FormWho;
  /** The page the form sits on, where the browser posts it ("/meetings/[id]", segments from the input). */
  page?: string;
  /** The next submission's input, or null when its pool is used up. */
  next: () => Record<string, unknown> | null;
}

export interface PreparedForms {
  forms: BenchForm[];
  routes: Record<FormAction, ActionRoute>;
  sessions: Record<FormWho, Session>;
  usernames: Record<FormWho, string>;
  plan: Plan;
  modules: ModulePlan;
}

/** Pools large enough for warm-up plus the measured seconds at any rate these writes reach here. */
export async function prepareForms(dbUrl: string, base: string, poolSize: number): Promise<PreparedForms> {
  const db = createPrismaClient(dbUrl);
  let plan: Plan;
  let modules: ModulePlan;
  try {
    const passwordHash = await hashPassword(FAULTS_PASSWORD);
    plan = await prepare(db, { passwordHash, areas: poolSize, passes: poolSize, deliveries: poolSize });
    modules = await prepareModules(db, plan, { passwordHash, size: poolSize });
  } finally {
    await db.$disconnect();
  }
  const areas = [...plan.areaIds];
  const passes = [...plan.passIds];
  const deliveries = [...plan.deliveryIds];
  const forms: BenchForm[] = [
    {
      name: "form: complaint intake",
      action: "createComplaintAction",
      page: "/complaints/new",
      who: "manager",
      next: () => complaintInput(plan, randomUUID(), "压测投诉"),
    },
    {
      name: "form: inspection",
      action: "submitInspectionAction",
      page: "/inspections/[areaId]/[periodKey]",
      who: "coordinator",
      next: () => {
        const areaId = areas.pop();
        if (!areaId) return null;
        return {
          requestId: randomUUID(),
          areaId,
          periodKey: plan.periodKey,
          templateId: plan.templateId,
          results: plan.itemIds.map((itemId) => ({ itemId, result: "PASS" })),
        };
      },
    },
    {
      name: "form: goods-pass stamp",
      action: "approveGoodsPassAction",
      page: "/goods-passes/[id]",
      who: "manager",
      next: () => {
        const passId = passes.pop();
        return passId ? { passId } : null;
      },
    },
    {
      name: "form: newspaper held",
      action: "holdNewspaperAction",
      who: "manager",
      next: () => {
        const deliveryId = deliveries.pop();
        return deliveryId ? { deliveryId } : null;
      },
    },
    ...moduleForms(plan, modules),
  ];
  const routes = await actionRoutes(
    forms.map((f) => f.action),
    Object.fromEntries(forms.flatMap((f) => (f.page ? [[f.action, f.page]] : []))),
  );
  const usernames: Record<FormWho, string> = { ...plan.usernames, ...modules.usernames };
  const sessions = Object.fromEntries(Object.keys(usernames).map((who) => [who, new Session(base)])) as Record<FormWho, Session>;
  for (const who of Object.keys(usernames) as FormWho[]) await sessions[who].signIn(usernames[who], FAULTS_PASSWORD);
  return { forms, routes, sessions, usernames, plan, modules };
}

export interface FormLoad {
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  requests: number;
  /** The first refusal or failure, to say why a submission did not go through. */
  firstError: string | null;
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * `connections` clients submit back to back for `seconds` (or until the pool is used up); a refusal
 * (`ok: false`) counts as an error, a call without an answer in 10 s as a timeout.
 */
/**
 * Removes the pool's passes that were never stamped. They are made for the moment of the run (their
 * windows around now), so the ~4 000 left by a full run sat in the next runs' "today" on every site's
 * goods-pass pages: after four runs in a day the list's window scan on the scale data read 16 000 of
 * them to find its 200. Nothing refers to an unstamped pass of the drill site.
 */
export async function releaseUnusedPasses(dbUrl: string, prepared: PreparedForms): Promise<number> {
  const db = createPrismaClient(dbUrl);
  try {
    const { count } = await db.goodsPass.deleteMany({ where: { siteId: prepared.plan.siteId, state: "PENDING" } });
    return count;
  } finally {
    await db.$disconnect();
  }
}

export async function driveForm(prepared: PreparedForms, form: BenchForm, connections: number, seconds: number): Promise<FormLoad> {
  const latencies: number[] = [];
  let errors = 0;
  let timeouts = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const input = form.next();
        if (!input) return;
        const t0 = performance.now();
        try {
          const result = await callAction(prepared.sessions[form.who], prepared.routes[form.action], input);
          latencies.push(performance.now() - t0);
          if (!result.ok) {
            errors++;
            firstError ??= `${result.code}: ${result.message}`;
          }
        } catch (err) {
          const message = (err as Error).message;
          if ((err as Error).name === "TimeoutError") timeouts++;
          else errors++;
          firstError ??= message;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    reqPerSec: Math.round((latencies.length / elapsed) * 10) / 10,
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    errors,
    timeouts,
    requests: latencies.length,
    firstError,
    seconds: Math.round(elapsed * 10) / 10,
  };
}
