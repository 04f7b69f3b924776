import { describe, expect, it } from "vitest";
import { EXAMPLE_SECRET } from "@/lib/env";
import { planStart } from "./start-plan";

const SECRET = "s".repeat(40);
const prod = (extra: Record<string, string> = {}) =>
  ({
    DATABASE_URL: "postgresql://samvard_app:pw@db:5432/samvard",
    MIGRATE_DATABASE_URL: "postgresql://samvard_owner:pw@db:5432/samvard",
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: "https://samvard.example.se",
    SAMVARD_EXPORT_KEY: "k".repeat(40),
    ...extra,
  }) as unknown as NodeJS.ProcessEnv;

describe("planStart", () => {
  it("no DATABASE_URL (or an empty one) is demo mode", () => {
    expect(planStart({} as NodeJS.ProcessEnv).mode).toBe("demo");
    expect(planStart({ DATABASE_URL: "" } as unknown as NodeJS.ProcessEnv).mode).toBe("demo");
  });

  it("a complete production configuration runs as the app role, migrating as the owner", () => {
    expect(planStart(prod())).toMatchObject({
      mode: "production",
      appUrl: "postgresql://samvard_app:pw@db:5432/samvard",
      ownerUrl: "postgresql://samvard_owner:pw@db:5432/samvard",
    });
  });

  it.each([
    ["a missing secret", { NEXTAUTH_SECRET: "" }, /NEXTAUTH_SECRET is missing/],
    ["a missing export key", { SAMVARD_EXPORT_KEY: "" }, /SAMVARD_EXPORT_KEY is missing/],
    ["a short export key", { SAMVARD_EXPORT_KEY: "kort" }, /SAMVARD_EXPORT_KEY is too short/],
    ["the example secret", { NEXTAUTH_SECRET: EXAMPLE_SECRET }, /example value/],
    ["a short secret", { NEXTAUTH_SECRET: "kort" }, /too short/],
    ["a missing NEXTAUTH_URL", { NEXTAUTH_URL: "" }, /NEXTAUTH_URL is missing/],
    ["the owner as app role", { MIGRATE_DATABASE_URL: "" }, /schema's owner/],
    [
      "the same role in both URLs",
      { MIGRATE_DATABASE_URL: "postgresql://samvard_app:other@db:5432/samvard" },
      /schema's owner/,
    ],
    ["an http:// public URL", { NEXTAUTH_URL: "http://samvard.example.se" }, /must be an https:\/\/ URL/],
    ["an OIDC issuer without a client", { OIDC_ISSUER: "https://idp.example.se" }, /OIDC_CLIENT_ID/],
    ["an OIDC client without an issuer", { OIDC_CLIENT_ID: "samvard" }, /without OIDC_ISSUER/],
    ["password login off without OIDC", { PASSWORD_LOGIN: "off" }, /no way to log in/],
    [
      "an http:// OIDC issuer",
      { OIDC_ISSUER: "http://idp.example.se", OIDC_CLIENT_ID: "s", OIDC_CLIENT_SECRET: "x" },
      /OIDC_ISSUER must be an https/,
    ],
    ["an unknown PASSWORD_LOGIN", { PASSWORD_LOGIN: "nej" }, /PASSWORD_LOGIN/],
    ["an invalid port", { PORT: "abc" }, /PORT/],
    ["a non-PostgreSQL URL", { DATABASE_URL: "mysql://a@b/c" }, /DATABASE_URL/],
  ])("refuses %s before touching the database", (_name, patch, reason) => {
    const plan = planStart(prod(patch));
    expect(plan.mode).toBe("refused");
    expect(plan.mode === "refused" && plan.reason).toMatch(reason);
  });

  it("production over http on a loopback host is allowed (one machine, a secure context to browsers)", () => {
    expect(planStart(prod({ NEXTAUTH_URL: "http://localhost:8080" })).mode).toBe("production");
    expect(planStart(prod({ NEXTAUTH_URL: "http://127.0.0.1:8080" })).mode).toBe("production");
  });

  it("production with OIDC only: password login off, issuer, client id and secret", () => {
    const oidc = {
      PASSWORD_LOGIN: "off",
      OIDC_ISSUER: "https://idp.example.se/oidc",
      OIDC_CLIENT_ID: "samvard",
      OIDC_CLIENT_SECRET: "x".repeat(32),
    };
    expect(planStart(prod(oidc)).mode).toBe("production");
  });

  it("an invalid setting in demo mode is refused too", () => {
    expect(planStart({ PASSWORD_LOGIN: "off" } as unknown as NodeJS.ProcessEnv).mode).toBe("refused");
    expect(planStart({ PORT: "0" } as unknown as NodeJS.ProcessEnv).mode).toBe("refused");
  });
});
