"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action";
import { zodErrorMap } from "@/lib/validation-messages";
import { labelOf } from "./error-summary";
import { useHydrated } from "./use-hydrated";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A form's zod schema, or a function that imports it (`() => import("@/lib/x/schema").then((m) => m.S)`).
 * With the function, neither zod nor the schema is in the page's first-load JavaScript: they load when the
 * form first validates (a field left, or a submit), and the same schema as the server's then checks it.
 */
export type SchemaSource<S> = S | (() => Promise<S>);

/**
 * react-hook-form's resolver that loads zod's resolver (and the schema, if given as a loader) on its first
 * call and keeps them; each call builds the check with the translator of the latest render.
 */
function useLazyZodResolver<S extends z.ZodType<FieldValues, FieldValues>>(source: SchemaSource<S>, t: Translate) {
  const loaded = useRef<Promise<[typeof import("@hookform/resolvers/zod"), S]> | null>(null);
  const resolver: Resolver<z.input<S>, unknown, z.output<S>> = async (values, context, options) => {
    loaded.current ??= Promise.all([import("@hookform/resolvers/zod"), typeof source === "function" ? source() : Promise.resolve(source)]);
    const pending = loaded.current;
    // A failed load (the network dropped) is tried again on the next validation.
    const [{ zodResolver }, schema] = await pending.catch((error: unknown) => {
      loaded.current = null;
      throw error;
    });
    const check = zodResolver(schema, { error: zodErrorMap(t) }) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
    return check(values, context, options);
  };
  return resolver;
}

/**
 * One way to wire a form: react-hook-form validates with the same zod schema as the server (messages in
 * the user's language), then the server action answers; its field errors land under their fields.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, R>(opts: {
  schema: SchemaSource<S>;
  /** Receives the form's raw values (what the user typed); the server parses them with the same schema. */
  action: (input: z.input<S>) => Promise<ActionResult<R>>;
  defaultValues: DefaultValues<z.input<S>>;
  onSuccess?: (data: R, message?: string) => void;
}) {
  const tRaw = useTranslations();
  const t: Translate = (key, values) => (tRaw.has(key) ? tRaw(key, values) : key);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: useLazyZodResolver(opts.schema, t),
    defaultValues: opts.defaultValues,
    mode: "onTouched",
  });
  const hydrated = useHydrated();
  const [formError, setFormError] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  /** The record changed since the form was loaded (lib/versioning.ts): the status offers to reload. */
  const [stale, setStale] = useState(false);
  /** The fields refused by the last submission (before sending or by the server), in the form's order. */
  const [invalidFields, setInvalidFields] = useState<{ name: string; label: string }[]>([]);

  /**
   * A refusal found before sending: one summary line beside the submit button (each message itself stays
   * under its field), and the first refused field brought into view, even one without its own input
   * (a signature, a photo, a radio group) that react-hook-form cannot focus.
   */
  const onInvalid = (errors: FieldErrors) => {
    const names = invalidFieldNames(errors);
    setFormMessage(null);
    setStale(false);
    setFormError(t("errors.invalidCount", { count: names.length }));
    setInvalidFields(names.map((name) => ({ name, label: labelOf(name) })));
    const first = names
      .map((name) => document.getElementById(`f-${name}`) ?? document.querySelector<HTMLElement>(`[id^="f-${name}"]`))
      .find((el): el is HTMLElement => el !== null);
    if (first && !first.contains(document.activeElement)) first.scrollIntoView({ block: "center" });
  };

  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    setFormMessage(null);
    setStale(false);
    setInvalidFields([]);
    // Send the raw input, not the client-side parse result: transforms (e.g. string → Date) must not
    // change what the server validates.
    const result = await opts.action(form.getValues());
    if (!result.ok) {
      setFormError(result.message);
      setStale(result.code === "stale");
      setInvalidFields(Object.keys(result.fieldErrors ?? {}).map((name) => ({ name, label: labelOf(name) })));
      for (const [field, message] of Object.entries(result.fieldErrors ?? {}))
        form.setError(field as Path<z.input<S>>, { type: "server", message });
      return;
    }
    setFormMessage(result.message ?? null);
    // A form that stays open after saving edits the version it just wrote, not the one it was loaded with.
    const saved = result.data as { version?: unknown } | null;
    if (typeof saved?.version === "number" && typeof form.getValues("version" as Path<z.input<S>>) === "number")
      form.setValue("version" as Path<z.input<S>>, saved.version as never);
    opts.onSuccess?.(result.data, result.message);
  }, onInvalid);

  /** Translated error text for a field (zod messages are keys or already-translated strings). */
  const errorOf = (name: string): string | undefined => {
    const parts = name.split(".");
    let node: unknown = form.formState.errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    const message = (node as { message?: string } | undefined)?.message;
    return message ? t(message) : undefined;
  };

  /** Disable submit while not hydrated or while a submission is on its way (no double submits). */
  const busy = !hydrated || form.formState.isSubmitting;

  return { form, onSubmit, formError, formMessage, stale, errorOf, t, busy, invalidFields };
}

/** The dotted names of the refused fields ("items.0.name"), in the form's order. */
export function invalidFieldNames(errors: FieldErrors, prefix = ""): string[] {
  const names: string[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if ("message" in value && typeof value.message === "string") names.push(name);
    else names.push(...invalidFieldNames(value as FieldErrors, name));
  }
  return names;
}
