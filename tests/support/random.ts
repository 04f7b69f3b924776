// Seeded random test data, so a failure can be replayed: every run prints its
// seed (tests/integration/global-setup.ts); TEST_SEED=<seed> replays it.
import { seededRandom } from "@/lib/random";

export const TEST_SEED = Number(process.env.TEST_SEED ?? 0) || 20261202;

/** A generator for one purpose: the same seed and name give the same numbers in every run. */
export function testRandom(name: string): () => number {
  let h = TEST_SEED;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return seededRandom(h);
}
