// How many web processes `npm start` runs: SAMVARD_WORKERS, else one per core
// up to four (each is a whole Next.js server with its own database pool).

/** At most this many by default: more cores are better left to PostgreSQL. */
export const DEFAULT_MAX_WORKERS = 4;

/** SAMVARD_WORKERS as a count of worker processes (1–64), else `cores` up to four; a bad value is refused. */
export function workerCount(setting: string | undefined, cores: number): number {
  if (setting === undefined || setting === "") return Math.max(1, Math.min(cores, DEFAULT_MAX_WORKERS));
  const n = Number(setting);
  if (!/^\d+$/.test(setting) || !Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`SAMVARD_WORKERS must be a whole number from 1 to 64 (got "${setting}").`);
  return n;
}
