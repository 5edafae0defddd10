/**
 * Seeds the demo data: `DATABASE_URL=postgresql://… tsx prisma/seed.ts`
 * Safe to run more than once (see prisma/seed/index.ts). Prints what the database now holds and the
 * demo logins.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { accountsBlockingDemoSeed } from "./seed/guard";
import { DEMO_PASSWORD, DEMO_USERS, SITES, seed } from "./seed/index";

/** Terminal columns of a string: CJK and full-width characters take two. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function table(header: string[], rows: string[][]): string {
  const cols = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + " ".repeat(cols[i] - width(c)))
      .join("  ")
      .trimEnd();
  return [line(header), cols.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

async function summary(db: PrismaClient): Promise<string> {
  const sites = await db.site.findMany({
    where: { code: { in: SITES.map((s) => s.code) } },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      _count: { select: { areas: true, units: true, tenants: true, departments: true, users: true } },
    },
  });
  const unitStatus = await db.unit.groupBy({ by: ["siteId", "status"], _count: { _all: true } });
  const contacts = await db.tenantContact.groupBy({ by: ["tenantId"], _count: { _all: true } });
  const tenantSite = new Map((await db.tenant.findMany({ select: { id: true, siteId: true } })).map((t) => [t.id, t.siteId]));
  const rows = sites.map((s) => {
    const st = (status: string) => String(unitStatus.find((u) => u.siteId === s.id && u.status === status)?._count._all ?? 0);
    const c = contacts.filter((x) => tenantSite.get(x.tenantId) === s.id).reduce((n, x) => n + x._count._all, 0);
    return [
      `${s.code} ${s.name}`,
      String(s._count.areas),
      `${s._count.units} (${st("OCCUPIED")}/${st("VACANT")}/${st("RENOVATION")})`,
      String(s._count.tenants),
      String(c),
      String(s._count.departments),
      String(s._count.users),
    ];
  });
  return table(
    ["项目 Site", "区域 Areas", "单元 Units (在租/空置/装修 occ/vac/reno)", "业户 Tenants", "联系人 Contacts", "部门 Depts", "人员 Staff"],
    rows,
  );
}

function logins(): string {
  const allSites = SITES.map((s) => `${s.code} ${s.name}`).join(", ");
  return table(
    ["用户名 Username", "角色 Role", "职务 Title", "初始密码 Password", "项目 Sites"],
    DEMO_USERS.map((u) => [
      u.username,
      u.duty ? `${u.role} (${u.duty})` : u.role,
      `${u.title} ${u.name}`,
      DEMO_PASSWORD,
      u.siteCodes ? u.siteCodes.map((code) => `${code} ${SITES.find((s) => s.code === code)?.name ?? ""}`.trim()).join(", ") : allSites,
    ]),
  );
}

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("DATABASE_URL is not set. 请设置 DATABASE_URL，例如 postgresql://postgres@127.0.0.1:5432/kewu");
    process.exitCode = 1;
    return;
  }
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    const blocking = await accountsBlockingDemoSeed(db);
    if (blocking.length > 0) {
      console.error(
        `此数据库已有非演示账号（${blocking.slice(0, 5).join("、")}${blocking.length > 5 ? " …" : ""}），演示数据不会写入。\n` +
          "This database holds accounts that are not demo accounts: the demo seed refuses to run on it " +
          "(it would add accounts with a published password). Use an empty database for the demo; run Kewu for real with `npm run serve`.",
      );
      process.exitCode = 1;
      return;
    }
    const started = performance.now();
    await seed(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`\n演示数据已就绪 Demo data ready (${seconds} s)\n`);
    console.log(await summary(db));
    console.log("\n演示账号 Demo logins\n");
    console.log(logins());
    console.log(
      "\n已存在的账号不会被修改，其密码保持用户自行设置的值。Existing accounts are left untouched: a password changed since the first run stays changed.\n",
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error("种子数据写入失败 Seeding failed:", err);
  process.exitCode = 1;
});
