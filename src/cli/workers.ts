// How many web processes `npm start` runs: SAMVARD_WORKERS (validated with
// every other setting in src/lib/env.ts), else one per core up to four (each
// is a whole Next.js server with its own database pool).

/** At most this many by default: more cores are better left to PostgreSQL. */
export const DEFAULT_MAX_WORKERS = 4;

export const workerCount = (setting: number | undefined, cores: number): number =>
  setting ?? Math.max(1, Math.min(cores, DEFAULT_MAX_WORKERS));
