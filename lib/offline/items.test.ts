import { describe, expect, it } from "vitest";
import { localFileIds, withFileIds } from "./items";

describe("local file ids in a queued input", () => {
  const input = {
    requestId: "3f0c2b1e-0000-4000-8000-000000000000",
    results: [
      { itemId: "i1", photoFileIds: ["local-a", "f-server"] },
      { itemId: "i2", photoFileIds: [] },
    ],
    signatureFileId: "local-b",
  };

  it("finds every local id, however deep", () => {
    expect(localFileIds(input)).toEqual(["local-a", "local-b"]);
  });

  it("puts the uploaded ids in their places and leaves everything else as it was", () => {
    const sent = withFileIds(
      input,
      new Map([
        ["local-a", "file1"],
        ["local-b", "file2"],
      ]),
    );
    expect(sent).toEqual({
      ...input,
      results: [
        { itemId: "i1", photoFileIds: ["file1", "f-server"] },
        { itemId: "i2", photoFileIds: [] },
      ],
      signatureFileId: "file2",
    });
  });
});
