import { notFound } from "next/navigation";
import { PassSheet } from "@/components/goods-passes/pass-print";
import { requirePagePermission } from "@/lib/auth/guard";
import { getPassSheet } from "@/lib/goods-passes/gate.queries";

/** 《携物出入门证》 printed in duplicate (R-GP-1) on one A4 landscape page: stub and gate copy. */
export default async function GoodsPassPrint({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("goodspass:read");
  const { id } = await params;
  const pass = await getPassSheet(id);
  if (!pass) notFound();
  return <PassSheet pass={pass} />;
}
