-- CreateTable
CREATE TABLE "ComplaintRateSummary" (
    "siteId" TEXT NOT NULL,
    "periodKey" VARCHAR(20) NOT NULL,
    "counts" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintRateSummary_pkey" PRIMARY KEY ("siteId","periodKey")
);

-- Late writes to a closed period delete its stored counts (lib/complaints/rate-summary.ts); the next
-- dashboard view recounts them. Each trigger holds the site's advisory lock shared until commit, so a
-- reader counting the same site (exclusive lock) either sees the write or has its result deleted.
CREATE FUNCTION kewu_rate_summary_forget(site TEXT, due TIMESTAMP(3)) RETURNS void AS $$
DECLARE
  local_due TIMESTAMP;
BEGIN
  IF site IS NULL OR due IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(hashtext('ComplaintRateSummary'), hashtext(site));
  -- Stored instants are UTC wall-clock time; the periods are local days of the site (weeks from Monday).
  SELECT (due AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone" INTO local_due FROM "Site" s WHERE s.id = site;
  IF local_due IS NULL THEN
    RETURN;
  END IF;
  DELETE FROM "ComplaintRateSummary"
   WHERE "siteId" = site
     AND "periodKey" IN ('week:' || to_char(date_trunc('week', local_due), 'YYYY-MM-DD'),
                         'month:' || to_char(local_due, 'YYYY-MM'));
END;
$$ LANGUAGE plpgsql;

-- Every deadline of one complaint (rectification rounds, revisits, the pending revisit).
CREATE FUNCTION kewu_rate_summary_forget_complaint(complaint TEXT, site TEXT, pending_revisit TIMESTAMP(3)) RETURNS void AS $$
DECLARE
  due TIMESTAMP(3);
BEGIN
  PERFORM kewu_rate_summary_forget(site, pending_revisit);
  FOR due IN
    SELECT r."dueAt" FROM "ComplaintRectification" r WHERE r."complaintId" = complaint
    UNION SELECT v."dueAt" FROM "ComplaintRevisit" v WHERE v."complaintId" = complaint
  LOOP
    PERFORM kewu_rate_summary_forget(site, due);
  END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION kewu_rate_summary_deadline_changed() RETURNS trigger AS $$
DECLARE
  site TEXT;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    SELECT c."siteId" INTO site FROM "Complaint" c WHERE c.id = OLD."complaintId";
    PERFORM kewu_rate_summary_forget(site, OLD."dueAt");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT c."siteId" INTO site FROM "Complaint" c WHERE c.id = NEW."complaintId";
    PERFORM kewu_rate_summary_forget(site, NEW."dueAt");
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ComplaintRectification_rate_summary"
  AFTER INSERT OR UPDATE OR DELETE ON "ComplaintRectification"
  FOR EACH ROW EXECUTE FUNCTION kewu_rate_summary_deadline_changed();

CREATE TRIGGER "ComplaintRevisit_rate_summary"
  AFTER INSERT OR UPDATE OR DELETE ON "ComplaintRevisit"
  FOR EACH ROW EXECUTE FUNCTION kewu_rate_summary_deadline_changed();

CREATE FUNCTION kewu_rate_summary_complaint_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- Before the cascade removes its rounds and revisits.
    PERFORM kewu_rate_summary_forget_complaint(OLD.id, OLD."siteId", OLD."revisitDueAt");
    RETURN OLD;
  END IF;
  IF OLD."siteId" IS DISTINCT FROM NEW."siteId" OR OLD."departmentId" IS DISTINCT FROM NEW."departmentId"
     OR OLD.severity IS DISTINCT FROM NEW.severity THEN
    -- Its deadlines move to other groups: forget them under the old and the new site.
    PERFORM kewu_rate_summary_forget_complaint(NEW.id, OLD."siteId", OLD."revisitDueAt");
    PERFORM kewu_rate_summary_forget_complaint(NEW.id, NEW."siteId", NEW."revisitDueAt");
  ELSIF OLD.state IS DISTINCT FROM NEW.state OR OLD."revisitDueAt" IS DISTINCT FROM NEW."revisitDueAt" THEN
    -- The pending revisit (counted from the complaint while RECTIFIED) appears, moves or ends.
    PERFORM kewu_rate_summary_forget(OLD."siteId", OLD."revisitDueAt");
    PERFORM kewu_rate_summary_forget(NEW."siteId", NEW."revisitDueAt");
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Complaint_rate_summary_update"
  AFTER UPDATE ON "Complaint"
  FOR EACH ROW EXECUTE FUNCTION kewu_rate_summary_complaint_changed();

CREATE TRIGGER "Complaint_rate_summary_delete"
  BEFORE DELETE ON "Complaint"
  FOR EACH ROW EXECUTE FUNCTION kewu_rate_summary_complaint_changed();

-- Periods are the site's local days: a new time zone recounts all of them.
CREATE FUNCTION kewu_rate_summary_site_changed() RETURNS trigger AS $$
BEGIN
  IF OLD."timeZone" IS DISTINCT FROM NEW."timeZone" THEN
    PERFORM pg_advisory_xact_lock_shared(hashtext('ComplaintRateSummary'), hashtext(NEW.id));
    DELETE FROM "ComplaintRateSummary" WHERE "siteId" = NEW.id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Site_rate_summary"
  AFTER UPDATE ON "Site"
  FOR EACH ROW EXECUTE FUNCTION kewu_rate_summary_site_changed();
