// The two load models against the running app: users working (an open
// arrival process over the routes, sent with Node's fetch), and saturation
// (autocannon: 50 requests in flight on one route). Latencies are kept per
// request, so p95 is exact (autocannon's own summary has p90 and p97.5 but no p95).
import autocannon from "autocannon";
import type { Scenario } from "./scenarios";

export type Figures = {
  requests: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Requests answered per second over the run. */
  throughput: number;
  /** A few of the unexpected statuses, for the report. */
  statuses: Record<string, number>;
};

export type Credentials = (s: Scenario) => Record<string, string>;

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export function summarize(
  latencies: number[],
  errors: number,
  seconds: number,
  statuses: Record<string, number>,
): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    throughput: latencies.length / seconds,
    statuses,
  };
}

/** One autocannon run of a scenario; every answer's latency and status kept. */
function drive(
  base: string,
  s: Scenario,
  headers: Record<string, string>,
  options: { connections: number; duration: number; overallRate?: number },
): Promise<Figures> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        ...options,
        timeout: 10,
        requests: [
          {
            method: s.method,
            headers: { ...headers, ...(s.body ? { "content-type": "application/json" } : {}) },
            setupRequest: (req) => ({ ...req, path: s.path, ...(s.body ? { body: s.body() } : {}) }),
          },
        ],
      },
      (err) => {
        if (err) return reject(err);
        resolve(summarize(latencies, errors, options.duration, statuses));
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) {
        errors++;
        statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      }
    });
    instance.on("reqError", () => {
      errors++;
      statuses.error = (statuses.error ?? 0) + 1;
    });
  });
}

/** A small seeded generator (mulberry32): the same arrivals on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Users at work: an open arrival process (Poisson, `rate` requests a second
 * in all, each to a route drawn at random), for `seconds`. Arrivals do not
 * wait for answers, as people do not wait for each other, so a slow answer
 * shows as the latency it causes (no coordinated omission): each latency runs
 * from the request's planned arrival to the end of its answer. (autocannon's
 * `overallRate` releases a second's requests together at each tick, which
 * measures a burst, not people.)
 */
export async function working(
  base: string,
  all: Scenario[],
  credentials: Credentials,
  { rate, seconds, seed = 11 }: { rate: number; seconds: number; seed?: number },
): Promise<Map<string, Figures>> {
  const random = seeded(seed);
  const samples = new Map(
    all.map((s) => [s.key, { latencies: [] as number[], errors: 0, statuses: {} as Record<string, number> }]),
  );
  const sent: Promise<void>[] = [];
  const t0 = performance.now();
  let at = 0;
  for (;;) {
    at += (-Math.log(1 - random()) / rate) * 1000;
    if (at > seconds * 1000) break;
    const s = all[Math.floor(random() * all.length)]!;
    const wait = t0 + at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const planned = t0 + at;
    const mine = samples.get(s.key)!;
    sent.push(
      fetch(base + s.path, {
        method: s.method,
        redirect: "manual",
        headers: { ...credentials(s), ...(s.body ? { "content-type": "application/json" } : {}) },
        ...(s.body ? { body: s.body() } : {}),
        signal: AbortSignal.timeout(10_000),
      })
        .then(async (res) => {
          await res.arrayBuffer();
          mine.latencies.push(performance.now() - planned);
          if (!res.ok) {
            mine.errors++;
            mine.statuses[res.status] = (mine.statuses[res.status] ?? 0) + 1;
          }
        })
        .catch(() => {
          mine.latencies.push(performance.now() - planned);
          mine.errors++;
          mine.statuses.error = (mine.statuses.error ?? 0) + 1;
        }),
    );
  }
  await Promise.all(sent);
  return new Map(
    all.map((s) => {
      const m = samples.get(s.key)!;
      return [s.key, summarize(m.latencies, m.errors, seconds, m.statuses)];
    }),
  );
}

/** 50 requests in flight on one route for `seconds`: the throughput it reaches, and whether it stays correct. */
export function saturation(
  base: string,
  s: Scenario,
  credentials: Credentials,
  { inFlight, seconds }: { inFlight: number; seconds: number },
): Promise<Figures> {
  return drive(base, s, credentials(s), { connections: inFlight, duration: seconds });
}
