import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { localDateInZone, localDateOfColumn } from "@/lib/calendar";
import { db } from "@/lib/db";
import { sitesWith } from "@/lib/registry/site.store";
import type { ContractorViolationKind } from "@/lib/generated/prisma/enums";
import { paged, type PageRequest } from "@/lib/pagination";
import { certificateState } from "./rules";

/** The sites the reader may see, with their time zone (the admin sees none of this: no contractor:read). */
export async function readableSites(permission: "contractor:read" | "contractor:assessment" = "contractor:read") {
  const actor = await requirePermission(permission);
  const sites = await sitesWith(actor.siteIds, "id", "code", "name", "timeZone");
  return { actor, sites };
}

/**
 * §10.1 / §11: per site, the contractors with their contract and contact, and their staff with post,
 * area, hours, badge and (catering) the current 健康证 and its state today (site time).
 */
export async function contractorsOverview() {
  const { sites } = await readableSites();
  const contractors = await db.contractor.findMany({
    where: { siteId: { in: sites.map((s) => s.id) } },
    select: {
      id: true,
      siteId: true,
      kind: true,
      name: true,
      contractStart: true,
      contractEnd: true,
      contactName: true,
      contactPhone: true,
      active: true,
      version: true,
      staff: {
        select: {
          id: true,
          version: true,
          name: true,
          post: true,
          workArea: true,
          workingHours: true,
          badgeNo: true,
          phone: true,
          active: true,
          healthCertificates: { select: { number: true, issuedOn: true, expiresOn: true }, orderBy: { expiresOn: "desc" }, take: 1 },
        },
        orderBy: [{ active: "desc" }, { name: "asc" }],
      },
    },
    orderBy: [{ siteId: "asc" }, { kind: "asc" }, { name: "asc" }],
  });
  const now = new Date();
  return sites.map((site) => {
    const today = localDateInZone(now, site.timeZone);
    return {
      site,
      today,
      contractors: contractors
        .filter((c) => c.siteId === site.id)
        .map((c) => ({
          ...c,
          contractStart: localDateOfColumn(c.contractStart),
          contractEnd: localDateOfColumn(c.contractEnd),
          staff: c.staff.map(({ healthCertificates, ...s }) => {
            const current = healthCertificates[0];
            const expiresOn = current ? localDateOfColumn(current.expiresOn) : null;
            return {
              ...s,
              certificate: current ? { number: current.number, issuedOn: localDateOfColumn(current.issuedOn), expiresOn } : null,
              // Only catering staff carry a certificate (§11.3(4)).
              certificateState: c.kind === "CATERING" && s.active ? certificateState(expiresOn, today) : null,
            };
          }),
        })),
    };
  });
}

/** Contractors of the reader's sites with their active staff: the choices of the training and violation forms. */
export async function contractorChoices() {
  const { sites } = await readableSites();
  const contractors = await db.contractor.findMany({
    where: { siteId: { in: sites.map((s) => s.id) }, active: true },
    select: {
      id: true,
      siteId: true,
      kind: true,
      name: true,
      staff: { where: { active: true }, select: { id: true, name: true, post: true }, orderBy: { name: "asc" } },
    },
    orderBy: [{ siteId: "asc" }, { kind: "asc" }],
  });
  const now = new Date();
  return { sites: sites.map((s) => ({ ...s, today: localDateInZone(now, s.timeZone) })), contractors };
}

/** Training records (§10, §11.4(4)), newest first, paginated in SQL. */
export async function listTrainings(filter: { contractor?: string }, page: PageRequest) {
  const { sites } = await readableSites();
  const where = { siteId: { in: sites.map((s) => s.id) }, ...(filter.contractor ? { contractorId: filter.contractor } : {}) };
  const [rows, total] = await Promise.all([
    db.contractorTraining.findMany({
      where,
      select: {
        id: true,
        heldOn: true,
        trainer: true,
        content: true,
        contractor: { select: { name: true, kind: true } },
        attendees: { select: { cleaner: { select: { name: true } } } },
      },
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.contractorTraining.count({ where }),
  ]);
  return paged(
    rows.map((r) => ({ ...r, heldOn: localDateOfColumn(r.heldOn), attendees: r.attendees.map((a) => a.cleaner.name) })),
    total,
    page,
  );
}

/** The violation log (§6, §7), newest first, filtered and paginated in SQL; `open` = awaiting the contractor's response. */
export async function listViolations(filter: { contractor?: string; kind?: ContractorViolationKind; open?: boolean }, page: PageRequest) {
  const { sites } = await readableSites();
  const where = {
    siteId: { in: sites.map((s) => s.id) },
    ...(filter.contractor ? { contractorId: filter.contractor } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.open ? { response: null } : {}),
  };
  const [rows, total] = await Promise.all([
    db.contractorViolation.findMany({
      where,
      select: {
        id: true,
        kind: true,
        occurredOn: true,
        description: true,
        chargeAmount: true,
        response: true,
        respondedAt: true,
        contractor: { select: { name: true } },
        cleaner: { select: { name: true } },
      },
      orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.contractorViolation.count({ where }),
  ]);
  const photos = rows.length
    ? await db.fileAttachment.findMany({
        where: { entity: "CONTRACTOR_VIOLATION", entityId: { in: rows.map((r) => r.id) } },
        select: { fileId: true, entityId: true },
      })
    : [];
  return paged(
    rows.map((r) => ({
      ...r,
      occurredOn: localDateOfColumn(r.occurredOn),
      // Exact money as text (Decimal), never a float.
      chargeAmount: r.chargeAmount ? r.chargeAmount.toFixed(2) : null,
      photoIds: photos.filter((p) => p.entityId === r.id).map((p) => p.fileId),
    })),
    total,
    page,
  );
}
