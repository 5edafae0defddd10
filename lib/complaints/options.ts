import {
  ComplaintCategory,
  ComplaintSeverity,
  ComplaintSource,
  ComplaintState,
  RevisitMethod,
  Satisfaction,
} from "@/lib/generated/prisma/enums";

/** The choices the complaint forms offer, without zod: client forms import these, and their schemas lazily. */
export const SEVERITIES = Object.values(ComplaintSeverity);
export const SOURCES = Object.values(ComplaintSource);
export const CATEGORIES = Object.values(ComplaintCategory);
export const STATES = Object.values(ComplaintState);
export const REVISIT_METHODS = Object.values(RevisitMethod);
export const SATISFACTIONS = Object.values(Satisfaction);
export const MAX_PHOTOS = 6;
