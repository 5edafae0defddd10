"use client";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { decideLeaveAction } from "@/lib/meetings/actions";
import { useStep } from "./use-step";

/**
 * The superior (or convener, or a manager) approves or refuses a pending leave request. Its four texts
 * come from the server (leave-decision-buttons.tsx), so that the meeting list, which has no other client
 * text of the module, does not carry the module's messages (7.5 KB a view) for two buttons.
 */
export function LeaveDecision(props: {
  leaveRequestId: string;
  labels: { approve: string; approveFor: string; refuse: string; refuseFor: string };
}) {
  const { run, busy, pending, error } = useStep();
  const decide = (decision: "APPROVED" | "REFUSED") =>
    run(() => decideLeaveAction({ leaveRequestId: props.leaveRequestId, decision, decisionNote: "" }));
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={busy} aria-busy={pending} onClick={() => decide("APPROVED")} aria-label={props.labels.approveFor}>
          {props.labels.approve}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => decide("REFUSED")} aria-label={props.labels.refuseFor}>
          {props.labels.refuse}
        </Button>
      </div>
      <FormStatus error={error} />
    </div>
  );
}
