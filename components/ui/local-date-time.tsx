"use client";

import { useState } from "react";
import { instantFromLocalDateTime } from "@/lib/calendar/local-date";
import { Field, controlProps, inputClass } from "./field";

/**
 * A local date-time field that hands the form an ISO instant in the SITE's zone (R-CAL-2), whatever the
 * phone's zone: "" when empty (the step's "now"), "invalid" for a wall-clock time the zone skips.
 */
export function LocalDateTime(props: {
  id: string;
  label: string;
  hint?: string;
  timeZone: string;
  error?: string;
  required?: boolean;
  onChange: (iso: string) => void;
}) {
  const [value, setValue] = useState("");
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      <input
        {...controlProps(props.id, props.error)}
        type="datetime-local"
        className={inputClass}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          try {
            props.onChange(e.target.value ? instantFromLocalDateTime(e.target.value, props.timeZone).toISOString() : "");
          } catch {
            props.onChange("invalid");
          }
        }}
      />
    </Field>
  );
}
