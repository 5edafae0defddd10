import type { ActionName } from "@/lib/permissions";
import type { World } from "../../support/fixtures";

export type MatrixSite = "a" | "b";

/**
 * One module's part of the authorization matrix (authorization-matrix.test.ts in this folder):
 * its action modules, a valid input per action on site A (own) or B (not assigned), and the fixtures
 * each call needs. The matrix fails for an exported action without an input.
 */
export interface MatrixModule {
  /** `import * as x from "@/lib/<module>/actions"` objects. */
  actions: Record<string, unknown>[];
  inputs: Partial<Record<ActionName, (w: World, site: MatrixSite) => unknown>>;
  /** Runs before each call (as `actorId`, null when anonymous): create what the call acts on. */
  prepare?: (name: ActionName, site: MatrixSite, actorId: string | null, world: World) => Promise<void>;
  /** Actions on company-wide records: no other-site case. */
  unscoped?: ActionName[];
  /** Actions that write no audit row. */
  noAudit?: ActionName[];
  /** Audit rows an allowed call writes when more than one. */
  auditRows?: Partial<Record<ActionName, number>>;
}
