// Inställningar against a real PostgreSQL: versioned rule settings (an
// evaluation as of a day uses that day's version), the preview that predicts
// the change, the unit's details, scope and the access log.
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import { addDays } from "@/lib/local-date";
import { DEFAULT_RULE_SETTINGS } from "@/modules/clinical/rules/settings";
import { getPatientRecord } from "@/modules/episodes/lib/get-patient-record";
import { DEFAULT_UNIT_SETTINGS, loadSettingsTimeline, loadUnitSettings } from "@/modules/episodes/lib/facts";
import {
  changeUnitSettings,
  getUnitSettingsPage,
  previewSettings,
  updateUnitDetails,
} from "@/modules/unit-settings/lib/unit-settings";
import { accessRows, actorOf, createTestUser } from "../support/factories";
import { createEpisodeScenario, createTeam } from "../support/scenario";

const today = todayInStockholm();
const defaults = DEFAULT_UNIT_SETTINGS;
const withRules = (rules: Partial<typeof DEFAULT_RULE_SETTINGS>) => ({
  ...DEFAULT_UNIT_SETTINGS,
  rules: { ...DEFAULT_RULE_SETTINGS, ...rules },
});

/** A patient last reached 20 days ago: OVERDUE_CONTACT under the default 14 days, not under 30. */
const overdue = (t: Awaited<ReturnType<typeof createTeam>>) =>
  createEpisodeScenario({
    unitId: t.unitId,
    careManagerId: t.cm.userId,
    startDaysAgo: 20,
    scores: [{ day: 0, total: 24 }],
  });

const codesOf = async (t: Awaited<ReturnType<typeof createTeam>>, episodeId: string, asOf: string) => {
  const record = await getPatientRecord({ actor: t.cm, episodeId, asOf });
  return record.current!.episode.flags.map((f) => f.code);
};

describe("versioned rule settings", () => {
  it("the preview predicts the change; a change valid from today leaves yesterday's evaluation as it was", async () => {
    const t = await createTeam();
    const s = await overdue(t);
    await overdue(t);
    expect(await codesOf(t, s.episode.id, today)).toContain("OVERDUE_CONTACT");

    const proposed = withRules({ overdueContactDays: 30 });
    const preview = await previewSettings({ actor: t.vc, unitId: t.unitId, proposed });
    expect(preview).toEqual({
      episodes: 2,
      changed: 2,
      byCode: [{ code: "OVERDUE_CONTACT", before: 2, after: 0 }],
    });

    await changeUnitSettings({ actor: t.vc, unitId: t.unitId, validFrom: today, values: proposed });
    expect(await codesOf(t, s.episode.id, today)).not.toContain("OVERDUE_CONTACT");
    // The day before, the old rule still holds: the past is not rewritten.
    expect(await codesOf(t, s.episode.id, addDays(today, -1))).toContain("OVERDUE_CONTACT");

    // And what the preview said now holds.
    const after = await previewSettings({ actor: t.vc, unitId: t.unitId, proposed });
    expect(after.changed).toBe(0);
  });

  it("a planned change is in force from its day; the latest made wins among equal days; history names who", async () => {
    const t = await createTeam();
    const later = addDays(today, 10);
    await changeUnitSettings({
      actor: t.vc,
      unitId: t.unitId,
      validFrom: later,
      values: withRules({ severeTotal: 40 }),
    });
    await changeUnitSettings({
      actor: t.vc,
      unitId: t.unitId,
      validFrom: later,
      values: withRules({ severeTotal: 42 }),
    });
    const at = async (day: string) => (await loadUnitSettings(systemDb(), [t.unitId], day)).get(t.unitId)!;
    expect((await at(today)).rules.severeTotal).toBe(35);
    expect((await at(addDays(later, -1))).rules.severeTotal).toBe(35);
    expect((await at(later)).rules.severeTotal).toBe(42);
    // The timeline (a page evaluating as of several days) agrees, day by day.
    const on = await loadSettingsTimeline(systemDb(), t.unitId);
    for (const day of [today, addDays(later, -1), later, addDays(later, 30)])
      expect(on(day)).toEqual(await at(day));

    const page = await getUnitSettingsPage({ actor: t.vc, unitId: t.unitId });
    expect(page.current).toEqual(defaults);
    expect(page.history.map((h) => [h.validFrom, h.state, h.createdBy, h.changed])).toEqual([
      [later, "planned", expect.any(String), ["rules.severeTotal"]],
      [later, "planned", expect.any(String), ["rules.severeTotal"]],
    ]);
    const [newest] = page.history;
    expect(newest!.values.rules.severeTotal).toBe(42);
    expect(newest!.createdBy).toBe(t.vc.displayName);
  });

  it("refuses a day in the past, no change at all, and invalid settings never reach the database", async () => {
    const t = await createTeam();
    await expect(
      changeUnitSettings({
        actor: t.vc,
        unitId: t.unitId,
        validFrom: addDays(today, -1),
        values: withRules({ severeTotal: 40 }),
      }),
    ).rejects.toMatchObject({
      status: 400,
      fieldErrors: { validFrom: [expect.stringContaining("inte bakåt")] },
    });
    await expect(
      changeUnitSettings({ actor: t.vc, unitId: t.unitId, validFrom: today, values: defaults }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await systemDb().unitSettings.count({ where: { unitId: t.unitId } })).toBe(0);
  });

  it("logs the change and the preview; other roles and other units are refused, and that is logged", async () => {
    const t = await createTeam();
    await overdue(t);
    await previewSettings({ actor: t.vc, unitId: t.unitId, proposed: withRules({ overdueContactDays: 20 }) });
    const v = await changeUnitSettings({
      actor: t.vc,
      unitId: t.unitId,
      validFrom: today,
      values: withRules({ overdueContactDays: 20 }),
    });
    expect((await accessRows({ userId: t.vc.userId })).map((r) => [r.action, r.unitId, r.target])).toEqual([
      ["READ", t.unitId, `unit-settings:preview:${today}`],
      ["UPDATE", t.unitId, `unit-settings:${v.id}:from:${today}`],
    ]);

    await expect(
      changeUnitSettings({ actor: t.gp, unitId: t.unitId, validFrom: today, values: defaults }),
    ).rejects.toMatchObject({ status: 403 });
    const stranger = actorOf(await createTestUser({ role: "VERKSAMHETSCHEF" }));
    await expect(getUnitSettingsPage({ actor: stranger, unitId: t.unitId })).rejects.toMatchObject({
      status: 404,
    });
    expect((await accessRows({ userId: stranger.userId })).map((r) => [r.refusal, r.unitId])).toEqual([
      ["NOT_FOUND", t.unitId],
    ]);
  });
});

describe("the unit's details", () => {
  it("saves name, phone and address, logged; a taken name is a conflict on the field", async () => {
    const t = await createTeam();
    const other = await createTeam();
    const otherName = (await systemDb().unit.findUniqueOrThrow({ where: { id: other.unitId } })).name;
    await updateUnitDetails({
      actor: t.vc,
      unitId: t.unitId,
      details: { unitId: t.unitId, name: `${otherName} Nya`, phone: "031-123 45 67", address: "Storgatan 1" },
    });
    expect(await systemDb().unit.findUniqueOrThrow({ where: { id: t.unitId } })).toMatchObject({
      name: `${otherName} Nya`,
      phone: "031-123 45 67",
      address: "Storgatan 1",
    });
    await expect(
      updateUnitDetails({
        actor: t.vc,
        unitId: t.unitId,
        details: { unitId: t.unitId, name: otherName, phone: null, address: null },
      }),
    ).rejects.toMatchObject({ status: 409, fieldErrors: { name: [expect.any(String)] } });
    expect((await accessRows({ userId: t.vc.userId })).map((r) => [r.action, r.target, r.refusal])).toEqual([
      ["UPDATE", `unit:${t.unitId}:details`, null],
      ["UPDATE", "unit", "CONFLICT"],
    ]);
  });
});
