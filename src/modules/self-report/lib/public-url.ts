import "server-only";
import { env } from "@/lib/env";

/** The path of a self-report link under the public base URL. */
export const SELF_REPORT_PATH = "/svar";

/**
 * A link's absolute URL: SAMVARD_PUBLIC_URL (a public host that passes only
 * /svar/* to the app), else NEXTAUTH_URL (the demo's own address).
 */
export function selfReportUrl(token: string): string {
  const { SAMVARD_PUBLIC_URL, NEXTAUTH_URL, PORT } = env();
  const base = (SAMVARD_PUBLIC_URL ?? NEXTAUTH_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
  return `${base}${SELF_REPORT_PATH}/${token}`;
}
