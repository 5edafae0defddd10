import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { safeCallbackPath } from "./callback-url";
import { clientAddress } from "./client-address";
import { checkCredentials } from "./credentials";
import { decodeSessionToken } from "./session-token";
import { endSessions } from "./sign-out";

/**
 * Error codes the login form understands (next-auth passes the thrown message through as `error`):
 * "invalid", or "throttled:<seconds to wait>".
 */
export const SIGN_IN_ERRORS = { invalid: "invalid", throttled: "throttled" } as const;

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  // Cookies are `Secure` (and `__Secure-` prefixed) whenever NEXTAUTH_URL is https (next-auth's default).
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE },
  // The session cookie is next-auth's JWE; decoded with its key derived once (./session-token.ts).
  jwt: { decode: decodeSessionToken },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const address = clientAddress(req?.headers as Record<string, string> | undefined, env().TRUST_PROXY);
        const outcome = await checkCredentials(db, credentials, address);
        if (!outcome.ok)
          throw new Error(
            outcome.reason === "throttled" ? `${SIGN_IN_ERRORS.throttled}:${outcome.retryAfterSeconds}` : SIGN_IN_ERRORS.invalid,
          );
        return { id: outcome.user.id, name: outcome.user.name, sessionVersion: outcome.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      // Only identity travels in the token; role, sites and status are read fresh from the database
      // on every request (lib/auth/actor.ts), so a disabled user is refused at once.
      return { ...session, uid: token.uid as string, sv: token.sv as number };
    },
    // Never leave the site after signing in or out.
    async redirect({ url, baseUrl }) {
      if (url.startsWith(baseUrl)) return `${baseUrl}${safeCallbackPath(url.slice(baseUrl.length) || "/")}`;
      return `${baseUrl}${safeCallbackPath(url)}`;
    },
  },
  events: {
    // Signing out ends the session on the server too: a copy of the cookie is refused from now on.
    async signOut({ token }) {
      if (token?.uid) await endSessions(db, String(token.uid), Number(token.sv ?? 0));
    },
  },
};
