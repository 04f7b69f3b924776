import { describe, expect, it } from "vitest";
import { parseLogQuery } from "./log-query";

const today = "2026-12-02";
const ID = "0b6f0c52-4a5e-4c8e-9d55-0f1d6a1b2c3d";

describe("Loggkontroll's address", () => {
  it("defaults to the last 12 months, keeps only valid ids and events", () => {
    expect(parseLogQuery({ patient: `${ID},nonsense`, action: "DROP" }, today)).toEqual({
      patientIds: [ID],
      from: "2025-12-02",
      to: today,
    });
    expect(
      parseLogQuery(
        { user: ID.toUpperCase(), action: "UPDATE", from: "2026-01-01", to: "2026-06-30" },
        today,
      ),
    ).toEqual({
      patientIds: [],
      userId: ID,
      action: "UPDATE",
      from: "2026-01-01",
      to: "2026-06-30",
    });
  });

  it.each([
    ["no date", "2026-13-01", "2026-12-01"],
    ["backwards", "2026-12-01", "2026-01-01"],
    ["before the log", "1850-01-01", "2026-01-01"],
    ["after any log", "2026-01-01", "9999-12-31"],
  ])("a period %s says so, keeps what was typed and shows the last 12 months", (_name, from, to) => {
    const q = parseLogQuery({ user: ID, from, to }, today);
    expect(q).toMatchObject({ from: "2025-12-02", to: today, typed: { from, to } });
    expect(q.error).toMatch(/Ange en period/);
  });
});
