import "server-only";
import { DomainError } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { Prisma } from "@/lib/generated/prisma/client";

/** A record found by its request id: who made it, and the answer its create gave. */
export interface MadeBefore<R> {
  madeById: string;
  result: R;
}

export const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/**
 * The one way a create with a request id runs (the id column is unique):
 * - a replay (double tap, retried request) gets the first request's answer and writes nothing;
 * - two identical requests racing each other: the loser's insert hits the unique index, its
 *   transaction rolls back (with any number it drew) and it answers with the winner's record;
 * - another user's request id is refused, never answered with their record.
 * `find` looks the request id up (and may narrow it, e.g. to the same meeting); `create` checks the
 * input and writes in its own transaction. `taken` is the refusal when the unique violation came from
 * another key (the same unit and month recorded by a colleague meanwhile); without it the violation
 * becomes the generic "already exists".
 */
export async function createOnce<R>(
  actor: Actor,
  steps: { find: () => Promise<MadeBefore<R> | null>; create: () => Promise<R>; taken?: () => DomainError },
): Promise<R> {
  const replayed = async () => {
    const first = await steps.find();
    if (first && first.madeById !== actor.id) throw new DomainError("conflict", "errors.duplicate");
    return first;
  };
  const first = await replayed();
  if (first) return first.result;
  try {
    return await steps.create();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await replayed();
    if (winner) return winner.result;
    if (steps.taken) throw steps.taken();
    throw err;
  }
}
