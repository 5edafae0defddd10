import { createCalendar } from "@/lib/calendar";
import { db } from "@/lib/db";
import type { ActionName } from "@/lib/permissions";
import { newRequestId } from "@/lib/request-id";
import * as signatoryActions from "@/lib/signatories/actions";
import { uploadedFile } from "../../support/files";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

const shanghai = createCalendar({ timeZone: "Asia/Shanghai", overrides: [], officialYears: [] });
/** Files uploaded by the acting user for a new signatory; a signatory to revoke per call. */
const filesFor: Record<MatrixSite, { certificate: string; specimen: string }> = {
  a: { certificate: "", specimen: "" },
  b: { certificate: "", specimen: "" },
};
const signatoryFor: Record<MatrixSite, string> = { a: "", b: "" };

async function prepare(name: ActionName, site: MatrixSite, actorId: string | null, world: World) {
  const siteId = site === "a" ? world.siteA : world.siteB;
  if (name === "createSignatoryAction") {
    const uploader = actorId ?? world.users.MANAGER;
    filesFor[site] = {
      certificate: await uploadedFile(uploader, siteId, "PHOTO"),
      specimen: await uploadedFile(uploader, siteId, "SIGNATURE"),
    };
  }
  if (name === "revokeSignatoryAction") {
    const file = { id: await uploadedFile(world.users.CLERK, siteId, "SIGNATURE") };
    signatoryFor[site] = (
      await db.authorisedSignatory.create({
        data: {
          siteId,
          tenantId: world[site].tenant,
          name: "王六",
          phone: "13800000001",
          certificateFileId: file.id,
          specimenFileId: file.id,
          validFrom: new Date("2026-01-01T00:00:00Z"),
          validTo: new Date("2099-12-31T00:00:00Z"),
          createdById: world.users.CLERK,
        },
      })
    ).id;
  }
}

/** Authorised signatories of tenants (for goods passes without a seal). */
export const signatoriesMatrix: MatrixModule = {
  actions: [signatoryActions],
  inputs: {
    createSignatoryAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: s === "a" ? w.siteA : w.siteB,
      tenantId: w[s].tenant,
      name: "李四",
      position: "",
      phone: "13900000000",
      certificateFileId: filesFor[s].certificate,
      specimenFileId: filesFor[s].specimen,
      validFrom: shanghai.localDateOf(new Date()),
      validTo: "2099-12-31",
    }),
    revokeSignatoryAction: (_w, s) => ({ signatoryId: signatoryFor[s] }),
  },
  prepare,
};
