// One stop for the launcher: every signal, failure and exit of the server
// awaits the same promise, so a second Ctrl-C during the stop does not cut it
// short and PostgreSQL is always stopped after the server.
export type Stoppable = {
  /** The running child (prisma generate, next build or the server), stopped first. */
  stopChild: () => Promise<void>;
  /** The embedded PostgreSQL, stopped last; absent in production. */
  stopDatabase?: () => Promise<void>;
};

export function createStopper(parts: () => Stoppable, exit: (code: number) => void) {
  let stopping: Promise<void> | undefined;
  let exitCode: number | undefined;
  const stop = (code: number): Promise<void> => {
    exitCode ??= code;
    stopping ??= (async () => {
      const { stopChild, stopDatabase } = parts();
      try {
        await stopChild();
      } catch (e) {
        console.error("[samvard] could not stop the server cleanly:", e);
        exitCode = 1;
      }
      try {
        await stopDatabase?.();
      } finally {
        exit(exitCode!);
      }
    })();
    return stopping;
  };
  return {
    stop,
    get stopping() {
      return stopping !== undefined;
    },
  };
}
