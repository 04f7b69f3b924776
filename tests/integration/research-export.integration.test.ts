// The pseudonymised research export against a real PostgreSQL: no identity in
// it, the same person under the same pseudonym across units and exports, and
// every export in the access log with its parameters.
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { todayInStockholm } from "@/lib/dates";
import { addDays } from "@/lib/local-date";
import { EXPORT_COLUMNS, researchExport } from "@/modules/research/lib/research-export";
import { personPseudonym } from "@/modules/research/rules/pseudonymise";
import { api } from "../support/api";
import { accessRows, actorOf, createTestUnit, createTestUser, createTokenUser } from "../support/factories";
import { createEpisodeScenario } from "../support/scenario";

const KEY = "integration-test-export-key-0123456789abcdef";
process.env.SAMVARD_EXPORT_KEY = KEY;

const today = todayInStockholm();
const period = { from: addDays(today, -365), to: today };
const parse = (csv: string) =>
  csv
    .trimEnd()
    .split("\n")
    .map((l) => l.split(","));

describe("the research export", () => {
  it("has no identity, links the same person across units and exports, and logs each export", async () => {
    const [a, b] = await Promise.all([createTestUnit(), createTestUnit()]);
    const chef = actorOf(await createTestUser({ role: "VERKSAMHETSCHEF", unitIds: [a.id, b.id] }));
    const first = await createEpisodeScenario({
      unitId: a.id,
      startDaysAgo: 100,
      scores: [
        { day: 0, total: 30 },
        { day: 84, total: 10 },
      ],
      contacts: [{ day: 7, note: "Sov dåligt, pratade om jobbet." }],
      patient: { phone: "0701234567" },
    });
    // The same person, registered at the other unit too (moved), with an episode there.
    const samePerson = await systemDb().patient.create({
      data: {
        unitId: b.id,
        personnummer: first.patient.personnummer,
        givenName: first.patient.givenName,
        familyName: first.patient.familyName,
        createdById: chef.userId,
      },
    });
    await systemDb().episode.create({
      data: {
        patientId: samePerson.id,
        startDate: new Date(`${addDays(today, -10)}T00:00:00Z`),
        createdById: chef.userId,
      },
    });

    const episodesA = parse(await researchExport({ actor: chef, unitId: a.id, period, kind: "episodes" }));
    const episodesB = parse(await researchExport({ actor: chef, unitId: b.id, period, kind: "episodes" }));
    const contactsA = await researchExport({ actor: chef, unitId: a.id, period, kind: "contacts" });
    expect(episodesA[0]).toEqual(EXPORT_COLUMNS.episodes);
    const [rowA] = episodesA.slice(1);
    const [rowB] = episodesB.slice(1);
    const col = (name: string) => EXPORT_COLUMNS.episodes.indexOf(name);
    // The same person, the same pseudonym: in both units, and in an export made again.
    expect(rowA![col("person")]).toBe(personPseudonym(KEY, first.patient.personnummer));
    expect(rowB![col("person")]).toBe(rowA![col("person")]);
    const again = parse(await researchExport({ actor: chef, unitId: a.id, period, kind: "episodes" }));
    expect(again[1]![col("person")]).toBe(rowA![col("person")]);
    expect(rowA![col("unit")]).not.toBe(rowB![col("unit")]);
    // What a researcher needs: start month, sex, age band, and the outcome at 12 weeks.
    expect(rowA![col("start_month")]).toBe(first.start.slice(0, 7));
    expect(rowA![col("sex")]).toMatch(/^[KM]$/);
    expect(rowA!.slice(col("baseline"))).toEqual(["30", "0", "10", "1", "1"]);

    // No identity anywhere: no name, number, phone, free text or database id.
    const everything = [episodesA, episodesB].flat(2).join(",") + contactsA;
    for (const secret of [
      first.patient.personnummer,
      first.patient.personnummer.slice(2),
      first.patient.familyName,
      first.patient.givenName,
      "0701234567",
      "Sov dåligt",
      first.episode.id,
      first.patient.id,
      a.id,
    ])
      expect(everything).not.toContain(secret);
    // The contacts: days since the start, the scores, linked by the episode's key.
    const contactRows = parse(contactsA);
    expect(contactRows[0]).toEqual(EXPORT_COLUMNS.contacts);
    expect(contactRows.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual([
      [rowA![col("episode")], "0", "30"],
      [rowA![col("episode")], "7", ""],
      [rowA![col("episode")], "84", "10"],
    ]);

    // One EXPORT row per patient exported, with the export's parameters: it shows in their log extract.
    const logged = (await accessRows({ userId: chef.userId })).map((r) => [
      r.action,
      r.target,
      r.unitId,
      r.patientId,
    ]);
    expect(logged).toEqual([
      ["EXPORT", `research-export:episodes:${period.from}..${period.to}`, a.id, first.patient.id],
      ["EXPORT", `research-export:episodes:${period.from}..${period.to}`, b.id, samePerson.id],
      ["EXPORT", `research-export:contacts:${period.from}..${period.to}`, a.id, first.patient.id],
      ["EXPORT", `research-export:episodes:${period.from}..${period.to}`, a.id, first.patient.id],
    ]);
  });

  it("is the verksamhetschef's, of their own units", async () => {
    const unit = await createTestUnit();
    const cm = actorOf(await createTestUser({ role: "VARDSAMORDNARE", unitIds: [unit.id] }));
    const otherChef = actorOf(await createTestUser({ role: "VERKSAMHETSCHEF" }));
    await expect(
      researchExport({ actor: cm, unitId: unit.id, period, kind: "episodes" }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      researchExport({ actor: otherChef, unitId: unit.id, period, kind: "contacts" }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await accessRows({ userId: cm.userId })).map((r) => [r.action, r.refusal])).toEqual([
      ["EXPORT", "FORBIDDEN"],
    ]);
  });

  it("is in the HTTP API as CSV for a verksamhetschef's token, the same file as the page's; bad input is 400", async () => {
    const unit = await createTestUnit();
    const s = await createEpisodeScenario({
      unitId: unit.id,
      startDaysAgo: 30,
      scores: [{ day: 0, total: 25 }],
    });
    const chef = await createTokenUser({ role: "VERKSAMHETSCHEF", unitIds: [unit.id] });
    const q = `unitId=${unit.id}&from=${period.from}&to=${period.to}`;
    const res = await api<string>("GET", `/research-export?${q}&kind=episodes`, { token: chef.token });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe("text/csv; charset=utf-8");
    const rows = parse(res.body);
    expect(rows[0]).toEqual([...EXPORT_COLUMNS.episodes]);
    expect(rows).toHaveLength(2);
    expect(res.body).not.toContain(s.patient.personnummer);
    expect(res.body).not.toContain(s.patient.familyName);
    expect((await accessRows({ userId: chef.user.id })).map((r) => [r.action, r.patientId])).toEqual([
      ["EXPORT", s.patient.id],
    ]);
    const bad = await api("GET", `/research-export?${q}&kind=names`, { token: chef.token });
    expect(bad.status).toBe(400);
    const backwards = await api(
      "GET",
      `/research-export?unitId=${unit.id}&from=${today}&to=${period.from}&kind=contacts`,
      {
        token: chef.token,
      },
    );
    expect(backwards.status).toBe(400);
  });
});
