import { describe, expect, it } from "vitest";
import { EXAMPLE_SECRET, EnvError, checkProductionSecret, oidcSettings, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the documented defaults", () => {
    const env = parseEnv({} as NodeJS.ProcessEnv);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({
      PORT: 3000,
      EMBEDDED_PG_PORT: 54329,
      SESSION_IDLE_MINUTES: 30,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_LOCK_MINUTES: 15,
    });
  });

  it("has no OIDC login unless an issuer is set, and then the documented defaults", () => {
    expect(oidcSettings(parseEnv({} as NodeJS.ProcessEnv))).toBeNull();
    const env = parseEnv({
      OIDC_ISSUER: "https://idp.example.se/oidc/",
      OIDC_CLIENT_ID: "samvard",
      OIDC_CLIENT_SECRET: "hemligt",
    } as unknown as NodeJS.ProcessEnv);
    expect(env.PASSWORD_LOGIN).toBe("on");
    expect(oidcSettings(env)).toEqual({
      issuer: "https://idp.example.se/oidc",
      clientId: "samvard",
      clientSecret: "hemligt",
      hsaIdClaim: "employeeHsaId",
      scope: "openid profile",
      label: "SITHS-kort",
      reauthMinutes: 5,
    });
  });

  it("treats empty strings as unset (an empty DATABASE_URL means demo mode)", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "", NEXTAUTH_SECRET: "" } as unknown as NodeJS.ProcessEnv);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it.each([
    [{ DATABASE_URL: "mysql://x@y/z" }, "DATABASE_URL"],
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ SESSION_IDLE_MINUTES: "0" }, "SESSION_IDLE_MINUTES"],
  ])("rejects %o naming %s", (source, name) => {
    expect(() => parseEnv(source as unknown as NodeJS.ProcessEnv)).toThrow(EnvError);
    expect(() => parseEnv(source as unknown as NodeJS.ProcessEnv)).toThrow(name);
  });

  it("accepts a postgres URL and numbers", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://app:pw@db:5432/samvard",
      PORT: "8080",
    } as unknown as NodeJS.ProcessEnv);
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://app:pw@db:5432/samvard", PORT: 8080 });
  });
});

describe("checkProductionSecret", () => {
  it.each([
    [undefined, "missing"],
    [EXAMPLE_SECRET, "example"],
    ["short", "too short"],
  ])("refuses %s", (secret, why) => {
    expect(checkProductionSecret(secret)).toContain(why);
  });
  it("accepts a long random secret", () => {
    expect(checkProductionSecret("x".repeat(48))).toBeUndefined();
  });
});
