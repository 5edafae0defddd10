-- The deadline export's files kept in memory (lib/complaints/dashboard-export.ts, on lib/cache-version.ts
-- versionedMemo): besides the complaints ('complaint'), the file has the survey opinions' deadlines
-- (R-SUR-1..3, with their rounds' titles) and the special services' phone revisits (R-SVC-2). Every write
-- to those bumps the 'survey' or 'service' row of "CacheVersion" in its own transaction, so the next
-- export of every app instance is made again. One bump per statement.
CREATE TRIGGER "SurveyOpinionItem_survey_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SurveyOpinionItem"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('survey');

CREATE TRIGGER "SurveyRound_survey_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SurveyRound"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('survey');

CREATE TRIGGER "SpecialServiceOrder_service_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SpecialServiceOrder"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('service');
