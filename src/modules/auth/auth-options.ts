import "server-only";
import { randomUUID } from "node:crypto";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { attemptLogin } from "./lib/login";
import { endSession } from "./lib/session";

/** Error codes the login form turns into Swedish messages. */
export const LOGIN_ERROR = { invalid: "INVALID", lockedPrefix: "LOCKED:" } as const;

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
          requestId: header(req.headers, "x-request-id") ?? randomUUID(),
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
    jwt({ token, user }) {
      if (user) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      session.sid = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession({ sessionId: token.sid, reason: "logout" });
    },
  },
};
