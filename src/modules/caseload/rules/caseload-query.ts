// The caseload's sort, search and flag filter, as a pure function of the rows
// and the URL's query (so a reload or a shared link shows the same list).
// Words in the URL are Swedish, like the page.
import { z } from "zod";
import { FLAG_CODES, type FlagCode } from "@/modules/clinical/rules/flags";

export const SORT_KEYS = [
  "flaggor",
  "namn",
  "vecka",
  "senaste",
  "minskning",
  "kontakt",
  "planerad",
  "metod",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const fallback = <T>(schema: z.ZodType<T>, value: T) => schema.catch(value);

/** The caseload's query; anything unknown falls back to the default instead of an error page. */
export const ZCaseloadQuery = z.object({
  vy: fallback(z.enum(["mina", "enheten"]), "mina"),
  sortera: fallback(z.enum(SORT_KEYS), "flaggor"),
  ordning: fallback(z.enum(["stigande", "fallande"]), "stigande"),
  sok: fallback(z.string().trim().max(100), "").optional().default(""),
  flagga: fallback(z.enum(FLAG_CODES).optional(), undefined),
});
export type CaseloadQuery = z.infer<typeof ZCaseloadQuery>;

/** Next.js search params (a value may repeat) into the query. */
export const parseCaseloadQuery = (params: Record<string, string | string[] | undefined>): CaseloadQuery =>
  ZCaseloadQuery.parse(
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );

/** What the rules need of a row. */
export type CaseloadSortable = {
  name: string;
  personnummer: string;
  week: number | null;
  baseline: number | null;
  latest: number | null;
  reduction: number | null;
  lastContact: string | null;
  nextPlanned: string | null;
  flags: readonly FlagCode[];
  /** Weeks with a reached contact per week counted, null before a week is counted. */
  adherenceShare: number | null;
};

/** The most urgent flag first, in the flag table's display order (safety first). */
export const urgency = (flags: readonly FlagCode[]): number =>
  Math.min(...flags.map((f) => FLAG_CODES.indexOf(f)), Number.POSITIVE_INFINITY);

const VALUE: Record<SortKey, (r: CaseloadSortable) => string | number | null> = {
  flaggor: (r) => (r.flags.length ? urgency(r.flags) : null),
  namn: (r) => r.name,
  vecka: (r) => r.week,
  senaste: (r) => r.latest,
  minskning: (r) => r.reduction,
  kontakt: (r) => r.lastContact,
  planerad: (r) => r.nextPlanned,
  metod: (r) => r.adherenceShare,
};

const collator = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

/** Fold case and diacritics away (é = e), but keep å, ä and ö apart from a and o, as Swedish does. */
const fold = (s: string) =>
  s
    .toLocaleLowerCase("sv")
    .replace(/[åäö]/g, (c) => ({ å: "\u0001", ä: "\u0002", ö: "\u0003" })[c]!)
    .normalize("NFD")
    .replace(/\p{M}/gu, "");

/** Does the row match a search for a name or an identity number (with or without dash or century)? */
export function matches(row: Pick<CaseloadSortable, "name" | "personnummer">, search: string): boolean {
  // Every word must be in the name; an empty search has none, so everyone matches.
  const words = fold(search).split(/\s+/);
  const digits = search.replace(/\D/g, "");
  if (digits.length >= 4 && digits.length === search.replace(/[\s+-]/g, "").length) {
    return row.personnummer.includes(digits);
  }
  const name = fold(row.name);
  return words.every((w) => name.includes(w));
}

/**
 * Searched, counted per flag (before the flag filter, so each count says what
 * choosing it would show), filtered by one flag, and sorted; rows without a
 * value for the sort key come last in either direction, and the name breaks ties.
 */
export function applyCaseloadQuery<R extends CaseloadSortable>(rows: readonly R[], q: CaseloadQuery) {
  const searched = rows.filter((r) => matches(r, q.sok));
  const counts = Object.fromEntries(FLAG_CODES.map((c) => [c, 0])) as Record<FlagCode, number>;
  for (const r of searched) for (const f of r.flags) counts[f]++;
  const filtered = q.flagga ? searched.filter((r) => r.flags.includes(q.flagga!)) : searched;
  const value = VALUE[q.sortera];
  const sign = q.ordning === "fallande" ? -1 : 1;
  const sorted = [...filtered].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      return sign * (typeof va === "string" ? collator.compare(va, String(vb)) : va - (vb as number));
    }
    return collator.compare(a.name, b.name);
  });
  return { rows: sorted, counts, searched: searched.length, total: rows.length };
}
