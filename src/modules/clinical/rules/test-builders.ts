// Builders for clinical-core tests: episodes described by day numbers, and
// random valid settings for the property tests.
import fc from "fast-check";
import type { ContactType, CoreContact, Counterpart, EpisodeFacts, EpisodeStatus } from "./facts";
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from "./settings";
import type { FlagCode } from "./flags";
import { addDays, type LocalDate } from "@/lib/local-date";

export const START: LocalDate = "2026-09-01";
export const day = (n: number): LocalDate => addDays(START, n);
/** An instant on day n, Stockholm local time (CEST until 25 October 2026, then CET). */
export const at = (n: number, time = "12:00"): Date => {
  const date = day(n);
  const offset = date < "2026-10-25" ? "+02:00" : "+01:00";
  return new Date(`${date}T${time}:00${offset}`);
};

/** Nine items summing to `total`, with item 9 (Livslust) = item9. */
export function items(total: number, item9 = 0): number[] {
  let rest = total - item9;
  if (rest < 0 || rest > 48 || item9 < 0 || item9 > 6)
    throw new RangeError(`cannot build total ${total} with item 9 = ${item9}`);
  const out: number[] = [];
  for (let i = 0; i < 8; i++) {
    const v = Math.min(6, rest);
    out.push(v);
    rest -= v;
  }
  return [...out, item9];
}

let seq = 0;
export function contact(
  dayNo: number,
  total: number | null,
  opts: {
    item9?: number;
    reached?: boolean;
    counterpart?: Counterpart;
    type?: ContactType;
    recordedAt?: Date;
  } = {},
): CoreContact {
  return {
    id: `c${String(seq++).padStart(5, "0")}`,
    date: day(dayNo),
    recordedAt: opts.recordedAt ?? at(dayNo, "12:00"),
    type: opts.type ?? "PHONE",
    counterpart: opts.counterpart ?? "PATIENT",
    reached: opts.reached ?? true,
    items: total === null ? null : items(total, opts.item9 ?? 0),
  };
}

/** Weekly reached phone contacts without a score, so silence flags stay away. */
export const weeklyCalls = (fromDay: number, toDay: number): CoreContact[] => {
  const out: CoreContact[] = [];
  for (let d = fromDay; d <= toDay; d += 7) out.push(contact(d, null));
  return out;
};

export const episode = (partial: Partial<EpisodeFacts> = {}): EpisodeFacts => ({
  startDate: START,
  statusChanges: [],
  contacts: [],
  handlings: [],
  reviewRequests: [],
  ...partial,
});

export const statusChange = (status: EpisodeStatus, dayNo: number) => ({
  status,
  date: day(dayNo),
  recordedAt: at(dayNo),
});
export const handling = (code: FlagCode, dayNo: number, time = "12:00") => ({
  code,
  handledAt: at(dayNo, time),
});

const between = (min: number, max: number) => fc.integer({ min, max: Math.max(min, max) });

/** Random valid rule settings (ZRuleSettings), built to respect its orderings; a third of draws are the defaults. */
export const arbSettings: fc.Arbitrary<RuleSettings> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(DEFAULT_RULE_SETTINGS) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        safetyRiskItem9: between(2, 6),
        responsePercent: between(10, 100),
        remissionMaxTotal: between(0, 20),
        baselineWindowDays: between(0, 28),
        overdueContactDays: between(3, 60),
        severeTotal: between(20, 54),
        worseningPoints: between(1, 20),
        responseRecheckDays: between(7, 84),
      })
      .chain((a) =>
        fc
          .record({
            safetyCheckItem9: between(1, a.safetyRiskItem9 - 1),
            partialResponsePercent: between(5, Math.min(95, a.responsePercent - 1)),
            remissionMinBaseline: between(a.remissionMaxTotal + 1, 54),
            noBaselineDays: between(a.baselineWindowDays + 1, 42),
            inactiveDays: between(Math.max(30, a.overdueContactDays + 1), 365),
          })
          .map((b) => ({ ...a, ...b })),
      )
      .chain((a) =>
        between(Math.max(14, a.noBaselineDays + 1), 83).chain((earlyNonResponseDays) =>
          between(Math.max(21, earlyNonResponseDays + 1), 112).chain((noResponseDays) =>
            between(Math.max(56, noResponseDays), 182).map((twelveWeekDays) => ({
              ...a,
              earlyNonResponseDays,
              noResponseDays,
              twelveWeekDays,
            })),
          ),
        ),
      ),
  },
);
