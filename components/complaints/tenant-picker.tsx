"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { Field, controlProps, inputClass } from "@/components/ui/field";

type Tenant = { id: string; name: string; units: { id: string; code: string }[] };

/**
 * Type-ahead for a tenant of one site by name, unit number or (roles allowed to see it) phone, then the
 * unit from that tenant's units. The server decides what may be searched (GET /api/tenants/search).
 */
export function TenantPicker(props: {
  siteId: string;
  tenantError?: string;
  unitError?: string;
  /** The form needs a unit (a goods pass), not only a tenant: its label is marked required. */
  unitRequired?: boolean;
  onChange: (value: { tenantId: string; unitId: string }) => void;
}) {
  const t = useTranslations("complaints");
  const listId = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Tenant[]>([]);
  const [chosen, setChosen] = useState<Tenant | null>(null);
  const [unitId, setUnitId] = useState("");
  const [active, setActive] = useState(-1);

  useEffect(() => {
    if (!props.siteId || chosen || query.trim().length === 0) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/tenants/search?site=${encodeURIComponent(props.siteId)}&q=${encodeURIComponent(query)}`, {
          signal: controller.signal,
        });
        if (res.ok) setResults(((await res.json()) as { tenants: Tenant[] }).tenants);
      } catch {
        /* aborted or offline: keep the last results */
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, props.siteId, chosen]);

  function choose(tenant: Tenant) {
    setChosen(tenant);
    setResults([]);
    setQuery(tenant.name);
    const firstUnit = tenant.units.length === 1 ? tenant.units[0].id : "";
    setUnitId(firstUnit);
    props.onChange({ tenantId: tenant.id, unitId: firstUnit });
  }

  return (
    <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
      <Field id="f-tenant" label={t("tenant")} required error={props.tenantError} hint={t("tenantHint")}>
        <div className="relative">
          <input
            {...controlProps("f-tenant", props.tenantError)}
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            autoComplete="off"
            className={inputClass}
            value={query}
            disabled={!props.siteId}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(-1);
              if (chosen) {
                setChosen(null);
                setUnitId("");
                props.onChange({ tenantId: "", unitId: "" });
              }
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") setActive((i) => Math.min(i + 1, results.length - 1));
              else if (e.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
              else if (e.key === "Enter" && active >= 0 && results[active]) {
                e.preventDefault();
                choose(results[active]);
              } else if (e.key === "Escape") setResults([]);
            }}
          />
          {results.length > 0 ? (
            <ul
              id={listId}
              role="listbox"
              className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white shadow-lg"
            >
              {results.map((tenant, i) => (
                <li
                  key={tenant.id}
                  role="option"
                  aria-selected={i === active}
                  className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-sky-100" : "hover:bg-slate-50"}`}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(tenant);
                  }}
                >
                  {tenant.name}
                  <span className="ml-2 text-xs text-slate-500">{tenant.units.map((u) => u.code).join("、")}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </Field>
      <Field id="f-unit" label={t("unit")} required={props.unitRequired} error={props.unitError}>
        <select
          {...controlProps("f-unit", props.unitError)}
          className={inputClass}
          value={unitId}
          disabled={!chosen}
          onChange={(e) => {
            setUnitId(e.target.value);
            props.onChange({ tenantId: chosen?.id ?? "", unitId: e.target.value });
          }}
        >
          <option value="">{t("noUnit")}</option>
          {chosen?.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.code}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
