import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GONE_MESSAGE, LINK_TOKEN, linkState, type LinkFacts } from "./link-state";

const t = (iso: string) => new Date(iso);
const open: LinkFacts = {
  expiresAt: t("2026-12-08T12:00:00Z"),
  usedAt: null,
  revokedAt: null,
  episodeOpen: true,
};

describe("linkState", () => {
  it.each([
    ["a fresh link", open, "2026-12-02T08:00:00Z", "open"],
    ["a millisecond before expiry", open, "2026-12-08T11:59:59.999Z", "open"],
    ["at the expiry instant", open, "2026-12-08T12:00:00Z", "expired"],
    ["after expiry", open, "2026-12-09T00:00:00Z", "expired"],
    ["used", { ...open, usedAt: t("2026-12-03T10:00:00Z") }, "2026-12-03T11:00:00Z", "used"],
    ["used, later expired", { ...open, usedAt: t("2026-12-03T10:00:00Z") }, "2026-12-20T00:00:00Z", "used"],
    ["revoked", { ...open, revokedAt: t("2026-12-03T10:00:00Z") }, "2026-12-03T11:00:00Z", "revoked"],
    ["the episode closed", { ...open, episodeOpen: false }, "2026-12-03T11:00:00Z", "closed"],
  ] as const)("%s → %s", (_what, link, now, state) => {
    expect(linkState(link, t(now))).toBe(state);
  });

  it("is open exactly when unused, unrevoked, the episode open and before expiry", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: -10_000, max: 10_000 }),
        (used, revoked, episodeOpen, offset) => {
          const now = new Date(Date.UTC(2026, 11, 5));
          const link: LinkFacts = {
            expiresAt: new Date(now.getTime() + offset),
            usedAt: used ? now : null,
            revokedAt: revoked ? now : null,
            episodeOpen,
          };
          expect(linkState(link, now) === "open").toBe(!used && !revoked && episodeOpen && offset > 0);
        },
      ),
    );
  });
});

describe("LINK_TOKEN", () => {
  it.each([
    ["43 URL-safe characters", "A".repeat(21) + "-_" + "z9".repeat(10), true],
    ["42 characters", "a".repeat(42), false],
    ["44 characters", "a".repeat(44), false],
    ["a slash", "a".repeat(42) + "/", false],
    ["a dot", "a".repeat(42) + ".", false],
    ["padding", "a".repeat(42) + "=", false],
    ["a token with a line after it", "a".repeat(43) + "\nx", false],
    ["text before it", "x" + "a".repeat(43), false],
  ])("%s → %s", (_what, token, valid) => {
    expect(LINK_TOKEN.test(token)).toBe(valid);
  });
});

describe("GONE_MESSAGE", () => {
  it("says kindly why, each state its own words, and a closed episode nothing about the care", () => {
    expect(GONE_MESSAGE).toEqual({
      used: "Svaren på den här länken är redan skickade. Varje länk kan bara användas en gång.",
      revoked: "Länken gäller inte längre: vårdcentralen har tagit tillbaka den.",
      expired: "Länken gäller inte längre: tiden för att svara har gått ut.",
      closed: "Länken gäller inte längre.",
    });
  });
});
