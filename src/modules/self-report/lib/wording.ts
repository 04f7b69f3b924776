import "server-only";
import { readFileSync } from "node:fs";
import { env } from "@/lib/env";
import { DEFAULT_WORDING, parseWording, type Wording } from "../rules/wording";

let cached: Wording | undefined;

/**
 * The wording the patient reads: the region's file (SAMVARD_MADRS_S_WORDING)
 * or Samvård's own. Read once per process; `npm start` checks the file before
 * the app starts, so a broken file never reaches a patient.
 */
export function selfReportWording(): Wording {
  if (cached) return cached;
  const file = env().SAMVARD_MADRS_S_WORDING;
  cached = file ? parseWording(readFileSync(file, "utf8")) : DEFAULT_WORDING;
  return cached;
}
