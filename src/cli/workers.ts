// How many web processes `npm start` runs: SAMVARD_WORKERS, else one per core.

/** SAMVARD_WORKERS as a count of worker processes (1–64), else `cores`; a bad value is refused. */
export function workerCount(setting: string | undefined, cores: number): number {
  if (setting === undefined || setting.trim() === "") return Math.max(1, Math.min(cores, 64));
  const n = Number(setting);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`SAMVARD_WORKERS must be a whole number from 1 to 64 (got "${setting}").`);
  return n;
}
