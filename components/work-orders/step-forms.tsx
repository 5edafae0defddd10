"use client";

import { useTranslations } from "next-intl";
import { NoteForm } from "@/components/ui/note-form";
import { markWorkOrderFixedAction, sendBackWorkOrderAction } from "@/lib/work-orders/actions";
import { MarkWorkOrderFixedSchema, SendBackWorkOrderSchema } from "@/lib/work-orders/schema";

/** Engineering records the fix with a note (open → fixed). */
export function FixForm({ workOrderId }: { workOrderId: string }) {
  const t = useTranslations("workOrders");
  return (
    <NoteForm
      schema={MarkWorkOrderFixedSchema}
      action={markWorkOrderFixedAction}
      target={{ workOrderId }}
      field="fixNote"
      label={t("fixNote")}
      hint={t("fixNoteHint")}
      maxLength={1000}
      submitLabel={t("steps.markFixed")}
    />
  );
}

/** The supervisor refuses the fix with a reason (fixed → open again). */
export function SendBackForm({ workOrderId }: { workOrderId: string }) {
  const t = useTranslations("workOrders");
  return (
    <NoteForm
      schema={SendBackWorkOrderSchema}
      action={sendBackWorkOrderAction}
      target={{ workOrderId }}
      field="reason"
      label={t("reason")}
      maxLength={500}
      rows={2}
      submitLabel={t("steps.sendBack")}
      variant="secondary"
    />
  );
}
