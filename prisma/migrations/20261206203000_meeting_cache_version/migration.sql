-- The dashboard's missing meetings kept in memory (lib/meetings/report.queries.ts
-- missingMeetingsSummary, on lib/cache-version.ts versionedMemo): every write to a series, a meeting or
-- its attendance bumps the 'meeting' row of "CacheVersion" in its own transaction, so the next view of
-- every app instance counts again (R-MTG-1). One bump per statement.
CREATE TRIGGER "MeetingSeries_meeting_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeetingSeries"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('meeting');

CREATE TRIGGER "Meeting_meeting_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Meeting"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('meeting');

CREATE TRIGGER "MeetingAttendance_meeting_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeetingAttendance"
  FOR EACH STATEMENT EXECUTE FUNCTION kewu_bump_cache_version('meeting');
