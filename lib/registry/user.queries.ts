import "server-only";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { paged, type PageRequest } from "@/lib/pagination";
import { containsText } from "@/lib/text-search";

export async function listUsers(filter: { q?: string }, page: PageRequest) {
  await requirePermission("user:manage");
  const where: Prisma.UserWhereInput = filter.q ? { OR: [{ username: containsText(filter.q) }, { name: { contains: filter.q } }] } : {};
  const [rows, total] = await db.$transaction([
    db.user.findMany({
      where,
      select: {
        id: true,
        username: true,
        name: true,
        role: true,
        duty: true,
        disabled: true,
        sites: { select: { site: { select: { code: true } } } },
      },
      orderBy: { username: "asc" },
      skip: page.skip,
      take: page.take,
    }),
    db.user.count({ where }),
  ]);
  return paged(rows, total, page);
}

export async function getUser(id: string) {
  await requirePermission("user:manage");
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      username: true,
      name: true,
      email: true,
      role: true,
      duty: true,
      disabled: true,
      sites: { select: { siteId: true } },
    },
  });
  return user ? { ...user, siteIds: user.sites.map((s) => s.siteId) } : null;
}

export async function allSites() {
  await requirePermission("user:manage");
  return db.site.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
}
