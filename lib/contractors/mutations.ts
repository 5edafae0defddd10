import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { auditedCreate, auditedUpdate, writeAudit } from "@/lib/audit";
import { dateColumn, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import { claimFiles } from "@/lib/files/claim";
import { createOnce } from "@/lib/idempotency";
import { expiryBeforeIssue } from "./rules";
import { CreateContractorSchema, CreateStaffSchema, RecordCertificateSchema, UpdateContractorSchema, UpdateStaffSchema } from "./schema";

const CONTRACTOR_AUDITED = {
  name: true,
  contractStart: true,
  contractEnd: true,
  contactName: true,
  contactPhone: true,
  active: true,
} as const;
const STAFF_AUDITED = {
  name: true,
  company: true,
  contractorId: true,
  post: true,
  workArea: true,
  workingHours: true,
  badgeNo: true,
  phone: true,
  active: true,
} as const;

/** A contractor of the actor's sites, or "not found" (another site's id is forged input). */
async function loadContractor(actor: Actor, contractorId: string) {
  const contractor = await db.contractor.findFirst({
    where: { id: contractorId, siteId: { in: actor.siteIds } },
    select: { id: true, siteId: true, kind: true, ...CONTRACTOR_AUDITED },
  });
  if (!contractor) throw new DomainError("not_found", "errors.not_found");
  return contractor;
}

async function assertContractorNameFree(siteId: string, name: string, exceptId?: string) {
  const clash = await db.contractor.findFirst({
    where: { siteId, name, NOT: exceptId ? { id: exceptId } : undefined },
    select: { id: true },
  });
  if (clash) throw new DomainError("conflict", "contractors.errors.contractorNameTaken", "name");
}

/** §10.1 / §11: the cleaning or catering company of a site, its contract period and contact. */
export const createContractor = defineMutation({
  name: "createContractorAction",
  schema: CreateContractorSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    await assertContractorNameFree(input.siteId, input.name);
    return auditedCreate(db, { actorId: actor.id, siteId: input.siteId, entity: "Contractor" }, (tx) =>
      tx.contractor.create({
        data: {
          siteId: input.siteId,
          kind: input.kind,
          name: input.name,
          contractStart: dateColumn(input.contractStart),
          contractEnd: dateColumn(input.contractEnd),
          contactName: input.contactName,
          contactPhone: input.contactPhone,
        },
        select: { id: true, kind: true, ...CONTRACTOR_AUDITED },
      }),
    );
  },
});

export const updateContractor = defineMutation({
  name: "updateContractorAction",
  schema: UpdateContractorSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const { kind: _kind, ...before } = await loadContractor(actor, input.id);
    await assertContractorNameFree(before.siteId, input.name, before.id);
    return auditedUpdate(
      db,
      {
        actorId: actor.id,
        siteId: before.siteId,
        entity: "Contractor",
        edit: { model: "contractor", version: input.version, labels: "contractors.fields" },
      },
      before,
      (tx) =>
        tx.contractor.update({
          where: { id: before.id },
          data: {
            name: input.name,
            contractStart: dateColumn(input.contractStart),
            contractEnd: dateColumn(input.contractEnd),
            contactName: input.contactName,
            contactPhone: input.contactPhone,
            active: input.active,
          },
          select: { id: true, ...CONTRACTOR_AUDITED },
        }),
    );
  },
});

/**
 * An employee of a contractor (name, post, area, hours, 工作牌), kept on the site's cleaner register
 * (lib/vacant-units): one register of people without accounts. Someone already on it without a
 * company (a vacant-unit cleaner) is joined to the contractor instead of registered twice; a name that
 * belongs to another company's employee is refused.
 */
export const createContractorStaff = defineMutation({
  name: "createContractorStaffAction",
  schema: CreateStaffSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const contractor = await loadContractor(actor, input.contractorId);
    const fields = {
      name: input.name,
      company: contractor.name,
      contractorId: contractor.id,
      post: input.post,
      workArea: input.workArea ?? null,
      workingHours: input.workingHours ?? null,
      badgeNo: input.badgeNo ?? null,
      phone: input.phone ?? null,
    };
    const existing = await db.cleaner.findFirst({
      where: { siteId: contractor.siteId, name: input.name },
      select: { id: true, siteId: true, ...STAFF_AUDITED },
    });
    if (existing && existing.contractorId) throw new DomainError("conflict", "contractors.errors.staffNameTaken", "name");
    if (existing) {
      const { contractorId: _c, ...before } = existing;
      return auditedUpdate(
        db,
        { actorId: actor.id, siteId: contractor.siteId, entity: "Cleaner" },
        { ...before, contractorId: null },
        (tx) =>
          tx.cleaner.update({ where: { id: existing.id }, data: { ...fields, active: true }, select: { id: true, ...STAFF_AUDITED } }),
      );
    }
    return auditedCreate(db, { actorId: actor.id, siteId: contractor.siteId, entity: "Cleaner" }, (tx) =>
      tx.cleaner.create({ data: { siteId: contractor.siteId, ...fields }, select: { id: true, ...STAFF_AUDITED } }),
    );
  },
});

/** A contractor employee's post, area, hours, badge, phone, or leaving (inactive): records keep the person. */
export const updateContractorStaff = defineMutation({
  name: "updateContractorStaffAction",
  schema: UpdateStaffSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const before = await db.cleaner.findFirst({
      where: { id: input.id, siteId: { in: actor.siteIds }, contractorId: { not: null } },
      select: { id: true, siteId: true, ...STAFF_AUDITED },
    });
    if (!before) throw new DomainError("not_found", "errors.not_found");
    const clash = await db.cleaner.findFirst({
      where: { siteId: before.siteId, name: input.name, NOT: { id: before.id } },
      select: { id: true },
    });
    if (clash) throw new DomainError("conflict", "contractors.errors.staffNameTaken", "name");
    return auditedUpdate(
      db,
      {
        actorId: actor.id,
        siteId: before.siteId,
        entity: "Cleaner",
        edit: { model: "cleaner", version: input.version, labels: "contractors.fields" },
      },
      before,
      (tx) =>
        tx.cleaner.update({
          where: { id: before.id },
          data: {
            name: input.name,
            post: input.post,
            workArea: input.workArea ?? null,
            workingHours: input.workingHours ?? null,
            badgeNo: input.badgeNo ?? null,
            phone: input.phone ?? null,
            active: input.active,
          },
          select: { id: true, ...STAFF_AUDITED },
        }),
    );
  },
});

/**
 * 健康证 of a catering employee (§11.3(4) 健康证备案): number, issue date, expiry, photo. A renewal is a
 * new certificate; the latest expiry is the one that counts. Refused: an expiry before the issue date,
 * an issue date in the future (site time), an employee of the cleaning company.
 */
export const recordHealthCertificate = defineMutation({
  name: "recordHealthCertificateAction",
  schema: RecordCertificateSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    return createOnce(actor, {
      find: async () => {
        const row = await db.healthCertificate.findUnique({
          where: { requestId: input.requestId },
          select: { id: true, createdById: true },
        });
        return row && { madeById: row.createdById, result: { id: row.id } };
      },
      create: async () => {
        const staff = await db.cleaner.findFirst({
          where: { id: input.staffId, siteId: { in: actor.siteIds }, contractorId: { not: null } },
          select: { id: true, siteId: true, contractor: { select: { kind: true } }, site: { select: { timeZone: true } } },
        });
        if (!staff) throw new DomainError("not_found", "errors.not_found");
        if (staff.contractor?.kind !== "CATERING") throw new DomainError("invalid", "contractors.errors.notCatering", "staffId");
        if (expiryBeforeIssue(input.issuedOn, input.expiresOn))
          throw new DomainError("invalid", "contractors.errors.expiryBeforeIssue", "expiresOn");
        if (input.issuedOn > localDateInZone(new Date(), staff.site.timeZone))
          throw new DomainError("invalid", "contractors.errors.issuedInFuture", "issuedOn");
        return db.$transaction(async (tx) => {
          const certificate = await tx.healthCertificate.create({
            data: {
              requestId: input.requestId,
              siteId: staff.siteId,
              cleanerId: staff.id,
              number: input.number,
              issuedOn: dateColumn(input.issuedOn),
              expiresOn: dateColumn(input.expiresOn),
              createdById: actor.id,
            },
            select: { id: true },
          });
          await claimFiles(tx, {
            actor,
            siteId: staff.siteId,
            entity: "HEALTH_CERTIFICATE",
            entityId: certificate.id,
            kinds: ["PHOTO"],
            files: { photoFileIds: input.photoFileIds },
          });
          await writeAudit(tx, {
            actorId: actor.id,
            siteId: staff.siteId,
            entity: "HealthCertificate",
            entityId: certificate.id,
            action: "CREATE",
            after: {
              cleanerId: staff.id,
              number: input.number,
              issuedOn: input.issuedOn,
              expiresOn: input.expiresOn,
              photos: input.photoFileIds.length,
            },
          });
          return { id: certificate.id };
        });
      },
    });
  },
});
