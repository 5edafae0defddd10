-- The dashboard's survey figures (lib/surveys/dashboard.queries.ts, on lib/cache-version.ts versionedMemo)
-- show each opinion's tenant and department by name. They were kept under the 'complaint' version for
-- those names, so every complaint written emptied them too. A new name of a tenant or a department now
-- bumps the 'survey' row itself, as it bumps the 'complaint' row: the survey figures no longer depend on
-- complaints. Deferred to commit, one bump per transaction (20261206205000_cache_version_at_commit).
CREATE CONSTRAINT TRIGGER "Tenant_survey_version"
  AFTER UPDATE OF name OR DELETE ON "Tenant"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('survey');
CREATE TRIGGER "Tenant_survey_version_truncate"
  AFTER TRUNCATE ON "Tenant"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('survey');

CREATE CONSTRAINT TRIGGER "Department_survey_version"
  AFTER UPDATE OF name, "siteId" OR DELETE ON "Department"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION kewu_bump_cache_version_at_commit('survey');
CREATE TRIGGER "Department_survey_version_truncate"
  AFTER TRUNCATE ON "Department"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('survey');
