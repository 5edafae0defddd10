-- CreateTable
CREATE TABLE "CacheVersion" (
    "id" VARCHAR(32) NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "CacheVersion_pkey" PRIMARY KEY ("id")
);

-- Any write to what a calendar is built from (R-CAL-1..2) bumps the "calendar" version in the same
-- transaction, whoever writes (the app, the seed, a script). The value only grows, also after a
-- TRUNCATE of this table: instances compare it with the version their cached calendars were read at.
CREATE FUNCTION kewu_bump_calendar_version() RETURNS trigger AS $$
DECLARE
  now_us BIGINT := (extract(epoch FROM clock_timestamp()) * 1000000)::BIGINT;
BEGIN
  INSERT INTO "CacheVersion" (id, version) VALUES ('calendar', now_us)
  ON CONFLICT (id) DO UPDATE SET version = GREATEST("CacheVersion".version + 1, now_us);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CalendarOverride_calendar_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CalendarOverride"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_calendar_version();

CREATE TRIGGER "OfficialCalendarYear_calendar_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OfficialCalendarYear"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_calendar_version();

CREATE TRIGGER "OfficialCalendarDay_calendar_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OfficialCalendarDay"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_calendar_version();

-- A site's time zone is part of its calendar; sites change rarely, so any update counts.
CREATE TRIGGER "Site_calendar_version"
  AFTER UPDATE OR DELETE OR TRUNCATE ON "Site"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_calendar_version();
