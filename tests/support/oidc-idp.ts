// A real OpenID Connect identity provider for the tests (oidc-provider, the
// certified Node.js implementation), standing in for the region's IdP (e.g.
// Inera's IdP for staff, which returns the HSA-id in `employeeHsaId`).
//
// Its development login page takes any login and password: the login typed is
// the account, and the account's HSA-id claim is that login in capitals. So a
// test logs in "as" an HSA-id by typing it. Runs on 127.0.0.1 while the app
// runs on localhost, so that the two sites' cookies stay apart.
//
//   node --import tsx tests/support/oidc-idp.ts   (OIDC_TEST_PORT, OIDC_TEST_APP_URL)
import http from "node:http";
import Provider from "oidc-provider";
import { TEST_CLIENT } from "./oidc-test-client";

export function startIdp({ port, appUrl }: { port: number; appUrl: string }) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [`${appUrl}/login`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    // Name and HSA-id in the ID token itself (next-auth reads only the ID token).
    conformIdTokenClaims: false,
    claims: { openid: ["sub", "auth_time"], profile: ["name", "employeeHsaId"] },
    features: { devInteractions: { enabled: true } },
    findAccount(_ctx, id) {
      return {
        accountId: id,
        claims: () => ({ sub: id, name: `Testperson ${id}`, employeeHsaId: id.toUpperCase() }),
      };
    },
    // A short-lived IdP session: each test's login is its own.
    ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 300, IdToken: 300 },
    cookies: { keys: ["samvard-test-idp-cookie-key"] },
  });
  provider.proxy = false;
  const handle = provider.callback();
  const server = http.createServer((req, res) => void handle(req, res));
  return new Promise<{ issuer: string; server: http.Server }>((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve({ issuer, server })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.OIDC_TEST_PORT ?? 3219);
  const appUrl = process.env.OIDC_TEST_APP_URL ?? "http://localhost:3210";
  const { issuer } = await startIdp({ port, appUrl });
  console.log(`test IdP on ${issuer} for ${appUrl}`);
  const stop = () => process.exit(0);
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
