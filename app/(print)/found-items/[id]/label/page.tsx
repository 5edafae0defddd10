import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/print/print-button";
import { requirePagePermission } from "@/lib/auth/guard";
import { getFoundItem } from "@/lib/found-items/queries";

/**
 * The item's label (R-LOST-1): a small sticker (80 × 50 mm) with the number large, what it is, when and
 * where it was found, and until when it is kept, so the shelf and the register match.
 */
export default async function FoundItemLabel({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("found:read");
  const { id } = await params;
  const item = await getFoundItem(id);
  if (!item) notFound();
  const [t, tp] = await Promise.all([getTranslations("foundItems"), getTranslations("print")]);
  return (
    <>
      <style>{`@page { size: 80mm 50mm; margin: 0; }`}</style>
      <div className="no-print mx-auto mb-4 flex max-w-[80mm] justify-between gap-4 px-2">
        <Link href={`/found-items/${item.id}`} className="text-sm text-sky-800 underline">
          {tp("back")}
        </Link>
        <PrintButton />
      </div>
      <article
        className="mx-auto flex h-[50mm] w-[80mm] flex-col justify-between overflow-hidden border border-black bg-white p-[3mm] text-[8pt] leading-tight text-black shadow print:border-0 print:shadow-none"
        data-testid="found-item-label"
      >
        <header className="flex items-baseline justify-between">
          <span>{item.site.name}</span>
          <span className="font-semibold">{t("label.heading")}</span>
        </header>
        <p className="text-center font-mono text-[17pt] leading-none font-bold tracking-tight">{item.number}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-[2mm]">
          <dt>{t("label.what")}</dt>
          <dd className="truncate font-semibold">{item.description}</dd>
          <dt>{t("label.when")}</dt>
          <dd>{item.foundAtText}</dd>
          <dt>{t("label.where")}</dt>
          <dd className="truncate">{item.foundPlace}</dd>
          <dt>{t("label.keepUntil")}</dt>
          <dd>{item.keepUntil}</dd>
        </dl>
      </article>
    </>
  );
}
