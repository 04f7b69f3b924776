import { describe, expect, it, vi } from "vitest";
import { createStopper } from "./stopper";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("the launcher's one stop", () => {
  it("a second signal during the stop waits for it: the child, then the database, then one exit", async () => {
    const order: string[] = [];
    const child = deferred();
    const exits: number[] = [];
    const stopper = createStopper(
      () => ({
        stopChild: async () => {
          order.push("child");
          await child.promise;
        },
        stopDatabase: async () => {
          order.push("database");
        },
      }),
      (code) => exits.push(code),
    );
    const first = stopper.stop(0);
    const second = stopper.stop(1); // the impatient second Ctrl-C
    expect(stopper.stopping).toBe(true);
    expect(order).toEqual(["child"]);
    child.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(["child", "database"]);
    expect(exits).toEqual([0]);
  });

  it("the database is stopped, and the launcher exits, even when stopping the child fails", async () => {
    const order: string[] = [];
    const stopper = createStopper(
      () => ({
        stopChild: () => Promise.reject(new Error("kill failed")),
        stopDatabase: async () => {
          order.push("database");
        },
      }),
      (code) => order.push(`exit ${code}`),
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await stopper.stop(0);
    expect(order).toEqual(["database", "exit 1"]);
    // The failure is said, not swallowed (and kept out of the test run's output).
    expect(logged).toHaveBeenCalledWith("[samvard] could not stop the server cleanly:", expect.any(Error));
    logged.mockRestore();
  });
});
