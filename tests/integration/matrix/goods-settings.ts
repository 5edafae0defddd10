import * as goodsSettingsActions from "@/lib/goods-settings/actions";
import type { MatrixModule } from "./types";

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** Goods-pass settings: the hazard terms (company-wide) and each site's loading routes. */
export const goodsSettingsMatrix: MatrixModule = {
  actions: [goodsSettingsActions],
  inputs: {
    saveHazardTermsAction: () => ({ terms: ["汽油", `测试${uniq()}`] }),
    saveLoadingRouteAction: (w, s) => ({ siteId: s === "a" ? w.siteA : w.siteB, name: `路线${uniq()}`, active: true }),
  },
  unscoped: ["saveHazardTermsAction"],
};
