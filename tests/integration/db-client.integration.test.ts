import { describe, expect, it } from "vitest";
import { queries, systemDb } from "@/lib/db/client";

// queries() must tell a transaction from the pool: a transaction's one
// connection takes one query at a time (pg warns, and pg 9 refuses, overlapping
// ones), while the pool serves them side by side.
const overlapOf = async (run: (thunks: (() => Promise<number>)[]) => Promise<unknown>) => {
  let running = 0;
  let most = 0;
  const thunk = (ms: number) => async () => {
    most = Math.max(most, ++running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
    return ms;
  };
  await run([thunk(30), thunk(10), thunk(20)]);
  return most;
};

describe("queries()", () => {
  it("runs one at a time inside an interactive transaction, in order", async () => {
    let results: unknown;
    const most = await overlapOf((thunks) =>
      systemDb().$transaction(async (tx) => {
        results = await queries(tx, ...thunks);
      }),
    );
    expect(most).toBe(1);
    expect(results).toEqual([30, 10, 20]);
  });

  it("runs side by side on the pool", async () => {
    expect(await overlapOf((thunks) => queries(systemDb(), ...thunks))).toBe(3);
  });
});

describe("the app's database sessions", () => {
  // Short reads of a few units' rows: no parallel workers, no JIT (set on the database by every migrate).
  it("plan without parallel workers or JIT, in and outside a transaction", async () => {
    const settings = async (db: Pick<ReturnType<typeof systemDb>, "$queryRaw">) =>
      db.$queryRaw<{ parallel: string; jit: string }[]>`
        SELECT current_setting('max_parallel_workers_per_gather') AS parallel, current_setting('jit') AS jit`;
    expect(await settings(systemDb())).toEqual([{ parallel: "0", jit: "off" }]);
    expect(await systemDb().$transaction((tx) => settings(tx))).toEqual([{ parallel: "0", jit: "off" }]);
  });
});
