-- One trigger function for every in-memory cache (lib/cache-version.ts): the trigger names the
-- "CacheVersion" row it bumps, in the writing transaction, whoever writes. The value only grows (at
-- least the transaction's clock in microseconds), also after a TRUNCATE of the table. The calendar
-- triggers of migration cache_version move to it; their own function goes.
CREATE FUNCTION kewu_bump_cache_version() RETURNS trigger AS $$
DECLARE
  now_us BIGINT := (extract(epoch FROM clock_timestamp()) * 1000000)::BIGINT;
BEGIN
  INSERT INTO "CacheVersion" (id, version) VALUES (TG_ARGV[0], now_us)
  ON CONFLICT (id) DO UPDATE SET version = GREATEST("CacheVersion".version + 1, now_us);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER "CalendarOverride_calendar_version" ON "CalendarOverride";
CREATE TRIGGER "CalendarOverride_calendar_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CalendarOverride"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('calendar');

DROP TRIGGER "OfficialCalendarYear_calendar_version" ON "OfficialCalendarYear";
CREATE TRIGGER "OfficialCalendarYear_calendar_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OfficialCalendarYear"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('calendar');

DROP TRIGGER "OfficialCalendarDay_calendar_version" ON "OfficialCalendarDay";
CREATE TRIGGER "OfficialCalendarDay_calendar_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OfficialCalendarDay"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('calendar');

-- A site's time zone is part of its calendar; sites change rarely, so any update counts.
DROP TRIGGER "Site_calendar_version" ON "Site";
CREATE TRIGGER "Site_calendar_version"
  AFTER UPDATE OR DELETE OR TRUNCATE ON "Site"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('calendar');

DROP FUNCTION kewu_bump_calendar_version();

-- The site rows pages read on every request (lib/registry/site.store.ts: names, time zone, the
-- inspection slots of R-INS-1): a new site too, since the store keeps the list of all sites.
CREATE TRIGGER "Site_site_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Site"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('site');
