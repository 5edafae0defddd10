import { withAuth } from "next-auth/middleware";

// Optimistic redirect to the sign-in page only; every page and action still checks on the server.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api/auth|api/health|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
