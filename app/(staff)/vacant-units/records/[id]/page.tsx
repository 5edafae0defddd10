import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PhotoStrip } from "@/components/complaints/photo-strip";
import { PageHeader } from "@/components/ui/page-header";
import { CleaningForm } from "@/components/vacant-units/cleaning-form";
import { ActionButton } from "@/components/ui/action-button";
import { verifyVacantCleaningAction } from "@/lib/vacant-units/actions";
import { SendBackForm } from "@/components/vacant-units/decision-forms";
import { CleaningStateBadge } from "@/components/vacant-units/state-badge";
import { requirePagePermission } from "@/lib/auth/guard";
import { vacantRecordNextStep } from "@/lib/next-step/rules";
import { roleHas } from "@/lib/permissions";
import { NextStepNote } from "@/components/records/next-step-note";
import { getCleaningRecord } from "@/lib/vacant-units/record.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** One cleaning record: the four checks with photos, who entered and who checked it, and the next step (R-VAC-3). */
async function CleaningRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("vacant:read");
  const { id } = await params;
  const record = await getCleaningRecord(id);
  if (!record) notFound();
  const t = await getTranslations("vacant");
  const unitLabel = `${record.unit.code}（${record.unit.building} ${record.unit.floor}）`;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-1.5 sm:grid-cols-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="col-span-2 text-sm sm:col-span-3">{value}</dd>
    </div>
  );

  return (
    <>
      <PageHeader title={t("detail.title", { unit: unitLabel, month: record.month })} subtitle={record.site.name} />
      <p className="mb-3 text-sm">
        <Link className="text-sky-700 underline" href={`/vacant-units?site=${record.siteId}&month=${record.month}`}>
          {t("detail.back")}
        </Link>
      </p>
      <section aria-labelledby="facts" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="facts" className="mb-2 font-medium">
          {t("detail.facts")}
        </h2>
        <dl className="divide-y divide-slate-100">
          {row(
            t("detail.state"),
            <span data-testid="record-state">
              <CleaningStateBadge state={record.cellState} label={t(`recordStates.${record.state}`)} />
            </span>,
          )}
          {row(t("detail.cleanedOn"), record.cleanedOn)}
          {row(t("detail.cleaner"), `${record.cleaner.name}${record.cleaner.company ? `（${record.cleaner.company}）` : ""}`)}
          {/* R-VAC-1: a substitute for the dedicated cleaner shows with the reason. */}
          {record.substituteReason
            ? row(
                t("detail.substitute"),
                t("detail.substituteFor", {
                  cleaner: record.unit.cleaner?.name ?? t("detail.noAssignedCleaner"),
                  reason: record.substituteReason,
                }),
              )
            : null}
          {row(t("detail.enteredBy"), `${record.enteredBy ?? "—"} · ${record.local.updatedAt ?? ""}`)}
          {record.verifiedBy ? row(t("detail.verifiedBy"), `${record.verifiedBy} · ${record.local.verifiedAt ?? ""}`) : null}
          {record.sentBackReason
            ? row(
                t("detail.sentBackBy"),
                <span className="text-amber-900">
                  {record.sentBackBy ?? "—"} · {record.local.sentBackAt} · {t("detail.reason")}：{record.sentBackReason}
                </span>,
              )
            : null}
        </dl>
      </section>

      <section aria-labelledby="checks" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="checks" className="mb-2 font-medium">
          {t("detail.checks")}
        </h2>
        <ol className="flex flex-col gap-2">
          {record.checks.map((c) => (
            <li key={c.item} className="border-b border-slate-100 pb-2 last:border-0" data-testid={`result-${c.item}`}>
              <p className="flex justify-between gap-2 text-sm">
                <span>{t(`items.${c.item}`)}</span>
                <span className={c.result === "PASS" ? "text-emerald-700" : "font-semibold text-red-700"}>
                  {t(c.result === "PASS" ? "pass" : "fail")}
                </span>
              </p>
              {c.note ? <p className="text-sm text-slate-700">{c.note}</p> : null}
              <PhotoStrip fileIds={c.photoFileIds} label={t("photos")} />
            </li>
          ))}
        </ol>
      </section>

      {record.state === "SUBMITTED" ? (
        <section aria-labelledby="next" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="next" className="mb-2 font-medium">
            {t("detail.nextStep")}
          </h2>
          <NextStepNote next={vacantRecordNextStep("SUBMITTED")!} />
          {!roleHas(actor.role, "vacant:verify") ? null : record.isOwn ? (
            <p className="text-sm text-amber-900" data-testid="own-record">
              {t("detail.ownRecord")}
            </p>
          ) : (
            <div className="flex flex-col gap-4">
              <ActionButton action={verifyVacantCleaningAction} input={{ recordId: record.id }} label={t("detail.verify")} wide />
              <SendBackForm recordId={record.id} />
            </div>
          )}
        </section>
      ) : null}

      {record.state === "SENT_BACK" && roleHas(actor.role, "vacant:record") ? (
        <section aria-labelledby="correct" className="mt-4">
          <h2 id="correct" className="mb-2 font-medium">
            {t("detail.correct")}
          </h2>
          <NextStepNote next={vacantRecordNextStep("SENT_BACK")!} person={record.enteredBy} />
          <CleaningForm
            mode={{ kind: "resubmit", recordId: record.id, month: record.month }}
            siteId={record.siteId}
            today={record.today}
            cleaners={record.cleaners}
            assignedCleanerId={record.unit.cleanerId}
            initial={{
              cleanedOn: record.cleanedOn,
              cleanerId: record.cleanerId,
              substituteReason: record.substituteReason,
              checks: record.checks,
            }}
          />
        </section>
      ) : null}
    </>
  );
}

export default withClientMessages(["vacant", "files", "common", "validation"], CleaningRecordPage);
