import { withAuth } from "next-auth/middleware";

// Optimistic redirect to the sign-in page only; every page and action still checks on the server.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  // /sign/<token>: a client's one-time signing link, opened without an account (the token is the authority).
  matcher: ["/((?!login|sign/|api/auth|api/health|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
