// The test IdP's one client (tests/support/oidc-idp.ts): what the e2e app is configured with.
// A fixture, not a secret: it opens only the throw-away IdP the tests start.
export const TEST_CLIENT = { id: "samvard-test", secret: "samvard-test-client-secret-not-for-production" };
