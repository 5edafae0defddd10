import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PhotoStrip } from "@/components/complaints/photo-strip";
import { ClaimFoundItemForm } from "@/components/found-items/claim-form";
import { DisposeFoundItemForm } from "@/components/found-items/dispose-form";
import { FoundItemStateBadge } from "@/components/found-items/state-badge";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { getFoundItem } from "@/lib/found-items/queries";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.map(([label, value]) => [
        <dt key={`${label}-t`} className="text-slate-600">
          {label}
        </dt>,
        <dd key={`${label}-d`} className="min-w-0 break-words">
          {value}
        </dd>,
      ])}
    </dl>
  );
}

/** One found item (R-LOST-1): what, where, when and by whom; then the claim, or the disposal once due. */
async function FoundItemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("found:read");
  const { id } = await params;
  const item = await getFoundItem(id);
  if (!item) notFound();
  const t = await getTranslations("foundItems");
  const open = item.state === "REGISTERED";
  return (
    <>
      <PageHeader
        title={`${t("item")} ${item.number}`}
        actions={
          <Link href={`/found-items/${item.id}/label`} className="text-sm text-sky-800 underline">
            {t("printLabel")}
          </Link>
        }
      />
      <div className="flex max-w-2xl flex-col gap-4">
        <section aria-labelledby="item-facts" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="item-facts" className="mb-2 flex flex-wrap items-center gap-2 font-medium">
            {item.description}
            <FoundItemStateBadge state={item.state} label={t(`states.${item.state}`)} />
            {item.dueForDisposal ? <FoundItemStateBadge state="DUE" label={t("states.DUE")} /> : null}
          </h2>
          <Facts
            rows={[
              [t("site"), item.site.name],
              [t("foundAt"), item.foundAtText],
              [t("foundPlace"), item.foundPlace],
              [t("foundBy"), item.foundByName],
              [t("keptAt"), item.keptAt],
              [t("keepUntilLabel"), item.keepUntil],
              [t("registeredBy"), item.registeredBy ?? ""],
            ]}
          />
          <PhotoStrip fileIds={item.photoFileIds} label={t("photos")} />
        </section>

        {item.state === "CLAIMED" ? (
          <section aria-labelledby="item-claim" className="rounded-lg border border-emerald-200 bg-white p-4" data-testid="claim-record">
            <h2 id="item-claim" className="mb-2 font-medium">
              {t("claim.record")}
            </h2>
            <Facts
              rows={[
                [t("claim.name"), item.claimantName ?? ""],
                [t("claim.idType"), item.claimantIdType ? `${t(`idTypes.${item.claimantIdType}`)} ····${item.claimantIdLast4 ?? ""}` : ""],
                [t("claim.at"), item.claimedAtText ?? ""],
                [t("claim.releasedBy"), item.releasedBy ?? ""],
              ]}
            />
            {item.claimSignatureFileId ? <PhotoStrip fileIds={[item.claimSignatureFileId]} label={t("claim.signature")} /> : null}
          </section>
        ) : null}

        {item.state === "DISPOSED" ? (
          <section aria-labelledby="item-disposal" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="item-disposal" className="mb-2 font-medium">
              {t("dispose.record")}
            </h2>
            <Facts
              rows={[
                [t("dispose.method"), item.disposalMethod ?? ""],
                [t("dispose.witness"), item.disposalWitnessName ?? ""],
                [t("dispose.note"), item.disposalNote ?? ""],
                [t("dispose.at"), item.disposedAtText ?? ""],
                [t("dispose.by"), item.disposedBy ?? ""],
              ]}
            />
          </section>
        ) : null}

        {open && roleHas(actor.role, "found:release") ? (
          <section aria-labelledby="item-claim-form" className="rounded-lg border border-sky-200 bg-white p-4">
            <h2 id="item-claim-form" className="mb-2 font-medium">
              {t("claim.title")}
            </h2>
            <ClaimFoundItemForm itemId={item.id} siteId={item.siteId} />
          </section>
        ) : null}

        {open && roleHas(actor.role, "found:dispose") ? (
          <section aria-labelledby="item-dispose-form" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="item-dispose-form" className="mb-2 font-medium">
              {t("dispose.title")}
            </h2>
            {item.disposalAllowed ? (
              <DisposeFoundItemForm itemId={item.id} />
            ) : (
              <p className="text-sm text-slate-600">{t("dispose.notYet", { date: item.disposableFrom })}</p>
            )}
          </section>
        ) : null}
      </div>
    </>
  );
}

export default withClientMessages(["foundItems", "files", "common", "validation"], FoundItemPage);
