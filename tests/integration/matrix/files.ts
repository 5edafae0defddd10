import * as fileActions from "@/lib/files/actions";
import { newRequestId } from "@/lib/request-id";
import type { MatrixModule } from "./types";

/** A 1×1 PNG header: enough for the upload's magic-byte and dimension checks. */
const TINY_PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
]);

/** Uploading a photo or signature to a site. */
export const filesMatrix: MatrixModule = {
  actions: [fileActions],
  inputs: {
    uploadFileAction: (w, s) => {
      const form = new FormData();
      form.set("requestId", newRequestId());
      form.set("siteId", s === "a" ? w.siteA : w.siteB);
      form.set("kind", "PHOTO");
      form.set("file", new File([TINY_PNG], "p.png", { type: "image/png" }));
      return form;
    },
  },
};
