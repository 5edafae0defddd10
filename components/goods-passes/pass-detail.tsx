import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import type { GoodsPassDetail } from "@/lib/goods-passes/queries";

/** A stored file (access-checked by /api/files/<id>) as a picture that opens full size. */
function FileImage({ fileId, label }: { fileId: string; label: string }) {
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-xs text-slate-500">{label}</figcaption>
      <a href={`/api/files/${fileId}`} target="_blank" rel="noreferrer">
        {/* eslint-disable-next-line @next/next/no-img-element -- private, access-checked files; next/image would cache them publicly */}
        <img
          src={`/api/files/${fileId}`}
          alt={label}
          className="max-h-48 w-full rounded-md border border-slate-200 bg-white object-contain"
        />
      </a>
    </figure>
  );
}

/**
 * One goods pass as registered (R-GP-1/2) with its stamp and gate history. The page mounts the stamp or
 * release buttons as `children` (the `#stamp-actions` area), so print and gate pages can reuse this.
 */
export async function PassDetail({ pass, children }: { pass: GoodsPassDetail; children?: ReactNode }) {
  const t = await getTranslations("goodsPasses");
  const tCommon = await getTranslations("common");
  const labelValue = (label: string, value: string) => tCommon("labelValue", { label, value });
  const row = (label: string, value: ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-1.5 sm:grid-cols-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="col-span-2 text-sm sm:col-span-3">{value}</dd>
    </div>
  );
  const by = (name: string | null, at: string | null) => (name || at ? `${name ?? ""} ${at ?? ""}`.trim() : null);

  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <section aria-labelledby="pass-facts" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 id="pass-facts" className="mb-2 font-medium">
            {t("facts")}
          </h2>
          <dl className="divide-y divide-slate-100">
            {row(t("number"), pass.number ?? t("noNumber"))}
            {row(t("state"), t(`states.${pass.state}`))}
            {row(t("direction"), t(`directions.${pass.direction}`))}
            {row(t("tenant"), `${pass.tenant.name} · ${pass.unit.code}`)}
            {row(t("carrier"), `${pass.carrierName}（${t("carrierIdLast4")} ${pass.carrierIdLast4}）`)}
            {row(t("route"), pass.route.name)}
            {row(t("window"), pass.local.window)}
            {pass.notes ? row(t("notes"), <span className="whitespace-pre-wrap">{pass.notes}</span>) : null}
            {row(t("createdBy"), by(pass.people.createdBy, pass.local.createdAt))}
            {pass.approvedAt ? row(t("approvedBy"), by(pass.people.approvedBy, pass.local.approvedAt)) : null}
            {pass.rejectedAt
              ? row(
                  t("rejectedBy"),
                  `${by(pass.people.rejectedBy, pass.local.rejectedAt)}${pass.rejectedReason ? `：${pass.rejectedReason}` : ""}`,
                )
              : null}
            {pass.releasedAt ? row(t("releasedBy"), by(pass.people.releasedBy, pass.local.releasedAt)) : null}
          </dl>
        </section>
        {/* The stamp/gate work mounts its buttons here (R-GP-3, R-GP-7). */}
        <div
          id="stamp-actions"
          className={children ? "flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" : ""}
          data-testid="stamp-actions"
        >
          {children}
        </div>
      </div>

      <section aria-labelledby="pass-items">
        <h2 id="pass-items" className="mb-2 font-medium">
          {t("items")}
        </h2>
        <DataTable
          caption={t("items")}
          rows={pass.items}
          rowKey={(i) => String(i.position)}
          empty="—"
          columns={[
            { header: "#", cell: (i) => i.position },
            { header: t("itemName"), cell: (i) => i.name },
            { header: t("quantity"), cell: (i) => i.quantity },
            { header: t("itemUnit"), cell: (i) => i.unit },
            { header: t("hazardous"), cell: (i) => (i.hazardous ? "⚠" : "") },
          ]}
        />
      </section>

      {pass.direction === "OUT" && pass.authorization ? (
        <section aria-labelledby="pass-evidence" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="pass-evidence" className="mb-2 font-medium">
            {labelValue(t("evidence"), t(`authorizations.${pass.authorization}`))}
          </h2>
          {pass.authorization === "SEAL" && pass.sealPhotoFileId ? (
            <div className="max-w-sm">
              <FileImage fileId={pass.sealPhotoFileId} label={t("sealPhoto")} />
            </div>
          ) : null}
          {pass.authorization === "SIGNATORY" && pass.signatory ? (
            <>
              <p className="mb-2 text-sm">
                {labelValue(t("signatory"), pass.signatory.name)}
                {pass.signatory.position ? `（${pass.signatory.position}）` : ""} {pass.signatory.phone}
                {pass.people.signatureCheckedBy ? ` · ${labelValue(t("signatureCheckedBy"), pass.people.signatureCheckedBy)}` : ""}
              </p>
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <FileImage fileId={pass.signatory.specimenFileId} label={t("specimen")} />
                {pass.signatureFileId ? <FileImage fileId={pass.signatureFileId} label={t("signature")} /> : null}
              </div>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
