// Loggkontroll's address: by patient (their ids, never their number) or by
// user, a period (the last 12 months by default), a kind of event, a page.
import type { AccessAction } from "@/generated/prisma/enums";
import { addDays, isLocalDate, type LocalDate } from "@/lib/local-date";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ACTIONS = new Set<string>(["READ", "CREATE", "UPDATE", "EXPORT", "LOGIN", "LOGIN_FAILED"]);

export type LogQuery = {
  patientIds: string[];
  userId?: string;
  from: LocalDate;
  to: LocalDate;
  action?: AccessAction;
  before?: string;
  error?: string;
  typed?: { from: string; to: string };
};

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() : "");

/** The patients' ids of an address (`patient=<id>,<id>`): ids only, never a number; at most ten. */
export const patientIdsOf = (v: string | string[] | undefined): string[] =>
  one(v)
    .toLowerCase()
    .split(",")
    .filter((id) => UUID.test(id))
    .slice(0, 10);

export function parseLogQuery(
  params: Record<string, string | string[] | undefined>,
  today: LocalDate,
): LogQuery {
  const patientIds = patientIdsOf(params.patient);
  const user = one(params.user).toLowerCase();
  const action = one(params.action);
  const base = {
    patientIds,
    ...(UUID.test(user) ? { userId: user } : {}),
    ...(ACTIONS.has(action) ? { action: action as AccessAction } : {}),
    ...(one(params.before) ? { before: one(params.before) } : {}),
  };
  const fallback = { from: addDays(today, -365), to: today };
  const from = one(params.from);
  const to = one(params.to);
  if (from === "" && to === "") return { ...base, ...fallback };
  // The log begins with Samvård; a date far outside it is a typing error, not a search.
  if (!isLocalDate(from) || !isLocalDate(to) || from > to || from < "2000-01-01" || to > "2100-12-31")
    return {
      ...base,
      ...fallback,
      typed: { from, to },
      error:
        "Ange en period som två datum ÅÅÅÅ-MM-DD från år 2000, det första först. Visar de senaste 12 månaderna.",
    };
  return { ...base, from, to };
}
