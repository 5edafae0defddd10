"use server";

import { runMutation } from "@/lib/action";
import { uploadFile } from "./mutations";

/** One field of the form: absent → undefined, repeated → all values (the schema refuses that). */
function field(formData: FormData, name: string): unknown {
  const values = formData.getAll(name);
  return values.length <= 1 ? values[0] : values;
}

/**
 * Uploads one photo or signature. FormData fields: `requestId` (a UUID per upload), `siteId`, `kind` (PHOTO | SIGNATURE), `file`.
 * Returns `{ id, width, height }` of the new StoredFile; refusals carry `fieldErrors.file`.
 */
export async function uploadFileAction(formData: FormData) {
  // Every action is a public endpoint: anything that is not a FormData goes to the schema as it came.
  const input: unknown =
    formData instanceof FormData
      ? {
          requestId: field(formData, "requestId"),
          siteId: field(formData, "siteId"),
          kind: field(formData, "kind"),
          file: field(formData, "file"),
        }
      : formData;
  return runMutation(uploadFile, input);
}
