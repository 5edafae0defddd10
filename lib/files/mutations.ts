import "server-only";
import { z } from "zod";
import { defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { storeFile } from "@/lib/storage";
import { MAX_FILE_BYTES } from "@/lib/storage/image";
import { id } from "@/lib/validation";

export const FILE_KINDS = ["PHOTO", "SIGNATURE"] as const;

/** The upload form's fields (FormData turned into a plain object by the action). */
export const UploadFileSchema = z.strictObject({
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
    return storeFile({ actor, siteId: input.siteId, kind: input.kind, bytes, declaredType: input.file.type });
  },
});
