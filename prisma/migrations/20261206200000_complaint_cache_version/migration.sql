-- The dashboard's complaint figures kept in memory (lib/complaints/dashboard.queries.ts, on
-- lib/cache-version.ts versionedMemo): every write that can change them bumps the 'complaint' row of
-- "CacheVersion" in its own transaction, so the next view of every app instance counts again. Those
-- are the complaints and their deadlines (rectification rounds, revisits), and the names the list and
-- the export show (tenants, units, departments; sites have their own 'site' and 'calendar' rows).
-- One bump per statement, not per row: a bulk load bumps once. Of a unit or a tenant only a new name
-- counts (a unit's vacancy or cleaner does not change a complaint figure).
CREATE TRIGGER "Complaint_complaint_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Complaint"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');

CREATE TRIGGER "ComplaintRectification_complaint_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ComplaintRectification"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');

CREATE TRIGGER "ComplaintRevisit_complaint_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ComplaintRevisit"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');

CREATE TRIGGER "Tenant_complaint_version"
  AFTER UPDATE OF name OR DELETE OR TRUNCATE ON "Tenant"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');

CREATE TRIGGER "Unit_complaint_version"
  AFTER UPDATE OF code OR DELETE OR TRUNCATE ON "Unit"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');

CREATE TRIGGER "Department_complaint_version"
  AFTER INSERT OR UPDATE OF name, "siteId" OR DELETE OR TRUNCATE ON "Department"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('complaint');
