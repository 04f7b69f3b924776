// The stored evaluations (episode_evaluation, modules/evaluations) against a
// real PostgreSQL: what a list reads as of today is always what the clinical
// core makes of the facts as of today — after the daily refresh, after a day
// passes with no write at all, after a write, after a change of the unit's
// rules, and when a write commits while a reader is evaluating.
import { afterEach, describe, expect, it, vi } from "vitest";
import { systemDb } from "@/lib/db/client";
import { fromDbDate, toDbDate, todayInStockholm } from "@/lib/dates";
import { addDays, type LocalDate } from "@/lib/local-date";
import { getFlaggedPatients } from "@/modules/caseload/lib/get-flagged";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import { logContact } from "@/modules/contacts/lib/log-contact";
import { loadEpisodeFacts, loadUnitSettings } from "@/modules/episodes/lib/facts";
import {
  computeSummaries,
  episodeSummaries,
  refreshSummaries,
  storeSummaries,
  type SummaryEpisode,
} from "@/modules/evaluations/lib/summaries";
import { computeReviewList, countReviewList, reviewList } from "@/modules/review/lib/review-list";
import { createEpisodeScenario, createTeam, onDay, type Team } from "../support/scenario";

const realToday = todayInStockholm();

/** Moves the app's clock to noon of `day` (Stockholm); the database keeps its own. */
const liveOn = (day: LocalDate) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(onDay(day));
  expect(todayInStockholm()).toBe(day);
};
afterEach(() => void vi.useRealTimers());

/** A unit with episodes whose flags open, close and change over the coming days. */
async function unitOfEpisodes(t: Team) {
  const common = { unitId: t.unitId, careManagerId: t.cm.userId, gpId: t.gp.userId };
  const made = await Promise.all([
    // SAFETY_RISK, NO_RESPONSE, EARLY_NON_RESPONSE, MARKED_FOR_REVIEW.
    createEpisodeScenario({
      ...common,
      startDaysAgo: 60,
      scores: [
        { day: 0, total: 30 },
        { day: 50, total: 28, item9: 4 },
      ],
      contacts: [{ day: 57 }],
      reviewRequests: [{ day: 55 }],
    }),
    // Last reached contact 14 days ago: OVERDUE_CONTACT (more than 14 days) opens tomorrow.
    createEpisodeScenario({
      ...common,
      startDaysAgo: 21,
      scores: [
        { day: 0, total: 24 },
        { day: 7, total: 20 },
      ],
    }),
    // No score yet, started 14 days ago: NO_BASELINE (day 15) opens tomorrow.
    createEpisodeScenario({ ...common, startDaysAgo: 14, contacts: [{ day: 3, reached: false }] }),
    // Week 12 tomorrow without response: TWELVE_WEEK_DECISION opens as days pass.
    createEpisodeScenario({
      ...common,
      startDaysAgo: 83,
      scores: [
        { day: 0, total: 26 },
        { day: 70, total: 22 },
      ],
      contacts: [{ day: 80 }],
    }),
    // A flag handled: it stays closed until its way back.
    createEpisodeScenario({
      ...common,
      startDaysAgo: 45,
      scores: [
        { day: 0, total: 36 },
        { day: 40, total: 35 },
      ],
      handlings: [{ code: "SEVERE", day: 41, role: "ALLMANLAKARE" }],
    }),
    // Relapse prevention, and one not begun (starts in three days).
    createEpisodeScenario({
      ...common,
      startDaysAgo: 100,
      scores: [
        { day: 0, total: 30 },
        { day: 84, total: 8 },
      ],
      status: { status: "RELAPSE_PREVENTION", day: 86 },
    }),
    createEpisodeScenario({ ...common, startDaysAgo: -3 }),
  ]);
  return made.map((s) => ({ id: s.episode.id, startDate: s.episode.startDate, unitId: t.unitId }));
}

/** The pure evaluation as of `day`: facts and settings loaded now, the core run on them. */
async function pure(episodes: SummaryEpisode[], day: LocalDate) {
  const settings = (await loadUnitSettings(systemDb(), [episodes[0]!.unitId], day)).get(episodes[0]!.unitId)!;
  const out = new Map<string, ReturnType<typeof evaluateEpisode>>();
  for (const e of episodes)
    out.set(e.id, evaluateEpisode(await loadEpisodeFacts(systemDb(), e, day), day, settings.rules));
  return out;
}

/** What is stored for the episodes: the day and the evaluation. */
async function stored(episodes: SummaryEpisode[]) {
  const rows = await systemDb().episodeEvaluation.findMany({
    where: { episodeId: { in: episodes.map((e) => e.id) } },
  });
  return new Map(
    rows.map((r) => [r.episodeId, { asOf: r.asOf && fromDbDate(r.asOf), view: r.view, codes: r.flagCodes }]),
  );
}

/**
 * The stored rows are the pure evaluation as of `day`; with `read`, after a
 * list's read of them (which re-evaluates stale rows), else as they stand.
 */
async function expectStoredIsPure(episodes: SummaryEpisode[], day: LocalDate, { read = true } = {}) {
  const expected = await pure(episodes, day);
  if (read) {
    const summaries = await episodeSummaries(systemDb(), episodes, day);
    for (const e of episodes) expect(summaries.get(e.id)!.evaluation).toEqual(expected.get(e.id));
    expect(summaries).toEqual(await computeSummaries(systemDb(), episodes, day));
  }
  const rows = await stored(episodes);
  for (const e of episodes) {
    const row = rows.get(e.id)!;
    expect(row.asOf).toBe(day);
    expect((row.view as { evaluation: unknown }).evaluation).toEqual(expected.get(e.id));
    expect(row.codes).toEqual(expected.get(e.id)!.flags.map((f) => f.code));
  }
}

/** Each episode's open flags as a list reads them as of `day`, in the episodes' order. */
async function codesOf(episodes: SummaryEpisode[], day: LocalDate) {
  const read = await episodeSummaries(systemDb(), episodes, day);
  return episodes.map((e) => read.get(e.id)!.evaluation.flags.map((f) => f.code));
}

describe("the stored evaluations", () => {
  it("equal the pure evaluation of every episode on the days the daily refresh runs", async () => {
    const t = await createTeam();
    const episodes = await unitOfEpisodes(t);
    for (const day of [realToday, addDays(realToday, 1), addDays(realToday, 7), addDays(realToday, 40)]) {
      liveOn(day);
      expect(await refreshSummaries(systemDb())).toBeGreaterThanOrEqual(episodes.length);
      await expectStoredIsPure(episodes, day, { read: false });
    }
  });

  it("are not trusted the next day: a day without any write still opens that day's flags", async () => {
    const t = await createTeam();
    const episodes = await unitOfEpisodes(t);
    liveOn(realToday);
    const before = await codesOf(episodes, realToday);
    expect(before[1]).not.toContain("OVERDUE_CONTACT");
    expect(before[2]).not.toContain("NO_BASELINE");
    await expectStoredIsPure(episodes, realToday);

    // The next day, no refresh and no write: the lists read that day's flags.
    const tomorrow = addDays(realToday, 1);
    liveOn(tomorrow);
    const flagged = await getFlaggedPatients({ actor: t.cm, scope: "mina", asOf: tomorrow });
    const open = flagged.flags.map((f) => `${f.row.episodeId} ${f.code}`);
    expect(open).toContain(`${episodes[1]!.id} OVERDUE_CONTACT`);
    expect(open).toContain(`${episodes[2]!.id} NO_BASELINE`);
    await expectStoredIsPure(episodes, tomorrow);
  });

  it("are made stale by a write in its transaction, and by a change of the unit's rules", async () => {
    const t = await createTeam();
    const episodes = await unitOfEpisodes(t);
    await refreshSummaries(systemDb());
    await expectStoredIsPure(episodes, realToday, { read: false });

    // A call reaches the overdue patient's neighbour: the row goes stale at once, the next read is right.
    await logContact({
      actor: t.cm,
      episodeId: episodes[0]!.id,
      input: {
        date: realToday,
        type: "PHONE",
        counterpart: "PATIENT",
        reached: true,
        madrsS: [1, 1, 1, 1, 1, 1, 1, 1, 1],
      },
    });
    expect((await stored(episodes)).get(episodes[0]!.id)!.asOf).toBeNull();
    await expectStoredIsPure(episodes, realToday);

    // The unit asks for a contact every 10 days from today: every episode of the unit is re-evaluated.
    await systemDb().unitSettings.create({
      data: { unitId: t.unitId, validFrom: toDbDate(realToday), overdueContactDays: 10 },
    });
    expect([...(await stored(episodes)).values()].every((r) => r.asOf === null)).toBe(true);
    await expectStoredIsPure(episodes, realToday);
    expect((await codesOf(episodes, realToday))[1]).toContain("OVERDUE_CONTACT");
    // The review list as of today reads them too.
    expect((await reviewList({ actor: t.psy, asOf: realToday })).items.map((i) => i.episodeId)).toContain(
      episodes[0]!.id,
    );
  });

  it("never store what a reader evaluated while a write was committing", async () => {
    const t = await createTeam();
    const episodes = await unitOfEpisodes(t);
    const target = [episodes[1]!];
    // Stale before the writer begins, so the reader evaluates and tries to store.
    await systemDb().episodeEvaluation.update({
      where: { episodeId: target[0]!.id },
      data: { asOf: null, version: { increment: 1 } },
    });
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    // A writer adds a high score and holds its transaction open.
    const writer = systemDb().$transaction(
      async (tx) => {
        await tx.contact.create({
          data: {
            episodeId: target[0]!.id,
            date: toDbDate(realToday),
            type: "PHONE",
            reached: true,
            counterpart: "PATIENT",
            item1: 6,
            item2: 6,
            item3: 6,
            item4: 6,
            item5: 6,
            item6: 6,
            item7: 6,
            item8: 6,
            item9: 5,
            madrsTotal: 53,
            authorId: t.cm.userId,
          },
        });
        wrote();
        await hold;
      },
      { timeout: 20_000 },
    );
    await written;
    // The reader sees the committed facts (no new score), does not wait for the
    // writer, and must not store what it evaluated over the writer's stale mark.
    const during = await episodeSummaries(systemDb(), target, realToday);
    expect((await stored(target)).get(target[0]!.id)!.asOf).toBeNull();
    expect(during.get(target[0]!.id)!.evaluation.flags.map((f) => f.code)).not.toContain("SAFETY_RISK");
    release();
    await writer;
    expect((await stored(target)).get(target[0]!.id)!.asOf).toBeNull();
    expect((await codesOf(target, realToday))[0]).toContain("SAFETY_RISK");
    await expectStoredIsPure(target, realToday);
  });

  it("store nothing over a write that committed after the reader read the version", async () => {
    const t = await createTeam();
    const [episode] = await unitOfEpisodes(t);
    const row = await systemDb().episodeEvaluation.findUniqueOrThrow({ where: { episodeId: episode!.id } });
    const summaries = await computeSummaries(systemDb(), [episode!], realToday);
    // A write commits between the reader's read and its store.
    await logContact({
      actor: t.cm,
      episodeId: episode!.id,
      input: { date: realToday, type: "PHONE", counterpart: "PATIENT", reached: false },
    });
    await storeSummaries(systemDb(), summaries, new Map([[episode!.id, row.version]]), realToday);
    expect((await stored([episode!])).get(episode!.id)!.asOf).toBeNull();
    // With the version of now, it is stored.
    const now = await systemDb().episodeEvaluation.findUniqueOrThrow({ where: { episodeId: episode!.id } });
    await storeSummaries(systemDb(), summaries, new Map([[episode!.id, now.version]]), realToday);
    expect((await stored([episode!])).get(episode!.id)!.asOf).toBe(realToday);
  });

  it.each([
    [
      "a status change",
      (e: SummaryEpisode, t: Team) =>
        systemDb().episodeStatusChange.create({
          data: {
            episodeId: e.id,
            status: "RELAPSE_PREVENTION",
            date: toDbDate(realToday),
            recordedById: t.cm.userId,
          },
        }),
    ],
    [
      "a flag handling",
      (e: SummaryEpisode, t: Team) =>
        systemDb().flagHandling.create({
          data: {
            episodeId: e.id,
            code: "SAFETY_RISK",
            note: "Bedömd.",
            handledById: t.gp.userId,
            handledByRole: "ALLMANLAKARE",
          },
        }),
    ],
    [
      "a question to the psychiatrist",
      (e: SummaryEpisode, t: Team) =>
        systemDb().reviewRequest.create({
          data: { episodeId: e.id, question: "?", requestedById: t.cm.userId },
        }),
    ],
    [
      "a changed episode",
      (e: SummaryEpisode) =>
        systemDb().episode.update({ where: { id: e.id }, data: { version: { increment: 1 } } }),
    ],
    [
      "a changed contact",
      (e: SummaryEpisode) =>
        systemDb().contact.updateMany({ where: { episodeId: e.id }, data: { note: "Ändrad" } }),
    ],
    [
      "a removed contact",
      async (e: SummaryEpisode) => {
        const c = await systemDb().contact.findFirstOrThrow({
          where: { episodeId: e.id },
          orderBy: { date: "desc" },
        });
        await systemDb().contact.delete({ where: { id: c.id } });
      },
    ],
    [
      "the patient's move to another unit",
      async (e: SummaryEpisode) => {
        const unit = await systemDb().unit.create({
          data: { name: `Vårdcentralen Flytt ${e.id.slice(0, 8)}` },
        });
        const episode = await systemDb().episode.findUniqueOrThrow({ where: { id: e.id } });
        await systemDb().patient.update({ where: { id: episode.patientId }, data: { unitId: unit.id } });
      },
    ],
  ])("are made stale by %s", async (_, write) => {
    const t = await createTeam();
    const episode = (await unitOfEpisodes(t))[1];
    await refreshSummaries(systemDb());
    expect((await stored([episode!])).get(episode!.id)!.asOf).toBe(realToday);
    await write(episode!, t);
    expect((await stored([episode!])).get(episode!.id)!.asOf).toBeNull();
  });

  it("are not stored from inside a transaction, which would hold their locks against writers", async () => {
    const t = await createTeam();
    const episodes = await unitOfEpisodes(t);
    const read = await systemDb().$transaction((tx) => episodeSummaries(tx, episodes, realToday));
    expect(read).toEqual(await computeSummaries(systemDb(), episodes, realToday));
    expect([...(await stored(episodes)).values()].every((r) => r.asOf === null)).toBe(true);
  });

  it("give today's review list as the facts do, an episode closed from a later date included", async () => {
    const t = await createTeam();
    const episodes = await unitOfEpisodes(t);
    // Suicide risk today; its closing is recorded already, dated next week.
    const closing = await createEpisodeScenario({
      unitId: t.unitId,
      careManagerId: t.cm.userId,
      startDaysAgo: 30,
      scores: [
        { day: 0, total: 30 },
        { day: 28, total: 30, item9: 5 },
      ],
      status: { status: "DEACTIVATED", day: 37 },
    });
    await refreshSummaries(systemDb());
    const stored = (await reviewList({ actor: t.psy, asOf: realToday })).items;
    expect(stored.map((i) => i.episodeId)).toContain(closing.episode.id);
    expect(stored.map((i) => i.episodeId)).toContain(episodes[0]!.id);
    // The same day asked from the next: evaluated from the facts, through the SQL pre-filter.
    liveOn(addDays(realToday, 1));
    expect((await reviewList({ actor: t.psy, asOf: realToday })).items).toEqual(stored);
  });

  it("give the header's count as today's list has it: fresh rows by their stored flags, stale ones evaluated", async () => {
    const t = await createTeam();
    const episodes = await unitOfEpisodes(t);
    await refreshSummaries(systemDb());
    const listed = async (day: LocalDate) => (await reviewList({ actor: t.psy, asOf: day })).items.length;
    const count = (day: LocalDate) => countReviewList(systemDb(), [t.unitId], day);
    const before = await count(realToday);
    expect(before).toBe(await listed(realToday));
    expect(before).toBeGreaterThan(0);

    // A write that adds a psychiatrist's flag (suicide risk) leaves the row stale: the count evaluates it.
    await logContact({
      actor: t.cm,
      episodeId: episodes[1]!.id,
      input: {
        date: realToday,
        type: "PHONE",
        counterpart: "PATIENT",
        reached: true,
        madrsS: [3, 3, 3, 3, 3, 3, 3, 3, 5],
      },
    });
    expect((await stored(episodes)).get(episodes[1]!.id)!.asOf).toBeNull();
    expect(await count(realToday)).toBe(before + 1);
    expect(await listed(realToday)).toBe(before + 1);

    // The next day with no write and no refresh: every row is of yesterday, the count evaluates them all.
    const tomorrow = addDays(realToday, 1);
    liveOn(tomorrow);
    expect(await count(tomorrow)).toBe(await listed(tomorrow));
    // Another day than today is counted from the facts.
    expect(await count(realToday)).toBe(before + 1);
  });

  it("count over several units as the list has them: a missing row, an episode closed from a later date", async () => {
    const [a, b] = [await createTeam(), await createTeam()];
    const episodes = [...(await unitOfEpisodes(a)), ...(await unitOfEpisodes(b))];
    const closing = await createEpisodeScenario({
      unitId: b.unitId,
      careManagerId: b.cm.userId,
      startDaysAgo: 30,
      scores: [
        { day: 0, total: 30 },
        { day: 28, total: 30, item9: 5 },
      ],
      status: { status: "DEACTIVATED", day: 37 },
    });
    await refreshSummaries(systemDb());
    // A row lost (as after a restore without the triggers): evaluated, listed and counted all the same.
    await systemDb().episodeEvaluation.delete({ where: { episodeId: episodes[0]!.id } });
    const units = [a.unitId, b.unitId];
    const list = await computeReviewList(systemDb(), units, realToday, false);
    expect(list.items.map((i) => i.episodeId)).toEqual(
      expect.arrayContaining([episodes[0]!.id, closing.episode.id]),
    );
    expect(await countReviewList(systemDb(), units, realToday)).toBe(list.items.length);
    expect(await countReviewList(systemDb(), [a.unitId], realToday)).toBe(
      (await computeReviewList(systemDb(), [a.unitId], realToday, false)).items.length,
    );
  });
});
