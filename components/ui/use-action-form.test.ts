import { describe, expect, it } from "vitest";
import { invalidFieldNames } from "./use-action-form";

describe("invalidFieldNames: what the summary counts", () => {
  it("lists nested and array fields by their dotted names, each once", () => {
    const errors = {
      carrierName: { type: "too_small", message: "goodsPasses.errors.carrierRequired" },
      items: [undefined, { name: { type: "too_small", message: "required" }, quantity: { type: "custom", message: "quantity" } }],
      signatureFileId: { type: "custom", message: "goodsPasses.errors.signatureRequired" },
    };
    expect(invalidFieldNames(errors as never)).toEqual(["carrierName", "items.1.name", "items.1.quantity", "signatureFileId"]);
  });

  it("an array refused as a whole (no items) is one field", () => {
    expect(invalidFieldNames({ items: { type: "too_small", message: "goodsPasses.errors.noItems" } } as never)).toEqual(["items"]);
  });
});
