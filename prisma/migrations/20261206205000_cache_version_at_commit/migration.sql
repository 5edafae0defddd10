-- The versions of the figures kept in memory (lib/cache-version.ts versionedMemo, decision 026) are
-- bumped at commit instead of at the statement. A statement-level trigger updated the "CacheVersion" row
-- when the transaction wrote its first row and held the row's lock until commit: concurrent writers of
-- one kind (complaint intakes, attendance records, cleaning records) queued on it for the rest of their
-- transactions (the bench's p99 of those forms rose by half). A deferred constraint trigger fires just
-- before commit, so the lock is held for the commit alone. It is row-level (PostgreSQL defers only those):
-- the first row bumps the version and marks the transaction (a transaction-local setting), the others
-- return at once. TRUNCATE has no row-level trigger: it keeps its statement-level one.
-- The bump itself, one place for both trigger functions: the value only grows (at least the clock in
-- microseconds), also after a TRUNCATE of the table.
CREATE FUNCTION kewu_set_cache_version(cache_id TEXT) RETURNS void AS $$
DECLARE
  now_us BIGINT := (extract(epoch FROM clock_timestamp()) * 1000000)::BIGINT;
BEGIN
  INSERT INTO "CacheVersion" (id, version) VALUES (cache_id, now_us)
  ON CONFLICT (id) DO UPDATE SET version = GREATEST("CacheVersion".version + 1, now_us);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION kewu_bump_cache_version() RETURNS trigger AS $$
BEGIN
  PERFORM kewu_set_cache_version(TG_ARGV[0]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION kewu_bump_cache_version_at_commit() RETURNS trigger AS $$
BEGIN
  IF current_setting('kewu.bumped_' || TG_ARGV[0], true) = '1' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('kewu.bumped_' || TG_ARGV[0], '1', true);
  PERFORM kewu_set_cache_version(TG_ARGV[0]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER "Complaint_complaint_version" ON "Complaint";
CREATE CONSTRAINT TRIGGER "Complaint_complaint_version"
  AFTER INSERT OR UPDATE OR DELETE ON "Complaint"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('complaint');
CREATE TRIGGER "Complaint_complaint_version_truncate"
  AFTER TRUNCATE ON "Complaint"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');

DROP TRIGGER "ComplaintRectification_complaint_version" ON "ComplaintRectification";
CREATE CONSTRAINT TRIGGER "ComplaintRectification_complaint_version"
  AFTER INSERT OR UPDATE OR DELETE ON "ComplaintRectification"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('complaint');
CREATE TRIGGER "ComplaintRectification_complaint_version_truncate"
  AFTER TRUNCATE ON "ComplaintRectification"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');

DROP TRIGGER "ComplaintRevisit_complaint_version" ON "ComplaintRevisit";
CREATE CONSTRAINT TRIGGER "ComplaintRevisit_complaint_version"
  AFTER INSERT OR UPDATE OR DELETE ON "ComplaintRevisit"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('complaint');
CREATE TRIGGER "ComplaintRevisit_complaint_version_truncate"
  AFTER TRUNCATE ON "ComplaintRevisit"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');

DROP TRIGGER "Tenant_complaint_version" ON "Tenant";
CREATE CONSTRAINT TRIGGER "Tenant_complaint_version"
  AFTER UPDATE OF name OR DELETE ON "Tenant"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('complaint');
CREATE TRIGGER "Tenant_complaint_version_truncate"
  AFTER TRUNCATE ON "Tenant"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');

DROP TRIGGER "Unit_complaint_version" ON "Unit";
CREATE CONSTRAINT TRIGGER "Unit_complaint_version"
  AFTER UPDATE OF code OR DELETE ON "Unit"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('complaint');
CREATE TRIGGER "Unit_complaint_version_truncate"
  AFTER TRUNCATE ON "Unit"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');

DROP TRIGGER "Department_complaint_version" ON "Department";
CREATE CONSTRAINT TRIGGER "Department_complaint_version"
  AFTER INSERT OR UPDATE OF name, "siteId" OR DELETE ON "Department"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('complaint');
CREATE TRIGGER "Department_complaint_version_truncate"
  AFTER TRUNCATE ON "Department"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');

DROP TRIGGER "Unit_vacant_version" ON "Unit";
CREATE CONSTRAINT TRIGGER "Unit_vacant_version"
  AFTER INSERT OR UPDATE OR DELETE ON "Unit"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('vacant');
CREATE TRIGGER "Unit_vacant_version_truncate"
  AFTER TRUNCATE ON "Unit"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('vacant');

DROP TRIGGER "UnitStatusChange_vacant_version" ON "UnitStatusChange";
CREATE CONSTRAINT TRIGGER "UnitStatusChange_vacant_version"
  AFTER INSERT OR UPDATE OR DELETE ON "UnitStatusChange"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('vacant');
CREATE TRIGGER "UnitStatusChange_vacant_version_truncate"
  AFTER TRUNCATE ON "UnitStatusChange"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('vacant');

DROP TRIGGER "VacantCleaningRecord_vacant_version" ON "VacantCleaningRecord";
CREATE CONSTRAINT TRIGGER "VacantCleaningRecord_vacant_version"
  AFTER INSERT OR UPDATE OR DELETE ON "VacantCleaningRecord"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('vacant');
CREATE TRIGGER "VacantCleaningRecord_vacant_version_truncate"
  AFTER TRUNCATE ON "VacantCleaningRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('vacant');

DROP TRIGGER "VacantCleaningCheck_vacant_version" ON "VacantCleaningCheck";
CREATE CONSTRAINT TRIGGER "VacantCleaningCheck_vacant_version"
  AFTER INSERT OR UPDATE OR DELETE ON "VacantCleaningCheck"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('vacant');
CREATE TRIGGER "VacantCleaningCheck_vacant_version_truncate"
  AFTER TRUNCATE ON "VacantCleaningCheck"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('vacant');

DROP TRIGGER "MeetingSeries_meeting_version" ON "MeetingSeries";
CREATE CONSTRAINT TRIGGER "MeetingSeries_meeting_version"
  AFTER INSERT OR UPDATE OR DELETE ON "MeetingSeries"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('meeting');
CREATE TRIGGER "MeetingSeries_meeting_version_truncate"
  AFTER TRUNCATE ON "MeetingSeries"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('meeting');

DROP TRIGGER "Meeting_meeting_version" ON "Meeting";
CREATE CONSTRAINT TRIGGER "Meeting_meeting_version"
  AFTER INSERT OR UPDATE OR DELETE ON "Meeting"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('meeting');
CREATE TRIGGER "Meeting_meeting_version_truncate"
  AFTER TRUNCATE ON "Meeting"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('meeting');

DROP TRIGGER "MeetingAttendance_meeting_version" ON "MeetingAttendance";
CREATE CONSTRAINT TRIGGER "MeetingAttendance_meeting_version"
  AFTER INSERT OR UPDATE OR DELETE ON "MeetingAttendance"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('meeting');
CREATE TRIGGER "MeetingAttendance_meeting_version_truncate"
  AFTER TRUNCATE ON "MeetingAttendance"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('meeting');

DROP TRIGGER "SurveyOpinionItem_survey_version" ON "SurveyOpinionItem";
CREATE CONSTRAINT TRIGGER "SurveyOpinionItem_survey_version"
  AFTER INSERT OR UPDATE OR DELETE ON "SurveyOpinionItem"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('survey');
CREATE TRIGGER "SurveyOpinionItem_survey_version_truncate"
  AFTER TRUNCATE ON "SurveyOpinionItem"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('survey');

DROP TRIGGER "SurveyRound_survey_version" ON "SurveyRound";
CREATE CONSTRAINT TRIGGER "SurveyRound_survey_version"
  AFTER INSERT OR UPDATE OR DELETE ON "SurveyRound"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('survey');
CREATE TRIGGER "SurveyRound_survey_version_truncate"
  AFTER TRUNCATE ON "SurveyRound"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('survey');

DROP TRIGGER "SpecialServiceOrder_service_version" ON "SpecialServiceOrder";
CREATE CONSTRAINT TRIGGER "SpecialServiceOrder_service_version"
  AFTER INSERT OR UPDATE OR DELETE ON "SpecialServiceOrder"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('service');
CREATE TRIGGER "SpecialServiceOrder_service_version_truncate"
  AFTER TRUNCATE ON "SpecialServiceOrder"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('service');
