// vitest setupFiles of the `integration` project: runs in each test worker before the test file
// (and so before any app module such as lib/db.ts reads DATABASE_URL). Keep it free of app imports.
// The URL comes from tests/support/global-setup.ts, which created and migrated that database.
// (vitest 4.1's forks pool also copies process.env from globalSetup, but provide/inject is the
// documented channel and works with every pool.) vitest itself sets NODE_ENV=test.
import { inject, vi } from "vitest";

process.env.DATABASE_URL = inject("testDatabaseUrl");
// Uploaded files go to the run's throw-away folder (created and removed by global-setup.ts).
process.env.DATA_DIR = inject("testDataDir");
// No background jobs inside test workers (tests start pg-boss themselves where they need it).
process.env.KEWU_DISABLE_JOBS = "1";
// The server's key (signing-link tokens are derived from request ids under it; a server refuses to start without it).
process.env.NEXTAUTH_SECRET ??= "integration-tests-nextauth-secret-0123456789";

// The one stand-in of the integration suite: the identity normally read from the next-auth cookie
// comes from tests/support/session.ts (set by fixtures.signInAs). User lookup, disabled / session
// version checks, permissions, site scope and every query run for real against Postgres.
vi.mock("@/lib/auth/session", async () => {
  const { session } = await import("./session");
  return { readSessionClaims: async () => session.claims };
});
