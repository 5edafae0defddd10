import "server-only";
import { z } from "zod";
import { defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { createOnce } from "@/lib/idempotency";
import { requestIdField } from "@/lib/request-id-schema";
import { storeFile } from "@/lib/storage";
import { MAX_FILE_BYTES } from "@/lib/storage/image";
import { id } from "@/lib/validation";

export const FILE_KINDS = ["PHOTO", "SIGNATURE"] as const;

/** The upload form's fields (FormData turned into a plain object by the action). */
export const UploadFileSchema = z.strictObject({
  /** One per upload: a retried or doubled upload answers with the row it made (identical bytes sent as another upload make another row). */
  requestId: requestIdField(),
  siteId: id(),
  kind: z.enum(FILE_KINDS),
  file: z
    .instanceof(File, { error: (issue) => (issue.input == null || issue.input === "" ? "files.errors.missing" : "files.errors.notImage") })
    .refine((file) => file.size > 0, { message: "files.errors.empty" })
    .refine((file) => file.size <= MAX_FILE_BYTES, { message: "files.errors.tooLarge" }),
});

/** Stores one photo or signature for a site of the user; the complaint steps then name it by id. */
export const uploadFile = defineMutation({
  name: "uploadFileAction",
  schema: UploadFileSchema,
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    return createOnce(actor, {
      find: async () => {
        const made = await db.storedFile.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, width: true, height: true, uploadedById: true },
        });
        return made && { madeById: made.uploadedById, result: { id: made.id, width: made.width ?? 0, height: made.height ?? 0 } };
      },
      create: () =>
        storeFile({ actor, siteId: input.siteId, kind: input.kind, bytes, declaredType: input.file.type, requestId: input.requestId }),
    });
  },
});
