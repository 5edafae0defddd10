-- The dashboard's contractors card kept in memory (lib/contractors/dashboard.queries.ts on
-- lib/cache-version.ts versionedMemo, decision 026): every table it reads bumps the 'contractor' row of
-- "CacheVersion" at the writer's commit (the deferred row trigger of 20261206205000_cache_version_at_commit;
-- TRUNCATE through its statement trigger). The meetings, sites and calendars it also reads have their own rows.

CREATE CONSTRAINT TRIGGER "Area_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "Area"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "Area_contractor_version_truncate"
  AFTER TRUNCATE ON "Area"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "Inspection_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "Inspection"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "Inspection_contractor_version_truncate"
  AFTER TRUNCATE ON "Inspection"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "Cleaner_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "Cleaner"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "Cleaner_contractor_version_truncate"
  AFTER TRUNCATE ON "Cleaner"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "Contractor_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "Contractor"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "Contractor_contractor_version_truncate"
  AFTER TRUNCATE ON "Contractor"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "HealthCertificate_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "HealthCertificate"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "HealthCertificate_contractor_version_truncate"
  AFTER TRUNCATE ON "HealthCertificate"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "CanteenWeeklyDoc_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "CanteenWeeklyDoc"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "CanteenWeeklyDoc_contractor_version_truncate"
  AFTER TRUNCATE ON "CanteenWeeklyDoc"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "ContractorViolation_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "ContractorViolation"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "ContractorViolation_contractor_version_truncate"
  AFTER TRUNCATE ON "ContractorViolation"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "CleaningDay_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "CleaningDay"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "CleaningDay_contractor_version_truncate"
  AFTER TRUNCATE ON "CleaningDay"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "CleaningDayStep_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "CleaningDayStep"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "CleaningDayStep_contractor_version_truncate"
  AFTER TRUNCATE ON "CleaningDayStep"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "CleaningPlan_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "CleaningPlan"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "CleaningPlan_contractor_version_truncate"
  AFTER TRUNCATE ON "CleaningPlan"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "FoundItem_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "FoundItem"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "FoundItem_contractor_version_truncate"
  AFTER TRUNCATE ON "FoundItem"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "WasteStreamSetting_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "WasteStreamSetting"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "WasteStreamSetting_contractor_version_truncate"
  AFTER TRUNCATE ON "WasteStreamSetting"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "WasteContainer_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "WasteContainer"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "WasteContainer_contractor_version_truncate"
  AFTER TRUNCATE ON "WasteContainer"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');

CREATE CONSTRAINT TRIGGER "WasteClearance_contractor_version"
  AFTER INSERT OR UPDATE OR DELETE ON "WasteClearance"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('contractor');
CREATE TRIGGER "WasteClearance_contractor_version_truncate"
  AFTER TRUNCATE ON "WasteClearance"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('contractor');
