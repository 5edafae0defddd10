import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import type { ReactNode } from "react";
import { PrintButton } from "@/components/print/print-button";
import type { PassView } from "@/lib/goods-passes/gate.queries";

/** One A4 landscape sheet (the shared A4Sheet is portrait): 10 mm margins, two copies side by side. */
async function A4LandscapeSheet({ back, children }: { back: string; children: ReactNode }) {
  const t = await getTranslations("print");
  return (
    <>
      <style>{`@page { size: A4 landscape; margin: 10mm; }`}</style>
      <div className="no-print mx-auto mb-4 flex max-w-[297mm] justify-between px-2">
        <Link href={back} className="text-sm text-sky-800 underline">
          {t("back")}
        </Link>
        <PrintButton />
      </div>
      <article className="mx-auto min-h-[210mm] w-full max-w-[297mm] bg-white p-[10mm] text-[10pt] leading-snug text-black shadow print:min-h-0 print:max-w-none print:p-0 print:shadow-none">
        {children}
      </article>
    </>
  );
}

/** The QR code of the pass number as inline SVG (generated here, on the server; no request to a service). */
async function QrCode({ value, label }: { value: string; label: string }) {
  const svg = await QRCode.toString(value, { type: "svg", margin: 0, errorCorrectionLevel: "M" });
  // The markup comes from the qrcode library for our own number, not from user input.
  return <div role="img" aria-label={label} className="h-[26mm] w-[26mm]" dangerouslySetInnerHTML={{ __html: svg }} />;
}

/**
 * One copy of 《携物出入门证》 (R-GP-1): number + QR only once stamped (R-GP-3); a pass not yet stamped
 * or rejected carries a large warning across it instead.
 */
async function PassCopy({ pass, copy }: { pass: PassView; copy: "copyStub" | "copyGate" }) {
  const t = await getTranslations("passPrint");
  const tg = await getTranslations("gate");
  const stamped = pass.state === "APPROVED" || pass.state === "RELEASED";
  const warning = pass.state === "REJECTED" ? t("rejected") : stamped ? null : t("unstamped");
  const cell = "border border-black px-1.5 py-1 align-top";
  const label = `${cell} w-[22%] whitespace-nowrap`;
  return (
    <section className="relative flex break-inside-avoid flex-col gap-2" data-testid={`pass-copy-${copy}`}>
      <header className="flex items-start justify-between gap-2">
        <div>
          <p className="text-[9pt]">
            {pass.site.name} · {t(copy)}
          </p>
          <h1 className="text-[16pt] font-bold tracking-widest">《{t("title")}》</h1>
          <p className="text-[10pt]">
            {t("number")}：<span className="font-mono font-semibold">{stamped && pass.number ? pass.number : t("noNumber")}</span>
          </p>
        </div>
        {stamped && pass.number ? <QrCode value={pass.number} label={t("qrAlt")} /> : null}
      </header>
      <table className="w-full border-collapse">
        <tbody>
          <tr>
            <th scope="row" className={`${label} font-normal`}>
              {t("tenant")}
            </th>
            <td className={cell}>{pass.tenant}</td>
            <th scope="row" className={`${label} font-normal`}>
              {t("unit")}
            </th>
            <td className={cell}>{pass.unit}</td>
          </tr>
          <tr>
            <th scope="row" className={`${label} font-normal`}>
              {t("direction")}
            </th>
            <td className={cell}>{tg(`directions.${pass.direction}`)}</td>
            <th scope="row" className={`${label} font-normal`}>
              {t("route")}
            </th>
            <td className={cell}>{pass.route}</td>
          </tr>
          <tr>
            <th scope="row" className={`${label} font-normal`}>
              {t("carrier")}
            </th>
            <td className={cell} colSpan={3}>
              {t("carrierValue", { name: pass.carrier.name, last4: pass.carrier.idLast4 })}
            </td>
          </tr>
          <tr>
            <th scope="row" className={`${label} font-normal`}>
              {t("window")}
            </th>
            <td className={cell} colSpan={3}>
              {tg("windowValue", { start: pass.window.start, end: pass.window.end })}
            </td>
          </tr>
        </tbody>
      </table>
      <table className="w-full border-collapse">
        <thead>
          <tr>
            <th className={`${cell} w-[12%] font-normal`}>{tg("itemNo")}</th>
            <th className={`${cell} font-normal`}>{tg("itemName")}</th>
            <th className={`${cell} w-[16%] font-normal`}>{tg("itemQuantity")}</th>
            <th className={`${cell} w-[14%] font-normal`}>{tg("itemUnit")}</th>
          </tr>
        </thead>
        <tbody>
          {pass.items.map((item) => (
            <tr key={item.position}>
              <td className={`${cell} text-center`}>{item.position}</td>
              <td className={cell}>{item.name}</td>
              <td className={`${cell} text-right tabular-nums`}>{item.quantity}</td>
              <td className={`${cell} text-center`}>{item.unit}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="w-full border-collapse">
        <tbody>
          <tr>
            <th scope="row" className={`${label} font-normal`}>
              {t("authorization")}
            </th>
            <td className={`${cell} h-[18mm]`}>
              {pass.sealed ? t("seal") : null}
              {pass.signatory ? (
                <span className="flex items-center gap-2">
                  {t("signatory", { name: pass.signatory.name })}
                  {pass.signatory.signatureFileId ? (
                    // eslint-disable-next-line @next/next/no-img-element -- access-checked file route
                    <img
                      src={`/api/files/${pass.signatory.signatureFileId}`}
                      alt={t("signatureAlt", { name: pass.signatory.name })}
                      className="h-[14mm] object-contain"
                    />
                  ) : null}
                </span>
              ) : null}
            </td>
          </tr>
          <tr>
            <th scope="row" className={`${label} font-normal`}>
              {t("approver")}
            </th>
            <td className={`${cell} h-[10mm]`}>
              {pass.approved ? t("approverValue", { by: pass.approved.by ?? "—", at: pass.approved.at }) : null}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="text-[9pt]">{t("validity", { start: pass.window.start, end: pass.window.end })}</p>
      {pass.released ? <p className="text-[9pt]">{t("releasedAt", { by: pass.released.by ?? "—", at: pass.released.at })}</p> : null}
      {warning ? (
        <p
          className="pointer-events-none absolute inset-x-0 top-1/3 -rotate-12 text-center text-[28pt] font-bold tracking-widest text-red-600/40"
          data-testid="pass-unstamped"
        >
          {warning}
        </p>
      ) : null}
    </section>
  );
}

/** Both copies (一式两联) side by side on one landscape page, separated by a cutting line. */
export async function PassSheet({ pass }: { pass: PassView }) {
  const t = await getTranslations("passPrint");
  return (
    <A4LandscapeSheet back={`/goods-passes/${pass.id}`}>
      <div className="grid grid-cols-2 gap-[8mm]">
        <div className="border-r border-dashed border-black pr-[4mm]">
          <PassCopy pass={pass} copy="copyStub" />
        </div>
        <PassCopy pass={pass} copy="copyGate" />
      </div>
      <p className="mt-2 text-[8pt]">{t("footnote")}</p>
    </A4LandscapeSheet>
  );
}
