/**
 * The identity the next-auth cookie would carry, in integration tests. integration-setup.ts mocks
 * lib/auth/session.ts to read it; set it with fixtures.signInAs. Nothing else is mocked.
 */
export const session: { claims: null | { userId: string; sessionVersion: number } } = { claims: null };
