import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  burstRows,
  isOffHours,
  lacksCareRelation,
  sampleRows,
  selectForReview,
  type CareRelations,
  type LogRow,
} from "./selection";

const row = (over: Partial<LogRow> & { id: string }): LogRow => ({
  at: new Date("2026-11-10T10:00:00Z"), // a Tuesday, 11:00 in Stockholm
  userId: "cm",
  role: "VARDSAMORDNARE",
  patientId: "p1",
  target: "episode:e1?asOf=2026-11-10",
  refusal: null,
  ...over,
});

const relations: CareRelations = {
  carers: new Map([["p1", new Set(["cm", "gp"])]]),
  psychiatrists: new Set(["psy"]),
};

describe("isOffHours (Stockholm time, weekdays 07–19)", () => {
  it.each([
    ["2026-11-10T05:59:00Z", true], // Tue 06:59 CET
    ["2026-11-10T06:00:00Z", false], // Tue 07:00
    ["2026-11-10T17:59:00Z", false], // Tue 18:59
    ["2026-11-10T18:00:00Z", true], // Tue 19:00
    ["2026-11-14T10:00:00Z", true], // Saturday
    ["2026-11-15T10:00:00Z", true], // Sunday
    ["2026-11-15T23:30:00Z", true], // Monday 00:30
    ["2026-06-16T04:30:00Z", true], // Tue 06:30 CEST
    ["2026-06-16T05:00:00Z", false], // Tue 07:00 CEST
    ["2026-06-16T16:59:00Z", false], // Tue 18:59 CEST
    ["2026-06-16T17:00:00Z", true], // Tue 19:00 CEST
  ])("%s → %s", (iso, expected) => {
    expect(isOffHours(new Date(iso))).toBe(expected);
  });
});

describe("lacksCareRelation", () => {
  it.each([
    [{ userId: "cm" }, false, "the care manager"],
    [{ userId: "gp", role: "ALLMANLAKARE" }, false, "the GP"],
    [{ userId: "psy", role: "PSYKIATER" }, false, "a psychiatrist serving the unit"],
    [{ userId: "other-psy", role: "PSYKIATER" }, true, "a psychiatrist not serving the unit"],
    [{ userId: "cm2" }, true, "another care manager"],
    [{ userId: "gp2", role: "ALLMANLAKARE" }, true, "another GP"],
    [{ userId: "cm2", patientId: "p9" }, true, "a patient without an episode"],
    [{ userId: "chef", role: "VERKSAMHETSCHEF", target: "access-log:patient" }, false, "the log review"],
    [
      { userId: "chef", role: "VERKSAMHETSCHEF", target: "log-extract:2026-01-01..2026-02-01:pdf" },
      false,
      "an extract",
    ],
    [{ userId: "cm2", target: "log-review:abc" }, false, "a documented review"],
    [{ userId: "cm2", target: "caseload" }, false, "a list"],
    [{ userId: "cm2", refusal: "NOT_FOUND" }, false, "a refusal (its own reason)"],
    [{ userId: "cm2", patientId: null, target: "login" }, false, "no patient"],
  ] as [Partial<LogRow>, boolean, string][])("%j → %s (%s)", (over, expected) => {
    expect(lacksCareRelation(row({ id: "1", ...over }), relations)).toBe(expected);
  });
});

describe("burstRows", () => {
  const at = (min: number) => new Date(Date.UTC(2026, 10, 10, 9, 0) + min * 60_000);
  const burst = (patients: number, minutesApart: number, user = "cm") =>
    Array.from({ length: patients }, (_, i) =>
      row({ id: `${user}-${i}`, userId: user, patientId: `p${i}`, at: at(i * minutesApart) }),
    );

  it("picks the access that reaches 20 distinct patients within 10 minutes, once per burst", () => {
    expect([...burstRows(burst(20, 0.5))]).toEqual(["cm-19"]);
    expect([...burstRows(burst(40, 0.2))]).toEqual(["cm-19"]);
    expect(burstRows(burst(19, 0.1)).size).toBe(0);
    // 20 patients over 11.4 minutes: never 20 within 10.
    expect(burstRows(burst(20, 0.6)).size).toBe(0);
  });

  it("counts distinct patients and record accesses only, per user", () => {
    const same = Array.from({ length: 30 }, (_, i) => row({ id: `s${i}`, patientId: "p1", at: at(i * 0.1) }));
    expect(burstRows(same).size).toBe(0);
    const lists = burst(25, 0).map((r) => ({ ...r, target: "caseload" }));
    expect(burstRows(lists).size).toBe(0);
    const twoUsers = [...burst(10, 0.1, "a"), ...burst(10, 0.1, "b")];
    expect(burstRows(twoUsers).size).toBe(0);
  });

  it("a second burst after a quiet window is picked again", () => {
    const first = burst(20, 0.1);
    const second = burst(20, 0.1).map((r, i) => ({ ...r, id: `later-${i}`, at: at(60 + i * 0.1) }));
    expect([...burstRows([...first, ...second])].sort()).toEqual(["cm-19", "later-19"]);
  });
});

describe("sampleRows", () => {
  const rows = Array.from({ length: 50 }, (_, i) => row({ id: String(i + 1), patientId: `p${i}` }));

  it("is stable, of the asked size, from record accesses only, and another month or key draws others", () => {
    const a = sampleRows(rows, "key", "2026-11", 10);
    expect(a.size).toBe(10);
    expect(sampleRows([...rows].reverse(), "key", "2026-11", 10)).toEqual(a);
    expect(sampleRows(rows, "key", "2026-12", 10)).not.toEqual(a);
    expect(sampleRows(rows, "other", "2026-11", 10)).not.toEqual(a);
    const lists = rows.map((r) => ({ ...r, target: "caseload" }));
    expect(sampleRows(lists, "key", "2026-11", 10).size).toBe(0);
  });

  it("draws min(size, record accesses) rows, all of them among the rows (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 }), (n, size) => {
        const s = sampleRows(rows.slice(0, n), "k", "2026-11", size);
        expect(s.size).toBe(Math.min(n, size));
        for (const id of s) expect(Number(id)).toBeLessThanOrEqual(n);
      }),
    );
  });
});

describe("selectForReview", () => {
  it("gives each selected row all its reasons, newest first, and leaves ordinary work out", () => {
    const rows = [
      row({ id: "1" }), // ordinary
      row({ id: "2", userId: "cm2", at: new Date("2026-11-14T10:00:00Z") }), // no relation, Saturday
      row({ id: "3", refusal: "NOT_FOUND", userId: "x", patientId: "p1" }),
      row({ id: "4", target: "caseload", at: new Date("2026-11-10T22:00:00Z") }), // a list at night
      // The patient's own self-report link: an answer at night, an old link opened again (410).
      row({
        id: "5",
        userId: null,
        byLink: true,
        role: null,
        target: "contact:c1",
        at: new Date("2026-11-10T22:00:00Z"),
      }),
      row({
        id: "6",
        userId: null,
        byLink: true,
        role: null,
        target: "self-report-link:l1",
        refusal: "GONE",
      }),
    ];
    const picked = selectForReview(rows, relations, {
      key: "k",
      month: "2026-11",
      settings: { dayStartHour: 7, dayEndHour: 19, burstPatients: 20, burstMinutes: 10, sampleSize: 0 },
    });
    expect(picked.map((p) => [p.row.id, p.reasons])).toEqual([
      ["2", ["NO_CARE_RELATION", "OFF_HOURS"]],
      ["3", ["REFUSED"]],
    ]);
  });

  it("samples staff accesses only, not the patient's own self-report", () => {
    const rows = [
      row({ id: "1", userId: null, byLink: true, role: null, target: "contact:c1" }),
      row({ id: "2" }),
    ];
    const picked = selectForReview(rows, relations, {
      key: "k",
      month: "2026-11",
      settings: { dayStartHour: 7, dayEndHour: 19, burstPatients: 20, burstMinutes: 10, sampleSize: 5 },
    });
    expect(picked.map((p) => [p.row.id, p.reasons])).toEqual([["2", ["SAMPLE"]]]);
  });
});
