import { z } from "zod";
import { requestIdField } from "@/lib/request-id-schema";
import { id, localDate, optionalTrimmed, phone, trimmed } from "@/lib/validation";

/** Status of a signatory on a given local day (R-GP-2): shown in the registry list. */
export const SIGNATORY_STATUSES = ["ACTIVE", "EXPIRED", "REVOKED"] as const;
export type SignatoryStatus = (typeof SIGNATORY_STATUSES)[number];

/** R-GP-2: a tenant registers an authorised signatory beforehand, with the company's certificate and a specimen signature. */
export const CreateSignatorySchema = z
  .strictObject({
    requestId: requestIdField(),
    siteId: id(),
    tenantId: id(),
    name: trimmed(50),
    position: optionalTrimmed(50),
    phone: phone(),
    /** A photo or scan of the company certificate (营业执照/授权书): a PHOTO upload. */
    certificateFileId: id(),
    /** The specimen signature: drawn on screen (SIGNATURE) or a photo of it on paper (PHOTO). */
    specimenFileId: id(),
    validFrom: localDate(),
    validTo: localDate(),
  })
  .refine((v) => v.validTo >= v.validFrom, { message: "signatories.errors.validToBeforeFrom", path: ["validTo"] });

export const RevokeSignatorySchema = z.strictObject({ signatoryId: id() });

export type CreateSignatoryInput = z.input<typeof CreateSignatorySchema>;
