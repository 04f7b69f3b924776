import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seededRandom } from "@/lib/random";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import { FLAG_CODES, isPsychiatristFlag } from "@/modules/clinical/rules/flags";
import { addDays } from "@/modules/clinical/rules/local-date";
import { DEFAULT_RULE_SETTINGS } from "@/modules/clinical/rules/settings";
import { loadEpisodeFacts } from "@/modules/episodes/lib/facts";
import { orderReviewList } from "@/modules/review/rules/order";
import { reviewList } from "@/modules/review/lib/review-list";
import { createTestUnit, createTestUser, uniquePersonnummer } from "../support/factories";

const BASE = "2026-06-01";

async function randomUnit(seed: number, episodes: number) {
  const random = seededRandom(seed); // deterministic, so a failure can be replayed
  const int = (n: number) => Math.floor(random() * n);
  const unit = await createTestUnit();
  const user = await createTestUser({ role: "VARDSAMORDNARE", unitIds: [unit.id] });
  for (let i = 0; i < episodes; i++) {
    const patient = await db().patient.create({
      data: {
        unitId: unit.id,
        personnummer: uniquePersonnummer(),
        givenName: "P",
        familyName: String(i),
        createdById: user.id,
      },
    });
    const start = addDays(BASE, int(120));
    const closeDay = random() < 0.2 ? 30 + int(120) : null;
    const episode = await db().episode.create({
      data: {
        patientId: patient.id,
        startDate: toDbDate(start),
        createdById: user.id,
        status: closeDay === null ? "ACTIVE" : random() < 0.5 ? "COMPLETED" : "DEACTIVATED",
        closedDate: closeDay === null ? null : toDbDate(addDays(start, closeDay)),
      },
    });
    if (closeDay !== null) {
      await db().episodeStatusChange.create({
        data: {
          episodeId: episode.id,
          status: episode.status,
          date: toDbDate(addDays(start, closeDay)),
          recordedById: user.id,
          reason: "test",
        },
      });
    }
    const contacts = int(14);
    for (let c = 0; c < contacts; c++) {
      const day = int(closeDay ?? 150);
      const scored = random() < 0.6;
      const items = Array.from({ length: 9 }, () => int(7));
      await db().contact.create({
        data: {
          episodeId: episode.id,
          date: toDbDate(addDays(start, day)),
          type: "PHONE",
          reached: scored || random() < 0.7,
          authorId: user.id,
          recordedAt: new Date(`${addDays(start, day + int(3))}T10:00:00Z`),
          ...(scored
            ? Object.fromEntries([
                ...items.map((v, k) => [`item${k + 1}`, v]),
                ["madrsTotal", items.reduce((a, b) => a + b, 0)],
              ])
            : {}),
        },
      });
    }
    if (random() < 0.3) {
      await db().flagHandling.create({
        data: {
          episodeId: episode.id,
          code: FLAG_CODES[int(FLAG_CODES.length)]!,
          note: "test",
          handledAt: new Date(`${addDays(start, int(120))}T09:00:00Z`),
          handledById: user.id,
          handledByRole: "ALLMANLAKARE",
        },
      });
    }
    if (random() < 0.2) {
      await db().reviewRequest.create({
        data: {
          episodeId: episode.id,
          question: "?",
          requestedAt: new Date(`${addDays(start, int(100))}T09:00:00Z`),
          requestedById: user.id,
        },
      });
    }
  }
  return unit;
}

/** The list as the pure core sees it: every episode of the unit evaluated, no SQL pre-filter. */
async function pureList(unitId: string, asOf: string) {
  const episodes = await db().episode.findMany({ where: { patient: { unitId } } });
  const items = [];
  for (const e of episodes) {
    const r = evaluateEpisode(await loadEpisodeFacts(db(), e.id, e.startDate), asOf, DEFAULT_RULE_SETTINGS);
    if (r.flags.some((f) => isPsychiatristFlag(f.code))) {
      items.push({
        episodeId: e.id,
        daysInTreatment: r.daysInTreatment,
        flags: r.flags.map((f) => f.code),
        start: fromDbDate(e.startDate),
      });
    }
  }
  return orderReviewList(items);
}

describe("review list", () => {
  it("equals the pure evaluation of every episode, in order, at many dates", async () => {
    const unit = await randomUnit(20261122, 60);
    const psychiatrist = await createTestUser({ role: "PSYKIATER", unitIds: [unit.id] });
    const actor = {
      userId: psychiatrist.id,
      username: psychiatrist.username,
      role: "PSYKIATER" as const,
      unitIds: [unit.id],
    };
    let nonEmpty = 0;
    for (const asOf of [
      "2026-06-10",
      "2026-07-20",
      "2026-08-15",
      "2026-09-01",
      "2026-10-01",
      "2026-11-15",
      "2027-01-10",
    ]) {
      const list = await reviewList({ actor, asOf });
      const expected = await pureList(unit.id, asOf);
      expect(list.items.map((i) => [i.episodeId, i.flags])).toEqual(
        expected.map((i) => [i.episodeId, i.flags]),
      );
      if (list.items.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(3); // the data actually exercises the list
  });

  it("a unit filter outside the caller's units is 404; a verksamhetschef gets 403", async () => {
    const unit = await createTestUnit();
    const other = await createTestUnit();
    const psy = await createTestUser({ role: "PSYKIATER", unitIds: [unit.id] });
    const chef = await createTestUser({ role: "VERKSAMHETSCHEF", unitIds: [unit.id] });
    const asActor = (u: typeof psy) => ({
      userId: u.id,
      username: u.username,
      role: u.role,
      unitIds: [unit.id],
    });
    await expect(reviewList({ actor: asActor(psy), unitId: other.id })).rejects.toMatchObject({
      status: 404,
    });
    await expect(reviewList({ actor: asActor(chef) })).rejects.toMatchObject({ status: 403 });
  });
});
