import { getTranslations } from "next-intl/server";
import { LeaveDecision } from "./leave-decision";

/** LeaveDecision with its texts for `name`'s request, translated here on the server. */
export async function LeaveDecisionButtons({ leaveRequestId, name }: { leaveRequestId: string; name: string }) {
  const t = await getTranslations("meetings.leave");
  return (
    <LeaveDecision
      leaveRequestId={leaveRequestId}
      labels={{ approve: t("approve"), approveFor: t("approveFor", { name }), refuse: t("refuse"), refuseFor: t("refuseFor", { name }) }}
    />
  );
}
