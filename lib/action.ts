import "server-only";
import type { z } from "zod";
import { getActor, type Actor } from "@/lib/auth/actor";
import { AccessError } from "@/lib/auth/guard";
import { Prisma } from "@/lib/generated/prisma/client";
import { currentLocale, translator } from "@/lib/i18n/server";
import { ACTION_PERMISSIONS, actorHas, type ActionName } from "@/lib/permissions";
import { fieldErrorsOf, zodErrorMap } from "@/lib/validation";

/** "stale": an edit made on an older version of the record (lib/versioning.ts); the form offers to reload. */
export type RefusalCode = "unauthenticated" | "forbidden" | "not_found" | "invalid" | "conflict" | "stale";

export type ActionResult<T = null> =
  { ok: true; data: T; message?: string } | { ok: false; code: RefusalCode; message: string; fieldErrors?: Record<string, string> };

/** A refusal decided by domain rules: message key (translated) and optionally the field it belongs to. */
export class DomainError extends Error {
  constructor(
    public readonly code: RefusalCode,
    public readonly messageKey: string,
    public readonly field?: string,
    public readonly values?: Record<string, string | number>,
  ) {
    super(messageKey);
  }
}

export interface MutationDef<S extends z.ZodType, R> {
  /** Exported action name; its permission comes from ACTION_PERMISSIONS (the single table). */
  name: ActionName;
  schema: S;
  run: (actor: Actor, input: z.output<S>) => Promise<R>;
  successKey?: string;
}

export function defineMutation<S extends z.ZodType, R>(def: MutationDef<S, R>): MutationDef<S, R> {
  return def;
}

/**
 * The one action wrapper: session → permission → zod validation (unknown fields refused) → domain run.
 * Every server action is a public endpoint, so nothing here trusts the caller.
 */
export async function runMutation<S extends z.ZodType, R>(def: MutationDef<S, R>, raw: unknown): Promise<ActionResult<R>> {
  const t = translator(await currentLocale());
  const refuse = (code: RefusalCode, key: string, fieldErrors?: Record<string, string>, values?: Record<string, string | number>) =>
    ({ ok: false, code, message: t(key, values), fieldErrors }) as const;

  const actor = await getActor();
  if (!actor) return refuse("unauthenticated", "errors.unauthenticated");
  // A password chosen by an administrator: nothing but choosing one's own until that is done.
  if (actor.mustChangePassword && def.name !== "changeOwnPasswordAction") return refuse("forbidden", "account.errors.changeRequired");
  if (!actorHas(actor, ACTION_PERMISSIONS[def.name])) return refuse("forbidden", "errors.forbidden");

  const parsed = def.schema.safeParse(raw, { error: zodErrorMap(t) });
  if (!parsed.success) return refuse("invalid", "errors.invalid", fieldErrorsOf(parsed.error, t));

  let data: R;
  try {
    data = await def.run(actor, parsed.data);
  } catch (err) {
    if (err instanceof AccessError) return refuse(err.code, `errors.${err.code}`);
    if (err instanceof DomainError) {
      const message = t(err.messageKey, err.values);
      return refuse(err.code, err.messageKey, err.field ? { [err.field]: message } : undefined, err.values);
    }
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return refuse("conflict", "errors.duplicate");
    throw err;
  }
  return { ok: true, data, message: def.successKey ? t(def.successKey) : undefined };
}
