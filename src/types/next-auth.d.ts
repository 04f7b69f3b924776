import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    /** The server-side session this login opened. */
    sid: string;
    /** From the IdP's ID token, for the sign-in callback's match (OIDC logins only). */
    oidcHsaId?: unknown;
    oidcAuthTime?: unknown;
  }
  interface Session {
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
