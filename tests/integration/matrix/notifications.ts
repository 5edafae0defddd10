import * as notificationActions from "@/lib/notifications/actions";
import type { MatrixModule } from "./types";

/** Notifications change only the caller's own view or create notifications, not records: no site, no audit row. */
export const notificationsMatrix: MatrixModule = {
  actions: [notificationActions],
  inputs: {
    markNotificationsReadAction: () => ({}),
    runRemindersAction: () => ({}),
  },
  unscoped: ["markNotificationsReadAction", "runRemindersAction"],
  noAudit: ["markNotificationsReadAction", "runRemindersAction"],
};
