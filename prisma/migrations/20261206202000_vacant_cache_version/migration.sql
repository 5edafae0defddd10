-- The vacant-unit scores kept in memory (lib/vacant-units/queries.ts scoresBySite, on
-- lib/cache-version.ts versionedMemo): every write that can change a score or the month view's count of
-- units without a cleaner bumps the 'vacant' row of "CacheVersion" in its own transaction, so the next
-- view of every app instance counts again (R-VAC-1..3). One bump per statement.
CREATE TRIGGER "Unit_vacant_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Unit"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('vacant');

CREATE TRIGGER "UnitStatusChange_vacant_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "UnitStatusChange"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('vacant');

CREATE TRIGGER "VacantCleaningRecord_vacant_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "VacantCleaningRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('vacant');

CREATE TRIGGER "VacantCleaningCheck_vacant_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "VacantCleaningCheck"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('vacant');
