import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PrintButton } from "./print-button";

/** One A4 portrait sheet on screen and on paper (@page A4, 15 mm margins). */
export async function A4Sheet({ back, children }: { back: string; children: ReactNode }) {
  const t = await getTranslations("print");
  return (
    <>
      <style>{`@page { size: A4 portrait; margin: 15mm; }`}</style>
      <div className="no-print mx-auto mb-4 flex max-w-[210mm] justify-between px-2">
        <Link href={back} className="text-sm text-sky-800 underline">
          {t("back")}
        </Link>
        <PrintButton />
      </div>
      <article className="mx-auto min-h-[297mm] w-full max-w-[210mm] bg-white p-[15mm] text-[11pt] leading-relaxed text-black shadow print:min-h-0 print:max-w-none print:p-0 print:shadow-none">
        {children}
      </article>
    </>
  );
}

/** A bordered form table like the paper forms: label cell, value cell. */
export function FormTable({ rows }: { rows: { label: string; value: ReactNode; span?: boolean; tall?: boolean }[][] }) {
  return (
    <table className="w-full border-collapse text-[10.5pt]">
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((cell) => [
              <th
                key={`${cell.label}-h`}
                scope="row"
                className="w-[18%] border border-black px-2 py-1.5 text-left font-normal whitespace-nowrap"
              >
                {cell.label}
              </th>,
              <td
                key={`${cell.label}-v`}
                colSpan={cell.span ? 3 : 1}
                className={`border border-black px-2 py-1.5 align-top ${cell.tall ? "h-24" : ""}`}
              >
                {cell.value}
              </td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
