import { getTranslations } from "next-intl/server";
import { ModuleNav } from "@/components/ui/module-nav";

const LINKS = [
  ["today", "/newspapers"],
  ["days", "/newspapers/days"],
  ["titles", "/newspapers/titles"],
  ["subscriptions", "/newspapers/subscriptions"],
  ["report", "/newspapers/report"],
] as const;

/** The module's own tabs and, for a user of several sites, the site switch (kept in `?site=`). */
export async function NewspaperNav(props: { current: (typeof LINKS)[number][0]; sites: { id: string; name: string }[]; siteId?: string }) {
  const t = await getTranslations("newspapers");
  return (
    <ModuleNav
      label={t("title")}
      siteLabel={t("site")}
      links={LINKS.map(([key, href]) => ({ key, href, label: t(`links.${key}`) }))}
      current={props.current}
      sites={props.sites}
      siteId={props.siteId}
    />
  );
}
