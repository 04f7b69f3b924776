import "server-only";
import { clientRequestId, newRequestId } from "@/lib/request-id";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { attemptLogin } from "./lib/login";
import { endSession, isSessionLive } from "./lib/session";
import { safeCallbackUrl } from "./rules/callback-url";
import { LOGIN_ERROR } from "./rules/login-errors";

const header = (headers: unknown, name: string): string | undefined => {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
};

export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // The JWT only carries the server-side session id; its lifetime is an outer
  // bound. Logout, lockout and the idle timeout end the session record itself.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Samvård",
      credentials: {
        username: { label: "Användarnamn", type: "text" },
        password: { label: "Lösenord", type: "password" },
      },
      async authorize(credentials, req) {
        const result = await attemptLogin({
          username: credentials?.username ?? "",
          password: credentials?.password ?? "",
          requestId: newRequestId(),
          clientRequestId: clientRequestId(header(req.headers, "x-request-id")),
        });
        if (result.ok) return { id: result.user.id, name: result.user.displayName, sid: result.sessionId };
        throw new Error(
          result.reason === "LOCKED"
            ? `${LOGIN_ERROR.lockedPrefix}${result.lockedUntil.toISOString()}`
            : LOGIN_ERROR.invalid,
        );
      },
    }),
  ],
  callbacks: {
    // Only our own site, and never an exception on a malformed URL (for the
    // next-auth.callback-url cookie, which the route's check does not see).
    redirect({ url, baseUrl }) {
      if (url === "/login" || url === `${baseUrl}/login`) return `${baseUrl}/login`; // after logout
      return `${baseUrl}${safeCallbackUrl(url, baseUrl)}`;
    },
    // Every use of the cookie (pages, /api/auth/session) re-checks the server-side
    // session: an ended one throws, and next-auth then clears the cookie.
    async jwt({ token, user }) {
      if (user) {
        token.sid = user.sid;
        return token;
      }
      if (!token.sid || !(await isSessionLive(token.sid, { requestId: newRequestId() })))
        throw new Error("session ended");
      return token;
    },
    session({ session, token }) {
      session.sid = token.sid;
      return session;
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session's cookie is refused by the jwt callback: expected, not an error.
      if (code === "JWT_SESSION_ERROR") return console.warn("[auth] refused the cookie of an ended session");
      console.error(`[auth] ${code}`, metadata);
    },
    warn(code) {
      console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession({ sessionId: token.sid, reason: "logout", requestId: newRequestId() });
    },
  },
};
