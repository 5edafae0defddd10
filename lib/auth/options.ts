import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkCredentials } from "./credentials";

/** Error codes the login form understands (next-auth passes the thrown message through as `error`). */
export const SIGN_IN_ERRORS = { invalid: "invalid", throttled: "throttled" } as const;

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials) {
        const outcome = await checkCredentials(db, credentials);
        if (!outcome.ok) throw new Error(SIGN_IN_ERRORS[outcome.reason]);
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
  },
};
