import * as checklistActions from "@/lib/checklists/actions";
import type { MatrixModule } from "./types";

/** Checklist templates are company-wide (one per area type): no site to scope. */
export const checklistsMatrix: MatrixModule = {
  actions: [checklistActions],
  inputs: {
    saveChecklistTemplateAction: () => ({
      areaType: "LOBBY",
      items: [
        { label: "地面清洁干燥", equipment: false },
        { label: "大堂照明正常", equipment: true },
      ],
    }),
  },
  unscoped: ["saveChecklistTemplateAction"],
};
