// Access-log rows at chosen times, as the benchmark makes them: inserted by
// the owner with the server-time trigger disabled inside that one transaction
// (the app's role can do neither), after making the months' partitions.
import pg from "pg";

export type LogRowInput = {
  at: Date;
  userId: string | null;
  username?: string | null;
  unitId: string | null;
  patientId?: string | null;
  action?: string;
  target?: string | null;
  refusal?: string | null;
};

export async function insertLogRowsAsOwner(
  ownerUrl: string,
  rows: readonly LogRowInput[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const first = new Date(Math.min(...rows.map((r) => r.at.getTime())));
    await client.query("BEGIN");
    await client.query("SELECT access_log_parts.ensure_partitions(24, $1::date)", [
      first.toISOString().slice(0, 10),
    ]);
    await client.query("ALTER TABLE access_log DISABLE TRIGGER access_log_set_time");
    const { rows: ids } = await client.query<{ id: string }>(
      `INSERT INTO access_log (at, user_id, username, unit_id, patient_id, action, target, refusal)
       SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[],
                            $6::"AccessAction"[], $7::text[], $8::"AccessRefusal"[])
       RETURNING id::text`,
      [
        rows.map((r) => r.at),
        rows.map((r) => r.userId),
        rows.map((r) => r.username ?? null),
        rows.map((r) => r.unitId),
        rows.map((r) => r.patientId ?? null),
        rows.map((r) => r.action ?? "READ"),
        rows.map((r) => r.target ?? null),
        rows.map((r) => r.refusal ?? null),
      ],
    );
    await client.query("ALTER TABLE access_log ENABLE TRIGGER access_log_set_time");
    await client.query("COMMIT");
    return ids.map((r) => r.id);
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
