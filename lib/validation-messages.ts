import type { z } from "zod";

/**
 * zod issues → message keys of the `validation` namespace (re-exported by `./validation.ts`). Imports
 * only zod's types, so a client form can hold the error map without loading zod itself; zod and the
 * form's schema load when the form first validates (components/ui/use-action-form.ts).
 */
export type ErrorKey = { key: string; values?: Record<string, string | number> };

export function issueToKey(issue: z.core.$ZodRawIssue): ErrorKey {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null || issue.input === ""
        ? { key: "validation.required" }
        : { key: "validation.invalidType" };
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? { key: "validation.required" }
          : { key: "validation.tooShort", values: { min: Number(issue.minimum) } };
      if (issue.origin === "array") return { key: "validation.tooFew", values: { min: Number(issue.minimum) } };
      return { key: "validation.tooSmall", values: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { key: "validation.tooLong", values: { max: Number(issue.maximum) } };
      if (issue.origin === "array") return { key: "validation.tooMany", values: { max: Number(issue.maximum) } };
      return { key: "validation.tooLarge", values: { max: Number(issue.maximum) } };
    case "invalid_format":
      return { key: "validation.format" };
    case "invalid_value":
      return { key: "validation.choice" };
    case "unrecognized_keys":
      return { key: "validation.unknownFields", values: { keys: issue.keys.join(", ") } };
    default:
      return { key: "validation.invalid" };
  }
}

/** Builds the zod error map for one language. Custom messages written in schemas are message keys too. */
export function zodErrorMap(t: (key: string, values?: Record<string, string | number>) => string) {
  return (issue: z.core.$ZodRawIssue) => {
    const { key, values } = issueToKey(issue);
    return t(key, values);
  };
}
