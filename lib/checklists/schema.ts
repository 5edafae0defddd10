import { z } from "zod";
import { AREA_TYPES } from "@/lib/registry/area.schema";
import { trimmed } from "@/lib/validation";

export const MAX_CHECKLIST_ITEMS = 30;

const checklistItem = z.strictObject({
  label: trimmed(200),
  /** A failure of this item opens a work order for engineering at once (R-INS-5). */
  equipment: z.boolean().default(false),
});

/** Saving a checklist makes a new version of the area type's template (past checks keep theirs). */
export const SaveChecklistTemplateSchema = z.strictObject({
  areaType: z.enum(AREA_TYPES),
  /** The template version the form was loaded with (0: the type had none): saving on an older one is refused as stale. */
  version: z.number().int().min(0),
  items: z
    .array(checklistItem)
    .min(1)
    .max(MAX_CHECKLIST_ITEMS)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const key = item.label.trim();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "label"], message: "checklists.errors.duplicateLabel" });
        seen.add(key);
      });
    }),
});

export type SaveChecklistTemplateInput = z.input<typeof SaveChecklistTemplateSchema>;
