// The pages the bench drives, each signed in with the role that uses it (accounts of seed:scale).
import type pg from "pg";

export interface BenchPage {
  name: string;
  path: string;
  user: string;
  /** A file download (the Excel export): not weighed as a page. */
  download?: boolean;
}

/** Reads the ids the paths need (a complaint, a pass number, a newspaper day) from the database. */
export async function benchPages(db: pg.Client): Promise<{ password: string; pages: BenchPage[] }> {
  const one = async (sql: string) => (await db.query(sql)).rows[0] ?? {};
  const site = await one(`SELECT id FROM "Site" WHERE code = 'Z01'`);
  const complaint = await one(`SELECT id FROM "Complaint" WHERE "siteId" = '${site.id}' ORDER BY "receivedAt" DESC OFFSET 30 LIMIT 1`);
  const tenant = await one(`SELECT name FROM "Tenant" WHERE "siteId" = '${site.id}' ORDER BY name OFFSET 7 LIMIT 1`);
  const pass = await one(
    `SELECT number FROM "GoodsPass" WHERE "siteId" = '${site.id}' AND state = 'APPROVED' ORDER BY "windowStart" DESC LIMIT 1`,
  );
  const day = await one(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM "NewspaperDay" WHERE "siteId" = '${site.id}' ORDER BY date DESC LIMIT 1`,
  );
  const month = new Date().toISOString().slice(0, 7);
  // A search term as a person types it: the first four characters of a tenant's name.
  const q = encodeURIComponent(String(tenant.name ?? "华盛").slice(0, 4));
  return {
    password: "Kewu@2026",
    pages: [
      { name: "dashboard", path: "/dashboard", user: "scale.manager" },
      { name: "complaints", path: "/complaints", user: "scale.manager" },
      { name: "complaints filtered", path: `/complaints?site=${site.id}&state=RECTIFIED`, user: "scale.manager" },
      { name: "complaints search", path: `/complaints?q=${q}`, user: "scale.manager" },
      { name: "complaint", path: `/complaints/${complaint.id}`, user: "scale.manager" },
      { name: "supervisor today", path: "/inspections", user: "scale.supervisor" },
      { name: "compliance day", path: `/inspections/compliance?site=${site.id}`, user: "scale.manager" },
      { name: "compliance month", path: `/inspections/compliance?site=${site.id}&period=month`, user: "scale.manager" },
      { name: "goods passes", path: "/goods-passes", user: "scale.manager" },
      { name: "gate lookup", path: `/gate?q=${encodeURIComponent(pass.number ?? "")}`, user: "scale.frontdesk" },
      { name: "newspaper day", path: `/newspapers/days/${day.date}?site=${site.id}`, user: "scale.frontdesk" },
      { name: "vacant units", path: `/vacant-units?site=${site.id}&month=${month}`, user: "scale.manager" },
      { name: "meetings", path: "/meetings", user: "scale.manager" },
      { name: "meeting compliance", path: "/meetings/compliance", user: "scale.manager" },
      { name: "audit trail", path: "/audit", user: "scale.admin" },
      // The later modules' main lists (issues 17, 18): answered on the same data, whatever it holds of them.
      { name: "special services", path: "/special-services", user: "scale.manager" },
      { name: "surveys", path: "/surveys", user: "scale.manager" },
      { name: "canteen", path: `/contractors/canteen?site=${site.id}`, user: "scale.manager" },
      { name: "found items", path: "/found-items", user: "scale.manager" },
      { name: "waste", path: "/waste", user: "scale.manager" },
      { name: "excel export", path: "/dashboard/export", user: "scale.manager", download: true },
    ],
  };
}
