import { withAuth } from "next-auth/middleware";

/** A client's one-time signing link (R-CMP-4): opened without an account, the token is the authority. */
const PUBLIC_PATH = /^\/sign\/[^/]+$/;

// Optimistic redirect to the sign-in page only; every page and action still checks on the server.
export default withAuth({
  pages: { signIn: "/login" },
  callbacks: { authorized: ({ token, req }) => !!token || PUBLIC_PATH.test(req.nextUrl.pathname) },
});

export const config = {
  matcher: ["/((?!login|api/auth|api/health|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
