/**
 * Pure, deterministic generation of one site's demo data from its definition in data.ts.
 * No database access here: the same input always yields the same plan (seeded PRNG streams per site
 * and purpose, so changing one list does not reshuffle everything else).
 */
import type { UnitStatus } from "../../lib/generated/prisma/enums";
import {
  BRAND_FIRST,
  BRAND_SECOND,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  MOBILE_PREFIXES,
  PRIMARY_POSITIONS,
  SECONDARY_POSITIONS,
  SURNAMES,
  floorLabel,
  type AreaDef,
  type DepartmentDef,
  type SiteDef,
} from "./data";
import { mulberry32, seedFrom, type Rng } from "./random";

export type UnitPlan = {
  code: string;
  building: string;
  floor: string;
  /** m², two decimals, as a string for Prisma's Decimal */
  areaSqm: string;
  status: UnitStatus;
  /** natural key of the tenant (name), null for vacant units */
  tenantName: string | null;
};

export type ContactPlan = { name: string; position: string; phone: string; isPrimary: boolean };
export type TenantPlan = { name: string; notes: string | null; contacts: ContactPlan[] };

export type SitePlan = {
  code: string;
  name: string;
  address: string;
  timeZone: string;
  slot1Start: string;
  slot1End: string;
  slot2Start: string;
  slot2End: string;
  areas: AreaDef[];
  departments: readonly DepartmentDef[];
  units: UnitPlan[];
  tenants: TenantPlan[];
};

type UnitDraft = Omit<UnitPlan, "tenantName" | "status"> & { floorNo: number };

export function buildSitePlan(def: SiteDef): SitePlan {
  const rngUnits = mulberry32(seedFrom(`${def.code}:units`));
  const rngNames = mulberry32(seedFrom(`${def.code}:tenants`));
  const rngPeople = mulberry32(seedFrom(`${def.code}:contacts`));

  // 1. Units, in building / floor / number order.
  const drafts: UnitDraft[] = [];
  for (const b of def.buildings) {
    for (let f = b.fromFloor; f <= b.toFloor; f++) {
      for (let n = 1; n <= b.unitsPerFloor; n++) {
        const sqm = rngUnits.int(b.sqm[0] * 2, b.sqm[1] * 2) / 2; // half-m² steps
        drafts.push({
          code: `${b.codePrefix}-${f}${String(n).padStart(2, "0")}`,
          building: b.building,
          floor: floorLabel(f),
          floorNo: f,
          areaSqm: sqm.toFixed(2),
        });
      }
    }
  }

  // 2. Statuses: exact numbers of vacant and renovating units, spread at random.
  const status: UnitStatus[] = drafts.map(() => "OCCUPIED");
  const order = rngUnits.shuffle(drafts.map((_, i) => i));
  order.slice(0, def.vacantUnits).forEach((i) => (status[i] = "VACANT"));
  order.slice(def.vacantUnits, def.vacantUnits + def.renovationUnits).forEach((i) => (status[i] = "RENOVATION"));

  // 3. Tenants: every non-vacant unit has one; some tenants rent two neighbouring units on one floor.
  const let_ = drafts.map((_, i) => i).filter((i) => status[i] !== "VACANT");
  const pairsNeeded = Math.max(0, let_.length - def.tenants);
  const sameFloor = (i: number, j: number) => drafts[i].building === drafts[j].building && drafts[i].floor === drafts[j].floor;
  const candidates = let_
    .slice(0, -1)
    .map((_, k) => k)
    .filter((k) => sameFloor(let_[k], let_[k + 1]));
  const pairStart = new Set<number>();
  const taken = new Set<number>();
  for (const k of rngUnits.shuffle(candidates)) {
    if (pairStart.size >= pairsNeeded) break;
    if (taken.has(k) || taken.has(k + 1)) continue;
    pairStart.add(k);
    taken.add(k).add(k + 1);
  }
  const groups: number[][] = [];
  for (let k = 0; k < let_.length; k++) {
    if (pairStart.has(k)) {
      groups.push([let_[k], let_[k + 1]]);
      k++;
    } else groups.push([let_[k]]);
  }

  const names = tenantNames(def, groups.length, rngNames);
  const phones = new Set<string>();
  const tenantOf = new Map<number, string>();
  const tenants: TenantPlan[] = groups.map((g, t) => {
    g.forEach((i) => tenantOf.set(i, names[t]));
    const renovating = g.some((i) => status[i] === "RENOVATION");
    return {
      name: names[t],
      notes: renovating ? "装修中，待入驻" : null,
      contacts: contactsFor(rngPeople, phones),
    };
  });

  const units: UnitPlan[] = drafts.map(({ floorNo: _floorNo, ...u }, i) => ({
    ...u,
    status: status[i],
    tenantName: tenantOf.get(i) ?? null,
  }));

  // 4. Vacant-unit fire escapes (§2.1 空置单元防火通道) on floors that really have a vacant unit.
  const vacantFloors = new Map<string, UnitDraft>();
  drafts.forEach((d, i) => {
    if (status[i] === "VACANT") vacantFloors.set(`${d.building}|${d.floor}`, d);
  });
  const fireEscapes: AreaDef[] = rngUnits
    .shuffle([...vacantFloors.values()])
    .slice(0, def.fireEscapes)
    .sort((x, y) => x.building.localeCompare(y.building) || x.floorNo - y.floorNo)
    .map((d) => ({
      type: "FIRE_ESCAPE",
      building: d.building,
      floor: d.floor,
      name: `空置单元防火通道 ${d.building}${d.floorNo}层`,
    }));

  return {
    code: def.code,
    name: def.name,
    address: def.address,
    timeZone: def.timeZone,
    slot1Start: def.slot1Start,
    slot1End: def.slot1End,
    slot2Start: def.slot2Start,
    slot2End: def.slot2End,
    areas: [...def.areas, ...fireEscapes],
    departments: def.departments,
    units,
    tenants,
  };
}

/** `count` distinct company names, each with its own trade name (字号) within the site. */
function tenantNames(def: SiteDef, count: number, rng: Rng): string[] {
  const usedBrands = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const first = rng.pick(BRAND_FIRST);
    const second = rng.pick(BRAND_SECOND);
    const brand = first + second;
    if (first === second || usedBrands.has(brand)) continue;
    usedBrands.add(brand);
    const city = rng.weighted(def.cities);
    const industry = rng.pick(def.industries);
    let name: string;
    if (city !== "上海" && rng.chance(0.5)) name = `${city}${brand}${industry}有限公司上海分公司`;
    else if (city === "上海" && rng.chance(0.12)) name = `${brand}（上海）${industry}有限公司`;
    else name = `${city}${brand}${industry}有限公司`;
    out.push(name);
  }
  return out;
}

/** Front-desk and assistant posts are mostly held by women in this trade; the rest half and half. */
const MOSTLY_FEMALE = new Set(["前台", "行政专员", "行政助理", "总经理助理"]);

function personName(rng: Rng, position: string): string {
  const surname = rng.weighted(SURNAMES);
  const female = rng.chance(MOSTLY_FEMALE.has(position) ? 0.85 : 0.45);
  return surname + rng.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE);
}

function mobile(rng: Rng, used: Set<string>): string {
  for (;;) {
    let n = rng.pick(MOBILE_PREFIXES);
    for (let i = 0; i < 8; i++) n += String(rng.int(0, 9));
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
}

function contactsFor(rng: Rng, phones: Set<string>): ContactPlan[] {
  const primaryPosition = rng.weighted(PRIMARY_POSITIONS);
  const contacts: ContactPlan[] = [
    { name: personName(rng, primaryPosition), position: primaryPosition, phone: mobile(rng, phones), isPrimary: true },
  ];
  if (rng.chance(0.4)) {
    const position = rng.pick(SECONDARY_POSITIONS.filter((p) => p !== primaryPosition));
    contacts.push({ name: personName(rng, position), position, phone: mobile(rng, phones), isPrimary: false });
  }
  return contacts;
}
