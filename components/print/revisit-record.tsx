import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { A4Sheet, FormTable } from "@/components/print/a4-sheet";
import { SATISFACTIONS } from "@/lib/complaints/schema";
import type { RevisitMethod, Satisfaction } from "@/lib/generated/prisma/enums";

type Cell = { label: string; value: ReactNode; span?: boolean; tall?: boolean };

export interface PrintedRevisit {
  method: RevisitMethod;
  satisfaction: Satisfaction;
  clientName: string;
  comments: string | null;
  signatureFileId: string | null;
  visitor: string;
  local: { revisitedAt: string; signedAt: string | null; dueAt: string };
  /** null while the client's signature is pending. */
  onTime: boolean | null;
}

/**
 * 《回访记录表》 as the paper form, with the client's signature: one sheet for every revisit that needs
 * the client's signature — a complaint's (R-CMP-4) and a survey opinion's (R-SUR-3). The caller gives
 * the rows of what was revisited; the revisit's own rows are the same for both.
 */
export async function RevisitRecordSheet(props: {
  back: string;
  siteName: string;
  number: string;
  subject: Cell[][];
  revisit: PrintedRevisit;
}) {
  const t = await getTranslations("complaints");
  const tp = await getTranslations("print");
  const { revisit } = props;
  const box = (on: boolean) => (on ? "☑" : "☐");
  return (
    <A4Sheet back={props.back}>
      <header className="mb-4 text-center">
        <p className="text-[10pt]">{props.siteName} · 客户服务部</p>
        <h1 className="text-[18pt] font-bold tracking-widest">{tp("revisitTitle")}</h1>
        <p className="text-right text-[9.5pt]">
          {tp("no")} {props.number}
        </p>
      </header>
      <FormTable
        rows={[
          ...props.subject,
          [
            {
              label: t("method"),
              value: `${box(revisit.method === "VISIT")} ${t("methods.VISIT")}　${box(revisit.method === "PHONE")} ${t("methods.PHONE")}`,
            },
            { label: t("revisitedAt"), value: revisit.local.revisitedAt },
          ],
          [
            {
              label: t("satisfaction"),
              value: SATISFACTIONS.map((s) => `${box(revisit.satisfaction === s)} ${t(`satisfactions.${s}`)}`).join("　"),
              span: true,
            },
          ],
          [{ label: tp("clientOpinion"), value: revisit.comments ?? "", span: true, tall: true }],
          [
            {
              label: tp("clientSignature"),
              value: revisit.signatureFileId ? (
                // eslint-disable-next-line @next/next/no-img-element -- access-checked file route
                <img
                  src={`/api/files/${revisit.signatureFileId}`}
                  alt={tp("signatureAlt", { name: revisit.clientName })}
                  className="h-20 object-contain"
                  data-testid="printed-signature"
                />
              ) : (
                <span>
                  {revisit.clientName}（{t("methods.PHONE")}）
                </span>
              ),
            },
            { label: tp("signedAt"), value: revisit.local.signedAt ?? "—" },
          ],
          [
            { label: tp("visitor"), value: revisit.visitor },
            {
              label: tp("dueBy"),
              value: `${revisit.local.dueAt}（${
                revisit.onTime === null ? t("awaitingSignature") : revisit.onTime ? t("deadlineStates.met") : t("deadlineStates.met_late")
              }）`,
            },
          ],
        ]}
      />
      <p className="mt-3 text-[9pt]">{tp("revisitFootnote")}</p>
    </A4Sheet>
  );
}
