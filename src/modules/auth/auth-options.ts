import "server-only";
import { clientRequestId, newRequestId } from "@/lib/request-id";
import { env, oidcSettings } from "@/lib/env";
import type { AuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { attemptLogin, loginRateLimited } from "./lib/login";
import { attemptOidcLogin } from "./lib/oidc-login";
import { endSession, isSessionLive } from "./lib/session";
import { safeCallbackUrl } from "./rules/callback-url";
import { LOGIN_ERROR } from "./rules/login-errors";
import { OIDC_ERROR } from "./rules/oidc";
import { log } from "@/lib/log";

const header = (headers: unknown, name: string): string | undefined => {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The provider id of the IdP login; its callback is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

const passwordProvider = CredentialsProvider({
  name: "Samvård",
  credentials: {
    username: { label: "Användarnamn", type: "text" },
    password: { label: "Lösenord", type: "password" },
  },
  async authorize(credentials, req) {
    const limited = await loginRateLimited(req.headers);
    if (limited) throw new Error(`${LOGIN_ERROR.rateLimitedPrefix}${limited}`);
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
});

/**
 * The region's identity provider (authorization code flow with PKCE, state
 * and nonce; claims from the signed ID token, discovered from the issuer's
 * well-known document). Only the claims are read here: the match to a user,
 * and the refusal of anyone else, happen in the sign-in callback.
 */
function oidcProvider(
  settings: NonNullable<ReturnType<typeof oidcSettings>>,
): OAuthConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.label,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: settings.scope } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile: (claims) => ({
      id: String(claims.sub),
      name: typeof claims.name === "string" ? claims.name : null,
      sid: "",
      oidcHsaId: claims[settings.hsaIdClaim],
      oidcAuthTime: claims.auth_time,
    }),
  };
}

const oidc = oidcSettings(env());

export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // Secure, __Secure- prefixed cookies whenever the app is served over TLS,
  // which production requires (src/cli/start-plan.ts). The session cookie
  // itself ends with the browser (the route's wrapper, auth-route.ts).
  useSecureCookies: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  // The JWT only carries the server-side session id; its lifetime is an outer
  // bound. Logout, lockout and the idle timeout end the session record itself.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    ...(env().PASSWORD_LOGIN === "on" ? [passwordProvider] : []),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
  callbacks: {
    // An IdP login becomes a Samvård session only for a user whose HSA-id the
    // verksamhetschef set; anyone else goes back to the login page with why.
    async signIn({ user, account }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const result = await attemptOidcLogin({
        hsaIdClaim: user.oidcHsaId,
        authTimeClaim: user.oidcAuthTime,
        requestId: newRequestId(),
      });
      if (!result.ok) return `/login?error=${OIDC_ERROR[result.reason]}`;
      user.id = result.user.id;
      user.name = result.user.displayName;
      user.sid = result.sessionId;
      return true;
    },
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
      if (code === "JWT_SESSION_ERROR") return log.info("[auth] refused the cookie of an ended session");
      // next-auth's metadata may hold the IdP's claims or tokens: only its error goes to the log.
      const err = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      log.error({ code, err }, `[auth] ${code}`);
    },
    warn(code) {
      log.warn({ code }, `[auth] ${code}`);
    },
    debug() {},
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession({ sessionId: token.sid, reason: "logout", requestId: newRequestId() });
    },
  },
};
