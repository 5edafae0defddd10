import * as notificationActions from "@/lib/notifications/actions";
import type { MatrixModule } from "./types";

/** Marking notifications read changes only the caller's own view: no site, no audit row. */
export const notificationsMatrix: MatrixModule = {
  actions: [notificationActions],
  inputs: {
    markNotificationsReadAction: () => ({}),
  },
  unscoped: ["markNotificationsReadAction"],
  noAudit: ["markNotificationsReadAction"],
};
