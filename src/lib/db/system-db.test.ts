import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every use of the unscoped client, with the reason it needs no unit scope.
// Patient data goes through modules/patient-data/lib/scoped.ts; a new use
// elsewhere fails this test and has to say here why it is safe.
const ALLOWED: Record<string, string> = {
  "src/lib/db/client.ts": "defines it",
  "src/modules/patient-data/lib/scoped.ts":
    "the scoped entries themselves: they filter by unit in the first query",
  "src/modules/patient-data/lib/refusal.ts": "names the record a refused attempt was about, for the log only",
  "src/modules/auth/lib/login.ts": "accounts and login throttling: no patient data",
  "src/modules/auth/lib/oidc-login.ts": "the IdP login's match by HSA-id and its session: no patient data",
  "src/modules/auth/lib/session.ts": "server-side sessions: no patient data",
  "src/modules/auth/lib/change-password.ts": "the signed-in user's own password: no patient data",
  "src/modules/api-tokens/lib/authenticate.ts": "bearer tokens: no patient data",
  "src/modules/api-tokens/lib/manage-tokens.ts": "the user's own tokens, filtered by user: no patient data",
  "src/modules/health/lib/check-health.ts": "the migration table: no patient data",
  "src/modules/home/lib/get-home-data.ts":
    "the actor's units and their staff, filtered by the actor's units: no patient data",
  "src/modules/home/lib/unit-choices.ts": "the rule settings of the actor's own units: no patient data",
  "src/modules/self-report/lib/answer.ts":
    "the patient's self-report link: its token is the only credential, looked up by its hash and nothing else",
  "src/lib/rate-limit.ts": "rate-limit counters by a hash of the client's address: no patient data",
  "src/modules/attention/lib/attention.ts":
    "the time of the latest logged write in the actor's own units (the counts' change stamp): no patient data",
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe("systemDb, the unscoped client", () => {
  it("is used only where the list above says why", () => {
    const users = sources("src")
      .filter((f) => /\bsystemDb\(\)/.test(fs.readFileSync(f, "utf8")))
      .map((f) => f.split(path.sep).join("/"))
      .sort();
    expect(users).toEqual(Object.keys(ALLOWED).sort());
  });
});

describe("pages that can answer 404", () => {
  // Under a loading boundary Next.js streams the page and answers notFound()
  // with status 200. A route with a dynamic segment can be not found, so it
  // uses Suspense inside the page instead of a loading.tsx.
  it("have no loading.tsx", () => {
    const loading = sources("src/app").filter((f) => path.basename(f) === "loading.tsx");
    expect(loading.filter((f) => /\[[^\]]+\]/.test(f))).toEqual([]);
  });
});
