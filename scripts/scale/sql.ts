// The large company of `npm run seed:scale`, generated inside PostgreSQL (INSERT … SELECT over
// generate_series): no row crosses the network, so millions of rows take minutes, not hours.
//
// Every statement is deterministic for given sizes (setseed + hash-based choices), respects every
// unique index and foreign key of the schema, and writes instants the way Prisma does: timestamp(3)
// columns hold UTC wall-clock time, @db.Date columns hold the site-local date.

export interface ScaleSizes {
  /** New sites (codes Z01…); the two demo sites stay beside them. */
  sites: number;
  units: number;
  tenants: number;
  complaints: number;
  /** Inspection rounds come from areas × slots × working days; this sets the areas per site. */
  inspectionResults: number;
  goodsPasses: number;
  /** How far back the operations go. */
  months: number;
}

export const FULL: ScaleSizes = {
  sites: 50,
  units: 20_000,
  tenants: 15_000,
  complaints: 1_000_000,
  inspectionResults: 3_000_000,
  goodsPasses: 200_000,
  months: 36,
};

export interface Step {
  label: string;
  sql: string;
}

/** The timestamp(3) (UTC) of a Shanghai local date + hour offset (in hours, fractional). */
const utcOf = (date: string, hours: string) =>
  `(((${date})::timestamp + (${hours}) * interval '1 hour') AT TIME ZONE 'Asia/Shanghai' AT TIME ZONE 'UTC')`;

export function scaleSteps(z: ScaleSizes): Step[] {
  const S = z.sites;
  const unitsPerSite = Math.max(10, Math.round(z.units / S));
  const tenantsPerSite = Math.max(8, Math.min(unitsPerSite - 2, Math.round(z.tenants / S)));
  const vacantFrom = tenantsPerSite; // units [tenantsPerSite, tenantsPerSite + vacant) are vacant
  const vacantCount = Math.max(2, Math.round((unitsPerSite - tenantsPerSite) * 0.6));
  // Inspectable areas per site: results ≈ sites × areas × 2 slots × working days × 0.93 × ~5 items.
  const workingDays = Math.round((z.months * 30.44 * 5) / 7);
  const areasPerSite = Math.max(2, Math.min(40, Math.ceil(z.inspectionResults / (S * 2 * workingDays * 0.93 * 5))));
  const start = `(date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') - interval '${z.months} months')::date`;
  const today = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
  const nowUtc = `(now() AT TIME ZONE 'UTC')`;
  const siteId = (i: string) => `('zs' || lpad((${i})::text, 3, '0'))`;
  const tenantId = (s: string, t: string) => `('zt' || lpad((${s})::text, 3, '0') || '-' || (${t}))`;
  const unitId = (s: string, u: string) => `('zu' || lpad((${s})::text, 3, '0') || '-' || (${u}))`;
  const deptId = (s: string, d: string) => `('zd' || lpad((${s})::text, 3, '0') || '-' || (${d}))`;
  // A stable pseudo-random fraction in [0, 1) from a text key (same on every run).
  const frac = (key: string) => `((('x' || substr(md5(${key}), 1, 8))::bit(32)::bigint)::float8 / 4294967296.0)`;

  return [
    {
      label: "sites, departments, users",
      sql: `
      INSERT INTO "Site" (id, code, name, address, "timeZone", "inspectOnWeekends", "updatedAt")
      SELECT ${siteId("i")}, 'Z' || lpad(i::text, 2, '0'),
             (ARRAY['云锦','海汇','中城','华创','金融','锦江','时代','星河','东方','天成'])[1 + i % 10] ||
             (ARRAY['大厦','中心','广场','园区','国际'])[1 + (i / 10) % 5] || i,
             '测试路' || i || '号', 'Asia/Shanghai', false, ${nowUtc}
        FROM generate_series(1, ${S}) i;
      INSERT INTO "Department" (id, "siteId", name, kind, "updatedAt")
      SELECT ${deptId("s", "k.n")}, ${siteId("s")}, k.name, k.kind::"DepartmentKind", ${nowUtc}
        FROM generate_series(1, ${S}) s,
             (VALUES (0, '工程部', 'ENGINEERING'), (1, '保洁外包', 'CLEANING_CONTRACTOR'), (2, '餐饮部', 'CATERING'),
                     (3, '行政人事部', 'ADMIN_HR'), (4, '采购部', 'PURCHASING'), (5, '安保部', 'SECURITY')) k(n, name, kind);
      INSERT INTO "User" (id, username, name, "passwordHash", role, duty, "updatedAt")
      SELECT 'zu-' || u.username, u.username, u.name, (SELECT "passwordHash" FROM "User" WHERE username = 'manager'),
             u.role::"Role", u.duty::"SupervisorDuty", ${nowUtc}
        FROM (VALUES ('scale.manager', '规模经理', 'MANAGER', NULL), ('scale.clerk', '规模内勤', 'CLERK', NULL),
                     ('scale.supervisor', '规模保洁主管', 'SUPERVISOR', 'CLEANING'),
                     ('scale.coordinator', '规模协调主管', 'SUPERVISOR', 'COORDINATION'),
                     ('scale.frontdesk', '规模前台', 'FRONT_DESK', NULL), ('scale.admin', '规模管理员', 'ADMIN', NULL)) u(username, name, role, duty);
      -- Managers, the clerk and the admin see every site; the supervisors and the front desk one site each.
      INSERT INTO "UserSite" ("userId", "siteId")
      SELECT 'zu-' || u, ${siteId("s")} FROM generate_series(1, ${S}) s, unnest(ARRAY['scale.manager', 'scale.clerk', 'scale.admin']) u;
      INSERT INTO "UserSite" ("userId", "siteId")
      SELECT 'zu-' || u, ${siteId("1")} FROM unnest(ARRAY['scale.supervisor', 'scale.coordinator', 'scale.frontdesk']) u;`,
    },
    {
      label: `tenants (${tenantsPerSite}/site), contacts, units (${unitsPerSite}/site)`,
      sql: `
      INSERT INTO "Tenant" (id, "siteId", name, "updatedAt")
      SELECT ${tenantId("s", "t")}, ${siteId("s")},
             (ARRAY['华','盛','鼎','泰','恒','瑞','博','宏','新','安','嘉','润','联','信','德','凯'])[1 + t % 16] ||
             (ARRAY['科','达','通','远','丰','腾','伟','诚','祥','源','辉','晟'])[1 + (t / 16) % 12] ||
             (ARRAY['科技','贸易','咨询','传媒','物流','医药','投资','设计','教育','金融'])[1 + (t / 192) % 10] ||
             '有限公司' || CASE WHEN t >= 1920 THEN '（' || t || '）' ELSE '' END,
             ${nowUtc}
        FROM generate_series(1, ${S}) s, generate_series(0, ${tenantsPerSite - 1}) t;
      INSERT INTO "TenantContact" (id, "tenantId", name, phone, "isPrimary")
      SELECT 'zk' || t.id, t.id, (ARRAY['王','李','张','刘','陈','杨','赵','黄'])[1 + length(t.id) % 8] || '经理',
             '138' || lpad((abs(hashtext(t.id)) % 100000000)::text, 8, '0'), true
        FROM "Tenant" t WHERE t.id LIKE 'zt%';
      INSERT INTO "Unit" (id, "siteId", code, building, floor, "areaSqm", status, "tenantId", "createdAt", "updatedAt")
      SELECT ${unitId("s", "u")}, ${siteId("s")},
             chr(65 + u / 200) || '-' || lpad((1 + (u % 200) / 10)::text, 2, '0') || lpad((1 + u % 10)::text, 2, '0'),
             chr(65 + u / 200) || '座', (1 + (u % 200) / 10) || 'F', 80 + (u * 37) % 400,
             CASE WHEN u < ${tenantsPerSite} THEN 'OCCUPIED' WHEN u < ${vacantFrom + vacantCount} THEN 'VACANT'
                  WHEN u % 3 = 0 THEN 'RENOVATION' ELSE 'OCCUPIED' END::"UnitStatus",
             CASE WHEN u < ${tenantsPerSite} THEN ${tenantId("s", "u")}
                  WHEN u >= ${vacantFrom + vacantCount} AND u % 3 <> 0 THEN ${tenantId("s", `u % ${tenantsPerSite}`)} END,
             ${nowUtc} - interval '${z.months + 6} months', ${nowUtc}
        FROM generate_series(1, ${S}) s, generate_series(0, ${unitsPerSite - 1}) u;
      INSERT INTO "UnitStatusChange" (id, "unitId", status, "changedAt")
      SELECT 'zx' || id, id, status, "createdAt" FROM "Unit" WHERE id LIKE 'zu%';`,
    },
    {
      label: `complaints (${z.complaints})`,
      sql: `
      SELECT setseed(0.13);
      CREATE TEMP TABLE zc AS
      SELECT n, 1 + n % ${S} AS s,
             ${start} + (random() * (${today} - ${start}))::int AS day,
             7.5 + random() * 11 AS hour,
             -- The tenant, spread over all of the site's tenants: n / S counts the site's own rows (n % S
             -- picks the site, so a tenant taken from n alone would repeat a handful per site).
             ((n / ${S})::bigint * 7919) % ${tenantsPerSite} AS t,
             random() AS r1, random() AS r2, random() AS r3
        FROM generate_series(1, ${z.complaints}) n;
      INSERT INTO "Complaint" (id, number, "requestId", "siteId", "tenantId", "unitId", "departmentId", source, category, severity,
             description, "receivedAt", "receivedById", state, round, "rectificationDueAt", "rectifiedAt", "revisitDueAt",
             "revisitedAt", "closedAt", "createdAt", "updatedAt")
      SELECT 'zc' || x.n,
             'Z' || lpad(x.s::text, 2, '0') || '-' || to_char(x.day, 'YYYYMMDD') || '-' ||
               lpad((row_number() OVER (PARTITION BY x.s, x.day ORDER BY x.n))::text, 3, '0'),
             'scale:' || x.n, ${siteId("x.s")}, ${tenantId("x.s", "x.t")}, ${unitId("x.s", "x.t")}, ${deptId("x.s", "x.n % 6")},
             (ARRAY['PHONE','VISIT','ONLINE','INSPECTION','OTHER'])[1 + x.n % 5]::"ComplaintSource",
             (ARRAY['CLEANING','REPAIR','SECURITY','CATERING','NOISE','PARKING','SERVICE','OTHER'])[1 + (x.n / 5) % 8]::"ComplaintCategory",
             CASE WHEN x.r3 < 0.15 THEN 'MAJOR' ELSE 'GENERAL' END::"ComplaintSeverity",
             (ARRAY['空调温度过高，多次反映未解决','卫生间地面湿滑','电梯厅照明损坏','快递堆放在消防通道','楼层噪音影响办公',
                    '停车位被占用','茶水间热水器不出热水','保洁不及时，垃圾未清运'])[1 + x.n % 8],
             x.rec, 'zu-scale.frontdesk', x.state::"ComplaintState", x.round, x.due,
             CASE WHEN x.state IN ('RECTIFIED','REVISITED','CLOSED') THEN x.fixed END,
             CASE WHEN x.state IN ('RECTIFIED','REVISITED','CLOSED') THEN x.fixed + interval '14 days' END,
             CASE WHEN x.state IN ('REVISITED','CLOSED') THEN x.visited END,
             CASE WHEN x.state = 'CLOSED' THEN x.visited END,
             x.rec, x.rec
        FROM (
          SELECT y.*, y.rec + CASE WHEN y.r3 < 0.15 THEN interval '1 day' ELSE interval '3 days' END AS due,
                 y.rec + (y.r2 * CASE WHEN y.r1 < 0.9 THEN 2.5 ELSE 6 END) * interval '1 day' AS fixed,
                 y.rec + (y.r2 * 6 + 3 + y.r1 * 12) * interval '1 day' AS visited,
                 CASE WHEN y.age > 30 THEN
                        CASE WHEN y.r1 < 0.004 THEN 'IN_RECTIFICATION' WHEN y.r1 < 0.008 THEN 'RECTIFIED' ELSE 'CLOSED' END
                      ELSE (ARRAY['RECEIVED','IN_RECTIFICATION','RECTIFIED','RECTIFIED','REVISITED','CLOSED','CLOSED'])[1 + floor(y.r1 * 7)::int] END AS state,
                 CASE WHEN y.r2 > 0.97 THEN 2 ELSE 1 END AS round
            FROM (SELECT zc.*, ${utcOf("zc.day", "zc.hour")} AS rec, ${today} - zc.day AS age FROM zc) y
        ) x
       -- A deadline or a revisit in the future of now cannot be done yet.
       ORDER BY x.s, x.day;
      UPDATE "Complaint" SET state = 'IN_RECTIFICATION', "rectifiedAt" = NULL, "revisitDueAt" = NULL, "revisitedAt" = NULL, "closedAt" = NULL
       WHERE id LIKE 'zc%' AND "rectifiedAt" > ${nowUtc};
      UPDATE "Complaint" SET state = 'RECTIFIED', "revisitedAt" = NULL, "closedAt" = NULL
       WHERE id LIKE 'zc%' AND "revisitedAt" > ${nowUtc};
      DROP TABLE zc;`,
    },
    {
      label: "rectifications and revisits",
      sql: `
      -- Earlier rounds of a reopened complaint: rectified, revisited unsatisfied.
      INSERT INTO "ComplaintRectification" (id, "complaintId", round, "dueAt", "startedAt", "startedById", "rectifiedAt", "rectifiedById", "actionTaken")
      SELECT 'zr1' || c.id, c.id, 1, c."receivedAt" + interval '3 days', c."receivedAt" + interval '2 hours', 'zu-scale.coordinator',
             c."receivedAt" + interval '2 days', 'zu-scale.coordinator', '已安排处理'
        FROM "Complaint" c WHERE c.id LIKE 'zc%' AND c.round = 2;
      INSERT INTO "ComplaintRevisit" (id, "complaintId", round, "dueAt", method, "revisitedAt", satisfaction, "clientName", comments, "byId", "createdAt")
      SELECT 'zv1' || c.id, c.id, 1, c."receivedAt" + interval '16 days', 'PHONE', c."receivedAt" + interval '4 days', 'UNSATISFIED',
             '业户代表', '问题仍未解决', 'zu-scale.coordinator', c."receivedAt" + interval '4 days'
        FROM "Complaint" c WHERE c.id LIKE 'zc%' AND c.round = 2;
      UPDATE "Complaint" SET "rectificationDueAt" = "receivedAt" + interval '7 days',
             "rectifiedAt" = CASE WHEN "rectifiedAt" IS NOT NULL THEN GREATEST("rectifiedAt", "receivedAt" + interval '5 days') END
       WHERE id LIKE 'zc%' AND round = 2;
      UPDATE "Complaint" SET "revisitDueAt" = "rectifiedAt" + interval '14 days',
             "revisitedAt" = CASE WHEN "revisitedAt" IS NOT NULL THEN GREATEST("revisitedAt", "rectifiedAt" + interval '1 day') END,
             "closedAt" = CASE WHEN "closedAt" IS NOT NULL THEN GREATEST("revisitedAt", "rectifiedAt" + interval '1 day') END
       WHERE id LIKE 'zc%' AND round = 2 AND "rectifiedAt" IS NOT NULL;
      -- The current round.
      INSERT INTO "ComplaintRectification" (id, "complaintId", round, "dueAt", "startedAt", "startedById", "rectifiedAt", "rectifiedById", "actionTaken")
      SELECT 'zr' || c.round || c.id, c.id, c.round, c."rectificationDueAt",
             CASE WHEN c.state <> 'RECEIVED' THEN c."receivedAt" + interval '1 hour' END,
             CASE WHEN c.state <> 'RECEIVED' THEN 'zu-scale.coordinator' END,
             c."rectifiedAt", CASE WHEN c."rectifiedAt" IS NOT NULL THEN 'zu-scale.coordinator' END,
             CASE WHEN c."rectifiedAt" IS NOT NULL THEN '已整改完毕，现场确认' END
        FROM "Complaint" c WHERE c.id LIKE 'zc%';
      INSERT INTO "ComplaintRevisit" (id, "complaintId", round, "dueAt", method, "revisitedAt", satisfaction, "clientName", "byId", "createdAt")
      SELECT 'zv' || c.round || c.id, c.id, c.round, c."revisitDueAt", 'PHONE', c."revisitedAt",
             CASE WHEN hashtext(c.id) % 5 = 0 THEN 'BASICALLY_SATISFIED' ELSE 'SATISFIED' END::"Satisfaction",
             '业户代表', 'zu-scale.coordinator', c."revisitedAt"
        FROM "Complaint" c WHERE c.id LIKE 'zc%' AND c.state IN ('REVISITED', 'CLOSED');`,
    },
    {
      label: "audit rows for complaint intake",
      sql: `
      INSERT INTO "AuditLog" (at, "actorId", "siteId", entity, "entityId", action, changes)
      SELECT c."createdAt", c."receivedById", c."siteId", 'Complaint', c.id, 'CREATE',
             jsonb_build_object('number', jsonb_build_object('after', c.number), 'state', jsonb_build_object('after', 'RECEIVED'))
        FROM "Complaint" c WHERE c.id LIKE 'zc%' ORDER BY c."createdAt";`,
    },
    {
      label: `areas (${areasPerSite}/site) and inspection rounds`,
      sql: `
      INSERT INTO "Area" (id, "siteId", name, type, building, floor, "updatedAt")
      SELECT 'za' || lpad(s::text, 3, '0') || '-' || a, ${siteId("s")},
             CASE WHEN a = 0 THEN '大堂' WHEN a = 1 THEN '商铺' || s ELSE (1 + (a - 2) / 2) || '层' || CASE WHEN a % 2 = 0 THEN '公共区域' ELSE '卫生间' END END,
             CASE WHEN a = 0 THEN 'LOBBY' WHEN a = 1 THEN 'COMMERCIAL_OUTLET' WHEN a % 2 = 0 THEN 'FLOOR' ELSE 'RESTROOM' END::"AreaType",
             'A座', CASE WHEN a < 2 THEN '1F' ELSE (1 + (a - 2) / 2) || 'F' END, ${nowUtc}
        FROM generate_series(1, ${S}) s, generate_series(0, ${areasPerSite - 1}) a;
      CREATE TEMP TABLE zday AS
      SELECT d::date AS day FROM generate_series(${start}, ${today} - 1, interval '1 day') d WHERE extract(isodow FROM d) < 6;
      INSERT INTO "Inspection" (id, "requestId", "siteId", "areaId", "templateId", "periodKey", "supervisorId", "checkedAt", failures)
      SELECT 'zi' || a.id || to_char(d.day, 'YYYYMMDD') || slot, 'scale:' || a.id || ':' || d.day || '#' || slot, a."siteId", a.id, t.id,
             to_char(d.day, 'YYYY-MM-DD') || '#' || slot, 'zu-scale.supervisor',
             ${utcOf("d.day", "CASE WHEN slot = 1 THEN 9.5 ELSE 14.5 END")}, 0
        FROM "Area" a
        JOIN "ChecklistTemplate" t ON t."areaType" = a.type AND t.current
        CROSS JOIN zday d CROSS JOIN generate_series(1, 2) slot
       WHERE a.id LIKE 'za%' AND a.type <> 'COMMERCIAL_OUTLET' AND ${frac("a.id || d.day || slot")} < 0.93;
      -- Outlets are checked once a month (periodKey YYYY-MM).
      INSERT INTO "Inspection" (id, "requestId", "siteId", "areaId", "templateId", "periodKey", "supervisorId", "checkedAt", failures)
      SELECT 'zi' || a.id || to_char(m, 'YYYYMM'), 'scale:' || a.id || ':' || to_char(m, 'YYYY-MM'), a."siteId", a.id, t.id,
             to_char(m, 'YYYY-MM'), 'zu-scale.supervisor', ${utcOf("m::date + 9", "10")}, 0
        FROM "Area" a JOIN "ChecklistTemplate" t ON t."areaType" = a.type AND t.current
        CROSS JOIN generate_series(date_trunc('month', ${start}::timestamp), date_trunc('month', ${today}::timestamp) - interval '1 month', interval '1 month') m
       WHERE a.id LIKE 'za%' AND a.type = 'COMMERCIAL_OUTLET';
      DROP TABLE zday;
      INSERT INTO "InspectionResult" (id, "inspectionId", "itemId", result, note)
      SELECT i.id || '-' || it.position, i.id, it.id,
             CASE WHEN ${frac("i.id || it.position")} < 0.03 THEN 'FAIL' ELSE 'PASS' END::"CheckResult",
             CASE WHEN ${frac("i.id || it.position")} < 0.03 THEN '现场发现问题，已通知整改' END
        FROM "Inspection" i JOIN "ChecklistItem" it ON it."templateId" = i."templateId"
       WHERE i.id LIKE 'zi%';
      UPDATE "Inspection" i SET failures = f.n
        FROM (SELECT "inspectionId", count(*) n FROM "InspectionResult" WHERE result = 'FAIL' AND id LIKE 'zi%' GROUP BY 1) f
       WHERE f."inspectionId" = i.id;
      -- R-INS-5: an equipment failure opens a work order; all but the recent ones are verified.
      INSERT INTO "WorkOrder" (id, number, "siteId", "areaId", "resultId", description, state, "createdById", "createdAt", "fixedAt", "fixedById",
             "verifiedAt", "verifiedById", "updatedAt")
      SELECT 'zw' || r.id, 'WO-' || r.id, i."siteId", i."areaId", r.id, '设备损坏：' || it.label,
             CASE WHEN i."checkedAt" > ${nowUtc} - interval '5 days' THEN 'OPEN' ELSE 'VERIFIED' END::"WorkOrderState",
             i."supervisorId", i."checkedAt",
             CASE WHEN i."checkedAt" <= ${nowUtc} - interval '5 days' THEN i."checkedAt" + interval '1 day' END,
             CASE WHEN i."checkedAt" <= ${nowUtc} - interval '5 days' THEN 'zu-scale.coordinator' END,
             CASE WHEN i."checkedAt" <= ${nowUtc} - interval '5 days' THEN i."checkedAt" + interval '2 days' END,
             CASE WHEN i."checkedAt" <= ${nowUtc} - interval '5 days' THEN 'zu-scale.supervisor' END, i."checkedAt"
        FROM "InspectionResult" r JOIN "ChecklistItem" it ON it.id = r."itemId" JOIN "Inspection" i ON i.id = r."inspectionId"
       WHERE r.id LIKE 'zi%' AND r.result = 'FAIL' AND it.equipment;`,
    },
    {
      label: `goods passes (${z.goodsPasses})`,
      sql: `
      INSERT INTO "LoadingRoute" (id, "siteId", name)
      SELECT 'zl' || lpad(s::text, 3, '0') || '-' || r, ${siteId("s")}, (ARRAY['1号货梯','2号货梯','地库装卸平台'])[r]
        FROM generate_series(1, ${S}) s, generate_series(1, 3) r;
      SELECT setseed(0.29);
      CREATE TEMP TABLE zg AS
      SELECT n, 1 + n % ${S} AS s, ${start} + (random() * (${today} + 2 - ${start}))::int AS day, 8 + floor(random() * 10) AS hour,
             ((n / ${S})::bigint * 104729) % ${tenantsPerSite} AS t, random() AS r1
        FROM generate_series(1, ${z.goodsPasses}) n;
      INSERT INTO "GoodsPass" (id, "requestId", "siteId", "tenantId", "unitId", direction, "carrierName", "carrierIdLast4", "routeId",
             "windowStart", "windowEnd", "authorization", state, number, "approvedById", "approvedAt", "rejectedById", "rejectedAt",
             "rejectedReason", "releasedById", "releasedAt", "createdById", "createdAt", "updatedAt")
      SELECT 'zg' || g.n, 'scale:gp:' || g.n, ${siteId("g.s")}, ${tenantId("g.s", "g.t")}, ${unitId("g.s", "g.t")},
             CASE WHEN g.n % 3 = 0 THEN 'IN' ELSE 'OUT' END::"GoodsDirection",
             (ARRAY['王师傅','李师傅','张师傅','刘师傅'])[1 + g.n % 4], lpad((g.n % 10000)::text, 4, '0'),
             'zl' || lpad(g.s::text, 3, '0') || '-' || (1 + g.n % 3), g.ws, g.ws + interval '1 hour',
             CASE WHEN g.state <> 'PENDING' THEN 'SEAL' END::"PassAuthorization", g.state::"GoodsPassState",
             CASE WHEN g.state IN ('APPROVED','RELEASED') THEN 'Z' || lpad(g.s::text, 2, '0') || '-' || to_char(g.day, 'YYYYMMDD') || '-' || g.n END,
             CASE WHEN g.state IN ('APPROVED','RELEASED') THEN 'zu-scale.frontdesk' END,
             CASE WHEN g.state IN ('APPROVED','RELEASED') THEN g.ws - interval '20 hours' END,
             CASE WHEN g.state = 'REJECTED' THEN 'zu-scale.frontdesk' END,
             CASE WHEN g.state = 'REJECTED' THEN g.ws - interval '20 hours' END,
             CASE WHEN g.state = 'REJECTED' THEN '未加盖公章' END,
             CASE WHEN g.state = 'RELEASED' THEN 'zu-scale.frontdesk' END,
             CASE WHEN g.state = 'RELEASED' THEN g.ws + interval '10 minutes' END,
             'zu-scale.frontdesk', g.ws - interval '1 day', g.ws - interval '1 day'
        FROM (SELECT zg.*, ${utcOf("zg.day", "zg.hour")} AS ws,
                     CASE WHEN zg.day >= ${today} THEN (CASE WHEN zg.r1 < 0.5 THEN 'PENDING' ELSE 'APPROVED' END)
                          WHEN zg.r1 < 0.04 THEN 'REJECTED' WHEN zg.r1 < 0.07 THEN 'APPROVED' ELSE 'RELEASED' END AS state
                FROM zg) g;
      DROP TABLE zg;
      INSERT INTO "GoodsPassItem" (id, "passId", position, name, quantity, unit)
      SELECT p.id || '-' || k, p.id, k, (ARRAY['办公桌','文件柜','电脑主机','打印机','纸箱'])[1 + (k + length(p.id)) % 5], 1 + k, '件'
        FROM "GoodsPass" p CROSS JOIN generate_series(0, 1) k WHERE p.id LIKE 'zg%';`,
    },
    {
      label: "newspapers (titles, subscriptions, days)",
      sql: `
      INSERT INTO "StoredFile" (id, "siteId", kind, "contentType", size, sha256, "storageKey", "uploadedById")
      SELECT 'zf' || lpad(s::text, 3, '0'), ${siteId("s")}, 'SIGNATURE', 'image/png', 68, repeat('0', 64), 'scale/signature.png', 'zu-scale.frontdesk'
        FROM generate_series(1, ${S}) s;
      INSERT INTO "NewspaperTitle" (id, "siteId", name, publisher)
      SELECT 'zn' || lpad(s::text, 3, '0') || '-' || k, ${siteId("s")}, (ARRAY['人民日报','经济日报','参考消息'])[k], '报社'
        FROM generate_series(1, ${S}) s, generate_series(1, 3) k;
      INSERT INTO "NewspaperSubscription" (id, "siteId", "titleId", "tenantId", "unitId", copies, "startsOn", "createdById", "updatedAt")
      SELECT 'zb' || lpad(s::text, 3, '0') || '-' || t, ${siteId("s")}, 'zn' || lpad(s::text, 3, '0') || '-' || (1 + t % 3),
             ${tenantId("s", "t")}, ${unitId("s", "t")}, 1 + t % 2, ${start}, 'zu-scale.frontdesk', ${nowUtc}
        FROM generate_series(1, ${S}) s, generate_series(0, ${Math.min(tenantsPerSite, 12) - 1}) t;
      INSERT INTO "NewspaperDay" (id, "requestId", "siteId", date, "courierName", "receivedById", "receivedAt", "receiptSignatureFileId",
             "handedOverAt", "handedOverById", "deliveryStaffName", "closedAt", "closedById")
      SELECT 'zp' || lpad(s::text, 3, '0') || to_char(d, 'YYYYMMDD'), 'scale:np:' || s || ':' || d::date, ${siteId("s")}, d::date, '邮递员',
             'zu-scale.frontdesk', ${utcOf("d::date", "8.5")}, 'zf' || lpad(s::text, 3, '0'),
             ${utcOf("d::date", "9")}, 'zu-scale.frontdesk', '送报员', ${utcOf("d::date", "11")}, 'zu-scale.frontdesk'
        FROM generate_series(1, ${S}) s, generate_series(${start}, ${today} - 1, interval '1 day') d WHERE extract(isodow FROM d) < 6;
      INSERT INTO "NewspaperReceiptLine" (id, "dayId", "titleId", received, expected)
      SELECT d.id || '-' || ti.id, d.id, ti.id, x.copies, x.copies
        FROM "NewspaperDay" d JOIN "NewspaperTitle" ti ON ti."siteId" = d."siteId"
        JOIN LATERAL (SELECT sum(copies)::int AS copies FROM "NewspaperSubscription" b WHERE b."titleId" = ti.id) x ON true
       WHERE d.id LIKE 'zp%';
      INSERT INTO "NewspaperDelivery" (id, "dayId", "siteId", "subscriptionId", "titleId", "tenantId", "unitId", copies, state,
             "deliveredAt", "deliveredById", "recipientName")
      SELECT d.id || b.id, d.id, d."siteId", b.id, b."titleId", b."tenantId", b."unitId", b.copies, 'DELIVERED',
             d."handedOverAt" + interval '30 minutes', 'zu-scale.frontdesk', '业户前台'
        FROM "NewspaperDay" d JOIN "NewspaperSubscription" b ON b."siteId" = d."siteId" WHERE d.id LIKE 'zp%';`,
    },
    {
      label: "vacant units (cleaners, monthly records)",
      sql: `
      INSERT INTO "Cleaner" (id, "siteId", name, company)
      SELECT 'zq' || lpad(s::text, 3, '0') || '-' || k, ${siteId("s")}, (ARRAY['周阿姨','吴阿姨','郑师傅'])[k], '洁美保洁'
        FROM generate_series(1, ${S}) s, generate_series(1, 3) k;
      UPDATE "Unit" SET "cleanerId" = 'zq' || substr(id, 3, 3) || '-' || (1 + abs(hashtext(id)) % 3) WHERE id LIKE 'zu%' AND status = 'VACANT';
      INSERT INTO "VacantCleaningRecord" (id, "requestId", "siteId", "unitId", month, "cleanedOn", "cleanerId", state, "createdById",
             "createdAt", "updatedAt", "verifiedById", "verifiedAt")
      SELECT 'zy' || u.id || to_char(m, 'YYYYMM'), 'scale:vac:' || u.id || ':' || to_char(m, 'YYYY-MM'), u."siteId", u.id, to_char(m, 'YYYY-MM'),
             (m + interval '14 days')::date, u."cleanerId", 'VERIFIED', 'zu-scale.supervisor',
             ${utcOf("(m + interval '14 days')::date", "15")}, ${utcOf("(m + interval '15 days')::date", "10")},
             'zu-scale.supervisor', ${utcOf("(m + interval '15 days')::date", "10")}
        FROM "Unit" u CROSS JOIN generate_series(date_trunc('month', ${start}::timestamp), date_trunc('month', ${today}::timestamp) - interval '1 month', interval '1 month') m
       WHERE u.id LIKE 'zu%' AND u.status = 'VACANT';
      INSERT INTO "VacantCleaningCheck" (id, "recordId", item, result)
      SELECT r.id || '-' || i, r.id, i::"VacantCheckItem", 'PASS'
        FROM "VacantCleaningRecord" r CROSS JOIN unnest(ARRAY['FLOOR','WALLS','EQUIPMENT','DOORS_WINDOWS']) i WHERE r.id LIKE 'zy%';`,
    },
    {
      label: "weekly meetings",
      sql: `
      INSERT INTO "MeetingSeries" (id, "siteId", kind, name, "convenerId", "minuteTakerId", weekday, "startTime", place, "startsOn")
      SELECT 'zm' || lpad(s::text, 3, '0') || '-' || k, ${siteId("s")}, k::"MeetingKind",
             CASE k WHEN 'DEPARTMENT' THEN '客务部周例会' WHEN 'CLEANING' THEN '保洁周例会' ELSE '餐饮周例会' END,
             'zu-scale.manager', 'zu-scale.clerk', CASE k WHEN 'DEPARTMENT' THEN 1 WHEN 'CLEANING' THEN 2 ELSE 3 END, '09:00', '三楼会议室', ${start}
        FROM generate_series(1, ${S}) s, unnest(ARRAY['DEPARTMENT','CLEANING','CANTEEN']) k;
      INSERT INTO "MeetingParticipant" (id, "seriesId", "userId", name, position)
      SELECT m.id || '-' || p.u, m.id, 'zu-' || p.u, p.name, p.pos
        FROM "MeetingSeries" m, (VALUES ('scale.manager', '规模经理', '项目经理'), ('scale.clerk', '规模内勤', '内勤'),
                                        ('scale.supervisor', '规模保洁主管', '主管'), ('scale.coordinator', '规模协调主管', '主管')) p(u, name, pos)
       WHERE m.id LIKE 'zm%';
      INSERT INTO "Meeting" (id, "requestId", "seriesId", "siteId", date, "startsAt", place, state, "lastWeekReview", "nextWeekPlan",
             assignments, "createdById", "createdAt", "updatedAt", "confirmedAt", "confirmedById")
      SELECT m.id || to_char(w, 'YYYYMMDD'), 'scale:mtg:' || m.id || ':' || w::date, m.id, m."siteId", (w + (m.weekday - 1) * interval '1 day')::date,
             ${utcOf("(w + (m.weekday - 1) * interval '1 day')::date", "9")}, m.place, 'CONFIRMED', '上周工作回顾：各项工作按计划完成。',
             '下周工作计划：继续做好日常巡查。', '无', 'zu-scale.clerk', ${utcOf("(w + (m.weekday - 1) * interval '1 day')::date", "10")},
             ${utcOf("(w + (m.weekday - 1) * interval '1 day')::date", "11")}, ${utcOf("(w + (m.weekday - 1) * interval '1 day')::date", "11")}, 'zu-scale.manager'
        FROM "MeetingSeries" m
        CROSS JOIN generate_series(date_trunc('week', ${start}::timestamp) + interval '1 week', date_trunc('week', ${today}::timestamp) - interval '1 week', interval '1 week') w
       WHERE m.id LIKE 'zm%' AND ${frac("m.id || w")} < 0.95;
      INSERT INTO "MeetingAttendance" (id, "meetingId", "participantId", status, "recordedById", "recordedAt")
      SELECT g.id || '-' || p.id, g.id, p.id, CASE WHEN ${frac("g.id || p.id")} < 0.05 THEN 'LATE' ELSE 'PRESENT' END::"AttendanceStatus",
             'zu-scale.clerk', g."startsAt"
        FROM "Meeting" g JOIN "MeetingParticipant" p ON p."seriesId" = g."seriesId" WHERE g.id LIKE 'zm%';`,
    },
  ];
}
