import { describe, expect, it } from "vitest";
import { refuseStatusChange, type StatusChangeCheck } from "./status";

const base: StatusChangeCheck = {
  current: "ACTIVE",
  currentSince: "2026-09-01",
  startDate: "2026-09-01",
  target: "COMPLETED",
  date: "2026-11-30",
  lastContactDate: "2026-11-20",
  twelveWeekDays: 84,
};

describe("status changes", () => {
  it.each([
    [{}, null],
    [{ target: "DEACTIVATED" }, null],
    [{ target: "RELAPSE_PREVENTION", date: "2026-11-24" }, null], // start + 84
    [{ target: "RELAPSE_PREVENTION", date: "2026-11-23" }, /efter vecka 12/],
    [{ current: "RELAPSE_PREVENTION", currentSince: "2026-11-24", target: "COMPLETED" }, null],
    [
      { current: "RELAPSE_PREVENTION", currentSince: "2026-11-24", target: "RELAPSE_PREVENTION" },
      /kan inte ändras från/,
    ],
    [{ current: "COMPLETED" }, /avslutad och kan inte ändras/],
    [{ current: "DEACTIVATED", target: "COMPLETED" }, /avbruten och kan inte ändras/],
    [{ date: "2026-08-31" }, /före 2026-09-01/],
    [{ date: "2026-11-19" }, /kontakter efter/],
    [{ date: "2026-11-20" }, null],
    [{ date: "2026-09-01", lastContactDate: null }, null], // on the day the current status began
    [{ target: "DEACTIVATED", date: "2026-11-19" }, /kontakter efter/],
    [{ target: "RELAPSE_PREVENTION", date: "2026-11-24", lastContactDate: "2026-11-30" }, null], // the episode goes on
    [{ current: "RELAPSE_PREVENTION", currentSince: "2026-11-24", target: "DEACTIVATED" }, null],
    [{ current: "COMPLETED", target: "DEACTIVATED" }, /avslutad och kan inte ändras/],
    [{ current: "DEACTIVATED", target: "RELAPSE_PREVENTION" }, /avbruten och kan inte ändras/],
  ] as const)("%o → %s", (change, expected) => {
    const result = refuseStatusChange({ ...base, ...change } as StatusChangeCheck);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatch(expected);
  });
});

describe("status change messages name the statuses in Swedish", () => {
  it("from relapse prevention back to relapse prevention", () => {
    expect(
      refuseStatusChange({
        ...base,
        current: "RELAPSE_PREVENTION",
        currentSince: "2026-11-24",
        target: "RELAPSE_PREVENTION",
      }),
    ).toBe("Status kan inte ändras från Återfallsprevention till Återfallsprevention.");
  });
  it("a final status", () => {
    expect(refuseStatusChange({ ...base, current: "COMPLETED" })).toBe(
      "Insatsen är avslutad och kan inte ändras. Starta en ny insats vid behov.",
    );
  });
});
