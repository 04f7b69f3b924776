import { describe, expect, it } from "vitest";
import { loginErrorMessage } from "./login-errors";

describe("loginErrorMessage", () => {
  it("wrong password and unknown user read the same", () => {
    expect(loginErrorMessage("INVALID")).toBe("Fel användarnamn eller lösenord.");
    expect(loginErrorMessage("CredentialsSignin")).toBe("Fel användarnamn eller lösenord.");
  });
  it("a locked account names the Stockholm time it opens", () => {
    // 14:15 UTC is 15:15 in Stockholm in November (CET).
    expect(loginErrorMessage("LOCKED:2026-11-22T14:15:00.000Z")).toContain("kl. 15:15");
  });
  it("a rate-limited client address is told how many minutes to wait", () => {
    expect(loginErrorMessage("RATE_LIMITED:30")).toBe(
      "För många inloggningsförsök från din dator eller ditt nätverk. Vänta 1 minut och försök igen.",
    );
    expect(loginErrorMessage("RATE_LIMITED:540")).toMatch(/Vänta 9 minuter/);
  });
  it("anything else is a generic Swedish message", () => {
    expect(loginErrorMessage("Configuration")).toMatch(/misslyckades/);
  });
});
