// The two load models, driven by autocannon against the running app: 50
// users working with a think time (an open arrival rate spread over the
// routes, each route its own share), and saturation (50 requests in flight on
// one route). Latencies are kept per request, so p95 is exact (autocannon's
// own summary has p90 and p97.5 but no p95).
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

/**
 * 50 users at work: `rate` requests a second in all, spread evenly over the
 * routes, all at once for `seconds`; each route has its share of the 50
 * connections, so a slow answer never holds back the next arrival.
 */
export async function working(
  base: string,
  all: Scenario[],
  credentials: Credentials,
  { rate, seconds, users }: { rate: number; seconds: number; users: number },
): Promise<Map<string, Figures>> {
  const share = rate / all.length;
  const connections = Math.max(1, Math.floor(users / all.length));
  const results = await Promise.all(
    all.map((s) => drive(base, s, credentials(s), { connections, duration: seconds, overallRate: share })),
  );
  return new Map(all.map((s, i) => [s.key, results[i]!]));
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
