import { describe, expect, it } from "vitest";
import { OIDC_ERROR, authTimeOf, isFreshLogin, loginPageErrorMessage, normalizeHsaId } from "./oidc";

const now = new Date("2026-12-05T10:00:00Z");

describe("normalizeHsaId", () => {
  it.each([
    ["SE2321000016-P000000012345", "SE2321000016-P000000012345"],
    [" se2321000016-p1 ", "SE2321000016-P1"],
    ["SE2321000016-", null],
    ["SE232100001-P1", null],
    ["2321000016-P1", null],
    ["SE2321000016-P1 OR 1=1", null],
    [`SE2321000016-${"A".repeat(25)}`, null],
    [42, null],
    [undefined, null],
    [["SE2321000016-P1"], null],
  ])("%j → %j", (claim, expected) => expect(normalizeHsaId(claim)).toBe(expected));
});

describe("authTimeOf", () => {
  it("takes the IdP's auth_time in seconds, as a number or a numeric string", () => {
    expect(authTimeOf(now.getTime() / 1000 - 60, now)).toEqual(new Date(now.getTime() - 60_000));
    expect(authTimeOf(String(now.getTime() / 1000 - 60), now)).toEqual(new Date(now.getTime() - 60_000));
  });
  it.each([undefined, null, "soon", 0, -5, Number.NaN])("falls back to now for %j", (claim) =>
    expect(authTimeOf(claim, now)).toEqual(now),
  );
  it("never puts the login in the future (a skewed IdP clock)", () =>
    expect(authTimeOf(now.getTime() / 1000 + 3600, now)).toEqual(now));
});

describe("isFreshLogin", () => {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it("is fresh up to and including the limit, not a millisecond after", () => {
    expect(isFreshLogin(ago(0), now, 5)).toBe(true);
    expect(isFreshLogin(ago(5 * 60_000), now, 5)).toBe(true);
    expect(isFreshLogin(ago(5 * 60_000 + 1), now, 5)).toBe(false);
  });
});

describe("loginPageErrorMessage", () => {
  it("names the IdP and tells an unknown person who can link their HSA-id", () => {
    const m = loginPageErrorMessage(OIDC_ERROR.UNKNOWN_HSA_ID, "SITHS-kort");
    expect(m).toMatch(/SITHS-kort/);
    expect(m).toMatch(/HSA-id är inte kopplat/);
    expect(m).toMatch(/verksamhetschef/);
  });
  it("has its own message for each refusal, and one for a flow that broke", () => {
    const messages = Object.values(OIDC_ERROR).map((c) => loginPageErrorMessage(c, "SITHS-kort"));
    expect(new Set(messages).size).toBe(messages.length);
    expect(loginPageErrorMessage("OAuthCallback", "SITHS-kort")).toMatch(/kunde inte slutföras/);
    expect(loginPageErrorMessage("CredentialsSignin", "x")).toBe("Fel användarnamn eller lösenord.");
    expect(loginPageErrorMessage("<script>", "x")).toBe(
      "Inloggningen misslyckades. Försök igen om en stund.",
    );
  });
});
