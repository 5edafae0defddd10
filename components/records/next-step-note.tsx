import { getTranslations } from "next-intl/server";
import { nextStepText, type NextStep } from "@/lib/next-step/rules";

/** One line under a record's "next step" heading: what happens next and who does it. */
export async function NextStepNote({ next, person }: { next: NextStep; person?: string | null }) {
  const t = await getTranslations();
  return (
    <p className="mb-2 text-sm text-slate-700" data-testid="next-step-who">
      {nextStepText(next, (key, values) => t(key as never, values as never), person)}
    </p>
  );
}
