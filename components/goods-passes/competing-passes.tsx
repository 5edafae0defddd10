import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { competingPasses } from "@/lib/goods-passes/competing.queries";

/** R-GP-5: other unstamped passes for an overlapping window on the same route, shown before stamping. */
export async function CompetingPasses({ passId }: { passId: string }) {
  const [t, competing] = await Promise.all([getTranslations("gate.stamp"), competingPasses(passId)]);
  if (competing.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="competing-passes"
      className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
    >
      <p className="font-medium">{t("competing", { count: competing.length })}</p>
      <ul className="mt-1 flex flex-col gap-1">
        {competing.map((c) => (
          <li key={c.id}>
            <Link href={`/goods-passes/${c.id}`} className="text-sky-700 underline">
              {c.tenant} · {c.unit} · {c.window}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
