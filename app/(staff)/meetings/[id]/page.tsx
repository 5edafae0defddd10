import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ActionItemForm } from "@/components/meetings/action-item-form";
import { AmendmentForm } from "@/components/meetings/amendment-form";
import { AttendanceForm } from "@/components/meetings/attendance-form";
import { ItemList } from "@/components/meetings/item-list";
import { LeaveRequestForm } from "@/components/meetings/leave-request-form";
import { MinutesForm } from "@/components/meetings/minutes-form";
import { LeaveDecisionButtons } from "@/components/meetings/leave-decision-buttons";
import { ConfirmButton } from "@/components/meetings/small-actions";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { getMeetingDetail } from "@/lib/meetings/detail.queries";
import { AGENDA_SECTIONS } from "@/lib/meetings/rules";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One meeting (§3.4): attendance, the fixed agenda, action items, leave, confirmation and amendments. */
async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("meeting:read");
  const { id } = await params;
  const m = await getMeetingDetail(id);
  // R-MTG-4: not an attendee nor a manager of the site → the meeting does not exist for this user.
  if (!m) notFound();
  const t = await getTranslations("meetings");
  const confirmed = m.state === "CONFIRMED";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={`${m.seriesName} · ${m.date}`}
        subtitle={`${m.siteName} · ${m.time} · ${m.place} · ${t(`states.${m.state}`)}`}
        actions={
          <Link href={`/meetings/${m.id}/print`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {t("print")}
          </Link>
        }
      />
      <p className="text-sm text-slate-600">
        {t("roles", { convener: m.convenerName ?? "—", minuteTaker: m.minuteTakerName ?? "—" })}
        {confirmed ? (
          <span className="ml-2 font-medium text-emerald-700">
            {t("confirmedBy", { who: m.confirmedBy ?? "—", at: m.confirmedAt ?? "" })}
          </span>
        ) : null}
      </p>

      <Section id="attendance" title={t("attendance.title")}>
        {m.can.minutes ? (
          <AttendanceForm meetingId={m.id} rows={m.attendance} />
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="attendance-list">
            {m.attendance.map((a) => (
              <li key={a.participantId} className="flex justify-between gap-2 p-3">
                <span>{a.name}</span>
                <span>{a.status ? t(`status.${a.status}`) : t("attendance.notRecorded")}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="agenda" title={t("agenda.title")}>
        {m.can.minutes ? (
          <MinutesForm meetingId={m.id} version={m.version} agenda={m.agenda} />
        ) : (
          <dl className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="agenda">
            {AGENDA_SECTIONS.map((s) => (
              <div key={s}>
                <dt className="font-medium text-slate-700">{t(`agenda.${s}`)}</dt>
                <dd className="whitespace-pre-wrap">{m.agenda[s] || "—"}</dd>
              </div>
            ))}
          </dl>
        )}
      </Section>

      <Section id="carried" title={t("items.carriedTitle")}>
        <ItemList
          items={m.carriedOver}
          closeInMeeting={confirmed ? null : m.id}
          canClose={m.can.closeItems && roleHas(actor.role, "meeting:action:close")}
          testId="carried-items"
        />
      </Section>

      <Section id="items" title={t("items.title")}>
        <ItemList
          items={m.actionItems}
          closeInMeeting={confirmed ? null : m.id}
          canClose={m.can.closeItems && roleHas(actor.role, "meeting:action:close")}
          testId="action-items"
        />
        {m.can.minutes ? <ActionItemForm meetingId={m.id} owners={m.owners} date={m.date} /> : null}
      </Section>

      <Section id="leave" title={t("leave.title")}>
        {m.leaveRequests.length === 0 ? <p className="text-sm text-slate-500">{t("leave.none")}</p> : null}
        <ul className="flex flex-col gap-2">
          {m.leaveRequests.map((l) => (
            <li key={l.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
              <p>
                <span className="font-medium">{l.name}</span>：{l.reason}
                <span className="ml-2 text-xs text-slate-600">{t(`leaveStates.${l.state}`)}</span>
              </p>
              <p className="text-xs text-slate-500">
                {t("leave.requestedAt", { at: l.requestedAt ?? "" })}
                {l.decidedAt ? ` · ${t("leave.decided", { who: l.decidedBy ?? "—", at: l.decidedAt })}` : ""}
              </p>
              {l.canDecide && roleHas(actor.role, "meeting:leave:decide") ? (
                <LeaveDecisionButtons leaveRequestId={l.id} name={l.name} />
              ) : null}
            </li>
          ))}
        </ul>
        {!m.started && m.leaveFor.length > 0 && roleHas(actor.role, "meeting:leave:request") ? (
          <LeaveRequestForm meetingId={m.id} people={m.leaveFor} />
        ) : null}
      </Section>

      {m.can.confirm && roleHas(actor.role, "meeting:confirm") ? (
        <Section id="confirm" title={t("confirm.title")}>
          <ConfirmButton meetingId={m.id} />
        </Section>
      ) : null}

      {confirmed ? (
        <Section id="amendments" title={t("amendments.title")}>
          {m.amendments.length === 0 ? <p className="text-sm text-slate-500">{t("amendments.none")}</p> : null}
          <ol className="flex flex-col gap-2" data-testid="amendments">
            {m.amendments.map((a) => (
              <li key={a.id} className="rounded-md border-l-4 border-amber-400 bg-amber-50 p-3 text-sm">
                <p className="text-xs text-slate-600">
                  {t("amendments.linked", { section: t(`sections.${a.section}`), who: a.createdBy ?? "—", at: a.createdAt ?? "" })}
                </p>
                <p className="whitespace-pre-wrap">{a.text}</p>
                <p className="text-xs text-slate-600">{t("amendments.because", { reason: a.reason })}</p>
              </li>
            ))}
          </ol>
          {m.can.amend && roleHas(actor.role, "meeting:amend") ? <AmendmentForm meetingId={m.id} /> : null}
        </Section>
      ) : null}
    </div>
  );
}

export default withClientMessages(["meetings", "common", "validation"], MeetingPage);
