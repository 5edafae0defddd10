import * as reminderActions from "@/lib/reminders/actions";
import type { MatrixModule } from "./types";

/** Running the reminders now creates notifications, not records: no site, no audit row. */
export const remindersMatrix: MatrixModule = {
  actions: [reminderActions],
  inputs: {
    runRemindersAction: () => ({}),
  },
  unscoped: ["runRemindersAction"],
  noAudit: ["runRemindersAction"],
};
