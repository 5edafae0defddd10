import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RevisitSigningForm } from "@/components/complaints/revisit-signing-form";
import { revisitForSigning } from "@/lib/complaints/signing";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signing");
  // The token is a credential: no referrer to other sites, no indexing.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

/**
 * The client's one-time signing page (R-CMP-4), outside the staff area: no account, the token in the
 * path opens this one revisit record and nothing else, once, for 72 hours.
 */
export default async function SignRevisitPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("signing");
  const tc = await getTranslations("complaints");
  const record = await revisitForSigning(token);
  if (!record)
    return (
      <main className="mx-auto max-w-md p-4">
        <h1 className="mb-2 text-lg font-semibold">{t("invalidTitle")}</h1>
        <p className="text-sm text-slate-700" data-testid="signing-invalid">
          {t("invalid")}
        </p>
      </main>
    );
  const row = (label: string, value: React.ReactNode) => (
    <div className="py-1.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm whitespace-pre-wrap">{value}</dd>
    </div>
  );
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 p-4">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro", { site: record.siteName })}</p>
      <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white px-3" data-testid="signing-record">
        {row(t("number"), record.number)}
        {row(t("category"), tc(`categories.${record.category}`))}
        {row(t("description"), record.description)}
        {record.actionTaken ? row(t("actionTaken"), record.actionTaken) : null}
        {record.rectifiedAt ? row(t("rectifiedAt"), record.rectifiedAt) : null}
        {row(t("revisitedAt"), record.revisitedAt)}
        {row(t("satisfaction"), tc(`satisfactions.${record.satisfaction}`))}
        {record.comments ? row(t("comments"), record.comments) : null}
        {row(t("clientName"), record.clientName)}
      </dl>
      <section className="rounded-lg border border-slate-200 bg-white p-3">
        <RevisitSigningForm token={token} />
      </section>
      <p className="text-xs text-slate-500">{t("expires", { expiresAt: record.expiresAt })}</p>
    </main>
  );
}
