import type { Role } from "@/lib/generated/prisma/enums";
import { PERMISSIONS, type Permission } from "@/lib/permissions";

/**
 * What happens next to a record and who does it: the step, the roles that may take it (from the
 * permission table, so the text never disagrees with who can press the button) and, where the record
 * knows, the person. Pure: pages add the names and translate.
 */
export type NextStep = { step: string; permission: Permission; roles: Role[] };

/** The roles holding a permission, the hands-on role first and the manager (who may do anything of a site) last. */
export function rolesFor(permission: Permission): Role[] {
  const roles = (PERMISSIONS[permission] as readonly Role[]).filter((r) => r !== "ADMIN");
  return [...roles.filter((r) => r !== "MANAGER"), ...roles.filter((r) => r === "MANAGER")];
}

function step(name: string, permission: Permission): NextStep {
  return { step: name, permission, roles: rolesFor(permission) };
}

/** R-CMP-2/3: rectification by the responsible department (recorded by supervisors), revisit by client service, then closing. */
export function complaintNextStep(state: "RECEIVED" | "IN_RECTIFICATION" | "RECTIFIED" | "REVISITED" | "CLOSED"): NextStep | null {
  switch (state) {
    case "RECEIVED":
      return step("startRectification", "complaint:rectify");
    case "IN_RECTIFICATION":
      return step("recordRectification", "complaint:rectify");
    case "RECTIFIED":
      return step("revisit", "complaint:revisit");
    case "REVISITED":
      return step("close", "complaint:close");
    case "CLOSED":
      return null;
  }
}

/** R-INS-5: engineering fixes, the supervisor checks the fix. */
export function workOrderNextStep(state: "OPEN" | "FIXED" | "VERIFIED"): NextStep | null {
  if (state === "OPEN") return step("fix", "workorder:fix");
  if (state === "FIXED") return step("verifyFix", "workorder:verify");
  return null;
}

/** R-GP-3: client service stamps a pending pass; the gate releases an approved one. */
export function goodsPassNextStep(state: "PENDING" | "APPROVED" | "REJECTED" | "RELEASED"): NextStep | null {
  if (state === "PENDING") return step("stamp", "goodspass:stamp");
  if (state === "APPROVED") return step("release", "goodspass:release");
  return null;
}

/** R-VAC-3: a supervisor checks a submitted record; a sent-back one is corrected and submitted again. */
export function vacantRecordNextStep(state: "SUBMITTED" | "VERIFIED" | "SENT_BACK"): NextStep | null {
  if (state === "SUBMITTED") return step("verifyCleaning", "vacant:verify");
  if (state === "SENT_BACK") return step("correctCleaning", "vacant:record");
  return null;
}

/** The translator parts this module needs (next-intl's `t` of the root namespace fits). */
type Translate = (key: string, values?: Record<string, string>) => string;

/** "等待主管或经理开始整改（经办人：王伟）": who and what, in the reader's language. */
export function nextStepText(next: NextStep, t: Translate, person?: string | null): string {
  const labels = next.roles.map((r) => t(`roles.${r}`));
  const who =
    labels.length <= 1
      ? (labels[0] ?? "")
      : t("nextStep.either", { list: labels.slice(0, -1).join(t("nextStep.separator")), last: labels.at(-1)! });
  const text = t("nextStep.waiting", { who, step: t(`nextStep.steps.${next.step}`) });
  return person ? `${text}${t("nextStep.person", { name: person })}` : text;
}
