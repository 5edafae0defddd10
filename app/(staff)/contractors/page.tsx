import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import {
  CertificateForm,
  CreateContractorForm,
  CreateStaffForm,
  EditContractorForm,
  EditStaffForm,
} from "@/components/contractors/contractor-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { contractorsOverview } from "@/lib/contractors/queries";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

const CERT_CLASS: Record<string, string> = {
  valid: "text-emerald-700",
  expiringSoon: "font-medium text-amber-700",
  expired: "font-medium text-red-700",
  missing: "font-medium text-red-700",
};

/** §10.1 / §11: per site, the cleaning and catering companies, their staff and the catering staff's 健康证. */
async function ContractorsPage() {
  const actor = await requirePagePermission("contractor:read");
  const [t, overview] = await Promise.all([getTranslations("contractors"), contractorsOverview()]);
  const mayManage = roleHas(actor.role, "contractor:manage");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <nav className="flex flex-wrap gap-3 text-sm">
            <Link href="/contractors/canteen" className="text-sky-700 underline">
              {t("canteen.title")}
            </Link>
            <Link href="/contractors/training" className="text-sky-700 underline">
              {t("training.title")}
            </Link>
            <Link href="/contractors/violations" className="text-sky-700 underline">
              {t("violations.title")}
            </Link>
          </nav>
        }
      />
      {overview.map(({ site, contractors }) => (
        <section key={site.id} aria-labelledby={`site-${site.id}`} className="flex flex-col gap-3">
          <h2 id={`site-${site.id}`} className="text-lg font-semibold">
            {site.name}
          </h2>
          {contractors.length === 0 ? <p className="text-sm text-slate-500">{t("noContractors")}</p> : null}
          {contractors.map((c) => (
            <article key={c.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`contractor-${c.name}`}>
              <h3 className="font-medium">
                {t(`kinds.${c.kind}`)} · {c.name}
                {!c.active ? <span className="ml-2 text-xs text-slate-500">{t("inactive")}</span> : null}
              </h3>
              <p className="text-sm text-slate-600">
                {t("contract")} {c.contractStart} – {c.contractEnd} · {t("contact")} {c.contactName} {c.contactPhone}
              </p>
              {mayManage ? (
                <details className="mt-1">
                  <summary className="cursor-pointer text-sm text-sky-700">{t("edit")}</summary>
                  <div className="mt-2">
                    <EditContractorForm contractor={c} />
                  </div>
                </details>
              ) : null}
              <h4 className="mt-3 text-sm font-medium">{t("staff")}</h4>
              {c.staff.length === 0 ? <p className="text-sm text-slate-500">{t("noStaff")}</p> : null}
              <ul className="flex flex-col divide-y divide-slate-100">
                {c.staff.map((s) => (
                  <li key={s.id} className="py-2 text-sm" data-testid={`staff-${s.name}`}>
                    <details>
                      <summary className="cursor-pointer">
                        <span className="font-medium">{s.name}</span> · {s.post ?? ""}
                        {s.workArea ? ` · ${s.workArea}` : ""}
                        {s.workingHours ? ` · ${s.workingHours}` : ""}
                        {s.badgeNo ? ` · ${t("fields.badgeNo")} ${s.badgeNo}` : ""}
                        {!s.active ? ` · ${t("left")}` : ""}
                        {s.certificateState ? (
                          <span className={`ml-2 ${CERT_CLASS[s.certificateState]}`} data-testid={`certificate-${s.name}`}>
                            {t("certificates.title")} {t(`certificates.states.${s.certificateState}`)}
                            {s.certificate ? ` ${t("certificates.until", { date: s.certificate.expiresOn ?? "" })}` : ""}
                          </span>
                        ) : null}
                      </summary>
                      {mayManage ? (
                        <div className="mt-2 flex flex-col gap-3">
                          <EditStaffForm staff={s} />
                          {c.kind === "CATERING" ? <CertificateForm staffId={s.id} siteId={site.id} renew={!!s.certificate} /> : null}
                        </div>
                      ) : null}
                    </details>
                  </li>
                ))}
              </ul>
              {mayManage && c.active ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm text-sky-700">{t("addStaff")}</summary>
                  <div className="mt-2">
                    <CreateStaffForm contractorId={c.id} />
                  </div>
                </details>
              ) : null}
            </article>
          ))}
        </section>
      ))}
      {mayManage ? (
        <section aria-labelledby="new-contractor" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-contractor" className="mb-2 font-medium">
            {t("addContractor")}
          </h2>
          <CreateContractorForm sites={overview.map((o) => ({ id: o.site.id, name: o.site.name }))} />
        </section>
      ) : null}
    </div>
  );
}

export default withClientMessages(["contractors", "fields", "files", "common", "validation"], ContractorsPage);
