import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DeadlineBadge } from "@/components/complaints/deadline-badge";
import { PhotoStrip } from "@/components/complaints/photo-strip";
import { SigningLinkPanel } from "@/components/complaints/signing-link-panel";
import { RectificationForm, RevisitForm } from "@/components/complaints/step-forms";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import {
  closeComplaintAction,
  createRevisitSigningLinkAction,
  recordRectificationAction,
  recordRevisitAction,
  startRectificationAction,
} from "@/lib/complaints/actions";
import { getComplaint } from "@/lib/complaints/queries";
import { complaintNextStep } from "@/lib/next-step/rules";
import { roleHas } from "@/lib/permissions";
import { NextStepNote } from "@/components/records/next-step-note";
import { withClientMessages } from "@/components/i18n/client-messages";

async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("complaint:read");
  const { id } = await params;
  const c = await getComplaint(id);
  if (!c) notFound();
  const tc = await getTranslations("complaints");
  const tCommon = await getTranslations("common");
  const can = (p: Parameters<typeof roleHas>[1]) => roleHas(actor.role, p);
  const next = complaintNextStep(c.state);
  const current = c.rectifications.find((r) => r.round === c.round);
  const step = { complaintId: c.id, round: c.round, siteId: c.siteId, timeZone: c.site.timeZone };
  // R-CMP-4: a revisit of this round recorded without the client's signature waits for it.
  const awaitingSignature = c.state === "RECTIFIED" && c.revisits.some((v) => v.round === c.round && v.awaitingSignature);
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-1.5 sm:grid-cols-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="col-span-2 text-sm sm:col-span-3">{value}</dd>
    </div>
  );

  return (
    <>
      <PageHeader
        title={`${tc("title")} ${c.number}`}
        subtitle={`${c.site.name} · ${tc(`states.${c.state}`)}${c.round > 1 ? ` · ${tc("roundN", { round: c.round })}` : ""}`}
        actions={
          <Link href={`/complaints/${c.id}/print`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {tc("printHistory")}
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <section aria-labelledby="facts" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 id="facts" className="mb-2 font-medium">
            {tc("facts")}
          </h2>
          <dl className="divide-y divide-slate-100">
            {row(tc("tenant"), `${c.tenant.name}${c.unit ? ` · ${c.unit.code}` : ""}`)}
            {c.tenant.contacts?.[0] ? row(tc("contact"), `${c.tenant.contacts[0].name} ${c.tenant.contacts[0].phone}`) : null}
            {row(tc("severity"), tc(`severities.${c.severity}`))}
            {row(tc("source"), tc(`sources.${c.source}`))}
            {row(tc("category"), tc(`categories.${c.category}`))}
            {row(tc("department"), c.department.name)}
            {row(tc("receivedAt"), `${c.local.receivedAt} · ${c.receivedBy.name}${c.backdated ? ` · ${tc("backdated")}` : ""}`)}
            {row(tc("description"), <span className="whitespace-pre-wrap">{c.description}</span>)}
          </dl>
          <PhotoStrip fileIds={c.intakePhotoIds} label={tc("photos")} />
        </section>

        <section aria-labelledby="deadlines" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="deadlines" className="mb-2 font-medium">
            {tc("deadlines")}
          </h2>
          <p className="text-sm">
            {tCommon("labelValue", { label: tc("deadlineKinds.rectification"), value: c.local.rectificationDueAt ?? "" })}
          </p>
          <DeadlineBadge state={c.rectificationState} provisional={c.rectificationDueProvisional} />
          {c.local.revisitDueAt ? (
            <>
              <p className="mt-3 text-sm">{tCommon("labelValue", { label: tc("deadlineKinds.revisit"), value: c.local.revisitDueAt })}</p>
              {c.revisitState ? <DeadlineBadge state={c.revisitState} provisional={c.revisitDueProvisional} /> : null}
            </>
          ) : null}
          <p className="mt-3 text-xs text-slate-500">{tc(`ruleHint.${c.severity}`)}</p>
        </section>
      </div>

      <section aria-labelledby="history" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="history" className="mb-2 font-medium">
          {tc("history")}
        </h2>
        <ol className="flex flex-col gap-3">
          {c.rectifications.map((r) => (
            <li key={r.id} className="border-l-4 border-sky-200 pl-3 text-sm" data-testid={`rectification-${r.round}`}>
              <p className="font-medium">
                {tc("roundN", { round: r.round })} · {tc("deadlineKinds.rectification")} {r.local.dueAt}
              </p>
              {r.startedAt ? <p>{tc("startedBy", { name: r.startedBy ?? "—", at: r.local.startedAt ?? "" })}</p> : null}
              {r.rectifiedAt ? (
                <>
                  <p>
                    {tc("rectifiedBy", { name: r.rectifiedBy ?? "—", at: r.local.rectifiedAt ?? "" })} ·{" "}
                    {r.onTime ? tc("deadlineStates.met") : tc("deadlineStates.met_late")}
                  </p>
                  <p className="whitespace-pre-wrap text-slate-700">{r.actionTaken}</p>
                  <PhotoStrip fileIds={r.photoIds} label={tc("rectificationPhotos")} />
                </>
              ) : null}
              {c.revisits
                .filter((v) => v.round === r.round)
                .map((v) => (
                  <div key={v.id} className="mt-2 rounded bg-slate-50 p-2" data-testid={`revisit-${v.round}`}>
                    <p>
                      {tc("revisitBy", { name: v.by.name, at: v.local.revisitedAt ?? "" })} · {tc(`methods.${v.method}`)} ·{" "}
                      {tc(`satisfactions.${v.satisfaction}`)} ·{" "}
                      {v.awaitingSignature ? tc("awaitingSignature") : v.onTime ? tc("deadlineStates.met") : tc("deadlineStates.met_late")}
                    </p>
                    {v.comments ? <p className="text-slate-700">「{v.comments}」</p> : null}
                    <Link className="text-sky-700 underline" href={`/complaints/${c.id}/revisits/${v.round}/print`}>
                      {tc("printRevisit")}
                    </Link>
                  </div>
                ))}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="next" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="next" className="mb-2 font-medium">
          {tc("nextStep")}
        </h2>
        {next ? <NextStepNote next={next} person={c.state === "IN_RECTIFICATION" ? current?.startedBy : null} /> : null}
        {c.state === "RECEIVED" && can("complaint:rectify") ? (
          <ActionButton action={startRectificationAction} input={{ complaintId: c.id, round: c.round }} label={tc("steps.start")} />
        ) : c.state === "IN_RECTIFICATION" && can("complaint:rectify") ? (
          <RectificationForm {...step} action={recordRectificationAction} />
        ) : awaitingSignature && can("complaint:revisit") ? (
          <div className="flex flex-col gap-2" data-testid="awaiting-signature">
            <p className="text-sm font-medium">{tc("awaitingSignature")}</p>
            <p className="text-sm text-slate-600">{tc("awaitingSignatureHint")}</p>
            <SigningLinkPanel complaintId={c.id} round={c.round} timeZone={c.site.timeZone} action={createRevisitSigningLinkAction} />
          </div>
        ) : c.state === "RECTIFIED" && !awaitingSignature && can("complaint:revisit") ? (
          <RevisitForm {...step} action={recordRevisitAction} clientName={c.tenant.contacts?.[0]?.name ?? ""} />
        ) : c.state === "REVISITED" && can("complaint:close") ? (
          <ActionButton action={closeComplaintAction} input={{ complaintId: c.id, round: c.round }} label={tc("steps.close")} />
        ) : (
          <p className="text-sm text-slate-500">{c.state === "CLOSED" ? tc("closedAt", { at: c.local.closedAt ?? "" }) : null}</p>
        )}
      </section>
    </>
  );
}

export default withClientMessages(["complaints", "files", "common", "validation"], ComplaintPage);
