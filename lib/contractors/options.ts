import { CanteenCheckItem, CanteenDocKind, ContractorKind, ContractorViolationKind } from "@/lib/generated/prisma/enums";

/** The choices the contractor forms offer, without zod: client forms import these, and their schemas lazily. */
export const CONTRACTOR_KINDS = Object.values(ContractorKind);
/** R-CAT-1 (§11.1–11.3): the check items in the order of the form. */
export const CANTEEN_ITEMS = Object.values(CanteenCheckItem);
export const CANTEEN_DOC_KINDS = Object.values(CanteenDocKind);
export const VIOLATION_KINDS = Object.values(ContractorViolationKind);
export const MAX_PHOTOS = 4;
