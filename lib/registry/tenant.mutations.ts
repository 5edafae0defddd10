import "server-only";
import { DomainError, defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { assertSite } from "@/lib/auth/guard";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { claimVersion } from "@/lib/versioning";
import { CreateTenantSchema, UpdateTenantSchema } from "./tenant.schema";

type ContactInput = { name: string; position?: string | null; phone: string };

const contactRows = (contacts: ContactInput[]) =>
  contacts.map((c, i) => ({ name: c.name, position: c.position ?? null, phone: c.phone, isPrimary: i === 0 }));

/** Contacts go into the trail as names and positions only: phone numbers stay out of the audit log. */
const contactSummary = (contacts: ContactInput[]) => contacts.map((c) => `${c.name}${c.position ? `(${c.position})` : ""}`);

async function assertNameFree(siteId: string, name: string, exceptId?: string) {
  const clash = await db.tenant.findFirst({ where: { siteId, name, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } });
  if (clash) throw new DomainError("conflict", "tenants.errors.nameTaken", "name");
}

export const createTenant = defineMutation({
  name: "createTenantAction",
  schema: CreateTenantSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    assertSite(actor, input.siteId);
    await assertNameFree(input.siteId, input.name);
    return db.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({
        data: { siteId: input.siteId, name: input.name, notes: input.notes ?? null, contacts: { create: contactRows(input.contacts) } },
        select: { id: true, name: true, notes: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: input.siteId,
        entity: "Tenant",
        entityId: tenant.id,
        action: "CREATE",
        after: { ...tenant, contacts: contactSummary(input.contacts) },
      });
      return { id: tenant.id };
    });
  },
});

export const updateTenant = defineMutation({
  name: "updateTenantAction",
  schema: UpdateTenantSchema,
  successKey: "common.saved",
  async run(actor: Actor, input) {
    const before = await db.tenant.findFirst({
      where: { id: input.id, siteId: { in: actor.siteIds } },
      select: {
        id: true,
        siteId: true,
        name: true,
        notes: true,
        contacts: { select: { id: true, name: true, position: true, phone: true }, orderBy: [{ isPrimary: "desc" }, { id: "asc" }] },
      },
    });
    if (!before) throw new DomainError("not_found", "errors.not_found");
    // Contacts are edited in place by id: an id that is not this tenant's contact is forged input.
    const ownContactIds = new Set(before.contacts.map((c) => c.id));
    input.contacts.forEach((c, i) => {
      if (c.id && !ownContactIds.has(c.id)) throw new DomainError("invalid", "errors.not_found", `contacts.${i}.name`);
    });
    await assertNameFree(before.siteId, input.name, before.id);
    return db.$transaction(async (tx) => {
      const version = await claimVersion(tx, {
        model: "tenant",
        entity: "Tenant",
        id: before.id,
        version: input.version,
        labels: "tenants",
      });
      const rows = contactRows(input.contacts);
      const kept = new Set(input.contacts.flatMap((c) => (c.id ? [c.id] : [])));
      await tx.tenantContact.deleteMany({ where: { tenantId: before.id, id: { notIn: [...kept] } } });
      for (const [i, c] of input.contacts.entries()) {
        if (c.id) await tx.tenantContact.update({ where: { id: c.id, tenantId: before.id }, data: rows[i] });
        else await tx.tenantContact.create({ data: { tenantId: before.id, ...rows[i] } });
      }
      const after = await tx.tenant.update({
        where: { id: before.id },
        data: { name: input.name, notes: input.notes ?? null },
        select: { id: true, name: true, notes: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        siteId: before.siteId,
        entity: "Tenant",
        entityId: before.id,
        action: "UPDATE",
        before: {
          id: before.id,
          name: before.name,
          notes: before.notes,
          contacts: contactSummary(before.contacts),
          version: input.version,
        },
        after: { ...after, contacts: contactSummary(input.contacts), version },
      });
      return { id: before.id, version };
    });
  },
});
