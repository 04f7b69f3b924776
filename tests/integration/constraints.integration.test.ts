import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUnit, createTestUser, uniquePersonnummer } from "../support/factories";

// The hand-written constraints hold even for SQL that skips the use cases.
const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
beforeAll(() => owner.connect());
afterAll(() => owner.end());

const fails = async (sql: string, params: unknown[] = []) => {
  try {
    await owner.query(sql, params);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

async function episodeFixture() {
  const unit = await createTestUnit();
  const user = await createTestUser({ unitIds: [unit.id] });
  const { rows: p } = await owner.query<{ id: string }>(
    `INSERT INTO patient (id, unit_id, personnummer, given_name, family_name, created_by_id)
     VALUES (gen_random_uuid(), $1, $2, 'A', 'B', $3) RETURNING id`,
    [unit.id, uniquePersonnummer(), user.id],
  );
  const insertEpisode = (status = "ACTIVE") =>
    owner.query<{ id: string }>(
      `INSERT INTO episode (id, patient_id, start_date, status, closed_date, created_by_id)
       VALUES (gen_random_uuid(), $1, '2026-09-01', $2, $3, $4) RETURNING id`,
      [p[0]!.id, status, status === "COMPLETED" ? "2026-11-01" : null, user.id],
    );
  const { rows: e } = await insertEpisode();
  return { user, patientId: p[0]!.id, episodeId: e[0]!.id, insertEpisode };
}

const contactSql = (items: string, total: string, extra = "true, 'PATIENT'") => `
  INSERT INTO contact (id, episode_id, date, type, reached, counterpart, item1, item2, item3, item4, item5, item6, item7, item8, item9, madrs_total, author_id)
  VALUES (gen_random_uuid(), $1, '2026-09-02', 'PHONE', ${extra}, ${items}, ${total}, $2)`;

describe("database constraints", () => {
  it("at most one open episode per patient", async () => {
    const { insertEpisode } = await episodeFixture();
    await expect(insertEpisode()).rejects.toThrow(/episode_one_open_per_patient/);
    await expect(insertEpisode("COMPLETED")).resolves.toBeDefined();
  });

  it("MADRS-S: nine items 0–6 and a total that is their sum, or none at all", async () => {
    const { user, episodeId } = await episodeFixture();
    const run = (items: string, total: string, extra?: string) =>
      fails(contactSql(items, total, extra), [episodeId, user.id]);
    expect(await run("1,1,1,1,1,1,1,1,1", "9")).toBeNull();
    expect(await run("NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL", "NULL")).toBeNull();
    expect(await run("1,1,1,1,1,1,1,1,NULL", "8")).toMatch(/contact_madrs_complete/);
    expect(await run("1,1,1,1,1,1,1,1,NULL", "NULL")).toMatch(/contact_madrs_complete/);
    expect(await run("1,1,1,1,1,1,1,1,1", "10")).toMatch(/contact_madrs_complete/);
    expect(await run("1,1,1,1,1,1,1,1,7", "15")).toMatch(/contact_madrs_items_range/);
    expect(await run("1,1,1,1,1,1,1,1,1", "9", "false, 'PATIENT'")).toMatch(
      /contact_madrs_only_reached_patient/,
    );
    expect(await run("1,1,1,1,1,1,1,1,1", "9", "true, 'ARBETSGIVARE'")).toMatch(
      /contact_madrs_only_reached_patient/,
    );
  });

  it("one unanswered review request per episode", async () => {
    const { user, episodeId } = await episodeFixture();
    const ask = () =>
      fails(
        `INSERT INTO review_request (id, episode_id, question, requested_by_id) VALUES (gen_random_uuid(), $1, '?', $2)`,
        [episodeId, user.id],
      );
    expect(await ask()).toBeNull();
    expect(await ask()).toMatch(/review_request_one_unanswered/);
  });

  it("usernames, identity numbers and counters keep their form", async () => {
    const { user } = await episodeFixture();
    expect(await fails(`UPDATE app_user SET username = 'Has Spaces' WHERE id = $1`, [user.id])).toMatch(
      /app_user_username_format/,
    );
    expect(await fails(`UPDATE app_user SET failed_login_count = -1 WHERE id = $1`, [user.id])).toMatch(
      /app_user_failed_login_count_nonnegative/,
    );
    expect(
      await fails(`UPDATE patient SET personnummer = '19121212-1212' WHERE created_by_id = $1`, [user.id]),
    ).toMatch(/patient_personnummer_12_digits/);
  });
});
