/**
 * Who sees what (§1.9): signatories' phones only for roles with the contact right (lists, look-up API,
 * goods-pass detail, search); the audit trail records that a contact, the minutes or a leave reason
 * changed, never the text; the administrator reads the trail, not tenants' contacts or minutes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as activeSignatoriesRoute } from "@/app/api/signatories/active/route";
import { diffFields } from "@/lib/audit";
import { listAuditLogs } from "@/lib/audit-trail/queries";
import { db } from "@/lib/db";
import { getGoodsPass } from "@/lib/goods-passes/queries";
import type { Role } from "@/lib/generated/prisma/enums";
import { pageRequest } from "@/lib/pagination";
import { roleHas, ROLES } from "@/lib/permissions";
import { createSignatoryAction } from "@/lib/signatories/actions";
import { activeSignatories, listSignatories } from "@/lib/signatories/queries";
import { updateTenantAction } from "@/lib/registry/tenant.actions";
import { uploadedFile } from "../support/files";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";
import { currentVersion } from "../support/versions";
import { newRequestId } from "@/lib/request-id";

const SIGNATORY_PHONE = "13912345678";
const TENANT_PHONE = "13787654321";
let world: World;
let passId: string;

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
  const file = async (kind: "PHOTO" | "SIGNATURE") => ({ id: await uploadedFile(world.users.CLERK, world.siteA, kind) });
  const [certificate, specimen] = [await file("PHOTO"), await file("SIGNATURE")];
  await signInAs(world.users.CLERK);
  const created = await createSignatoryAction({
    requestId: newRequestId(),
    siteId: world.siteA,
    tenantId: world.a.tenant,
    name: "李签字",
    position: "行政",
    phone: SIGNATORY_PHONE,
    certificateFileId: certificate.id,
    specimenFileId: specimen.id,
    validFrom: "2026-01-01",
    validTo: "2099-12-31",
  });
  expect(created).toMatchObject({ ok: true });
  const signatoryId = (created as { data: { id: string } }).data.id;
  const route = await db.loadingRoute.create({ data: { siteId: world.siteA, name: "货梯" } });
  passId = (
    await db.goodsPass.create({
      data: {
        requestId: "conf-pass",
        siteId: world.siteA,
        tenantId: world.a.tenant,
        unitId: world.a.unit,
        direction: "IN",
        carrierName: "王五",
        carrierIdLast4: "1234",
        routeId: route.id,
        windowStart: new Date(Date.now() + 3600_000),
        windowEnd: new Date(Date.now() + 7200_000),
        signatoryId,
        createdById: world.users.FRONT_DESK,
        items: { create: [{ position: 1, name: "办公椅", quantity: 1, unit: "把" }] },
      },
    })
  ).id;
});

const readers = ROLES.filter((r) => roleHas(r, "signatory:read"));

describe("signatories' phones only for roles with the contact right", () => {
  it("the table: the admin and supervisors lack it; the admin reads neither tenants nor minutes", () => {
    expect(roleHas("ADMIN", "tenant:contact:read")).toBe(false);
    expect(roleHas("ADMIN", "tenant:read")).toBe(false);
    expect(roleHas("ADMIN", "meeting:read")).toBe(false);
    expect(roleHas("SUPERVISOR", "tenant:contact:read")).toBe(false);
    expect(roleHas("ADMIN", "audit:read")).toBe(true);
  });

  it.each(readers)("as %s: list, search, look-up API and goods-pass detail", async (role: Role) => {
    const sees = roleHas(role, "tenant:contact:read");
    await signInAs(world.users[role]);

    const list = await listSignatories({}, pageRequest("1"));
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0].phone).toBe(sees ? SIGNATORY_PHONE : null);
    expect(JSON.stringify(list.rows).includes(SIGNATORY_PHONE)).toBe(sees);
    // Searching by the number must not reveal it either.
    expect((await listSignatories({ q: "1391234" }, pageRequest("1"))).total).toBe(sees ? 1 : 0);

    const lookup = await activeSignatories(world.a.tenant);
    expect(JSON.stringify(lookup).includes(SIGNATORY_PHONE)).toBe(sees);
    const api = await activeSignatoriesRoute(new Request(`http://localhost/api/signatories/active?tenant=${world.a.tenant}`));
    expect(api.status).toBe(200);
    expect((await api.text()).includes(SIGNATORY_PHONE)).toBe(sees);

    if (roleHas(role, "goodspass:read")) {
      const pass = await getGoodsPass(passId);
      expect(pass?.signatory?.name).toBe("李签字");
      expect(pass?.signatory?.phone).toBe(sees ? SIGNATORY_PHONE : null);
    }
  });
});

describe("the audit trail records that confidential fields changed, never their values", () => {
  it("a tenant's new contacts and a signatory's phone are not in the trail the admin reads", async () => {
    await signInAs(world.users.MANAGER);
    const res = await updateTenantAction({
      id: world.a.tenant,
      version: await currentVersion("tenant", world.a.tenant),
      name: "业户A",
      notes: "",
      contacts: [{ name: "赵六", position: "前台", phone: TENANT_PHONE }],
    });
    expect(res).toMatchObject({ ok: true });
    const rows = await db.auditLog.findMany({ where: { entity: { in: ["Tenant", "AuthorisedSignatory"] } } });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const stored = JSON.stringify(rows.map((r) => r.changes));
    for (const secret of [TENANT_PHONE, SIGNATORY_PHONE, "赵六", "张三"]) expect(stored).not.toContain(secret);
    const tenantRow = rows.find((r) => r.entity === "Tenant")!;
    // The version bump is in the trail too: it is how a stale edit learns what changed since (lib/versioning.ts).
    expect(tenantRow.changes).toEqual({ contacts: { redacted: true }, version: { before: 0, after: 1 } });

    await signInAs(world.users.ADMIN);
    const trail = await listAuditLogs({}, pageRequest("1"));
    expect(trail.rows.some((r) => r.entity === "Tenant")).toBe(true);
    expect(JSON.stringify(trail.rows)).not.toContain(TENANT_PHONE);
    expect(JSON.stringify(trail.rows)).not.toContain(SIGNATORY_PHONE);
  });

  it("minutes text, amendment text and leave reasons are marked changed only", () => {
    expect(
      diffFields({ lastWeekReview: "旧纪要", place: "会议室" }, { lastWeekReview: "新纪要：业户投诉", place: "会议室2" }, "Meeting"),
    ).toEqual({
      lastWeekReview: { redacted: true },
      place: { before: "会议室", after: "会议室2" },
    });
    expect(diffFields(null, { reason: "家中有事", state: "PENDING" }, "LeaveRequest")).toEqual({
      reason: { redacted: true },
      state: { before: null, after: "PENDING" },
    });
    expect(diffFields(null, { text: "更正：……", reason: "笔误", section: "assignments" }, "MeetingAmendment")).toEqual({
      text: { redacted: true },
      reason: { redacted: true },
      section: { before: null, after: "assignments" },
    });
    // Unchanged confidential fields are not mentioned at all.
    expect(diffFields({ reason: "同样" }, { reason: "同样" }, "LeaveRequest")).toEqual({});
  });
});
