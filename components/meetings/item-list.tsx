import { getTranslations } from "next-intl/server";
import type { MeetingDetail } from "@/lib/meetings/detail.queries";
import { CloseItemForm } from "./small-actions";

type Item = MeetingDetail["actionItems"][number];

/** Action items with owner and due date; open ones can be closed (in this meeting while it is a draft). */
export async function ItemList(props: { items: Item[]; closeInMeeting: string | null; canClose: boolean; testId: string }) {
  const t = await getTranslations("meetings");
  if (props.items.length === 0) return <p className="text-sm text-slate-500">{t("items.none")}</p>;
  return (
    <ul className="flex flex-col gap-2" data-testid={props.testId}>
      {props.items.map((item) => (
        <li key={item.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          <p className="font-medium">{item.description}</p>
          <p className="text-xs text-slate-600">
            {t("items.ownerDue", { owner: item.ownerName, due: item.dueOn })} · {t("items.raisedOn", { date: item.raisedOn })}
          </p>
          {item.closedAt ? (
            <p className="mt-1 text-xs text-emerald-700">
              {t("items.closedBy", { who: item.closedBy ?? "—", at: item.closedAt })}
              {item.closingNote ? `：${item.closingNote}` : ""}
            </p>
          ) : props.canClose ? (
            <CloseItemForm itemId={item.id} meetingId={props.closeInMeeting} />
          ) : (
            <p className="mt-1 text-xs text-amber-700">{t("items.open")}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
