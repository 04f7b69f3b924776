// Local calendar dates in Europe/Stockholm, as "YYYY-MM-DD" strings. Day
// arithmetic runs on whole days since the epoch (UTC), so it never shifts with
// daylight saving time or the server's time zone.

/** A calendar date "YYYY-MM-DD" (Europe/Stockholm). */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD: it survives the round trip through a Date (no 30 February). */
export function isLocalDate(value: string): boolean {
  const m = PATTERN.exec(value);
  return (
    m !== null &&
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value
  );
}

// The clinical core and the reports turn the same few thousand dates into day
// numbers and back millions of times a minute (a unit's yearly report spent
// 16 of its 55 ms here): both directions are remembered, in bounded maps.
const MEMO_MAX = 50_000;
const epochDays = new Map<string, number>();
const localDates = new Map<number, LocalDate>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, value);
  return value;
}

export function toEpochDay(date: LocalDate): number {
  const known = epochDays.get(date);
  if (known !== undefined) return known;
  const m = PATTERN.exec(date);
  if (!m) throw new RangeError(`not a local date: ${date}`);
  return remember(epochDays, date, Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

export const fromEpochDay = (day: number): LocalDate =>
  localDates.get(day) ?? remember(localDates, day, new Date(day * DAY_MS).toISOString().slice(0, 10));

export const addDays = (date: LocalDate, days: number): LocalDate => fromEpochDay(toEpochDay(date) + days);

/** A calendar month `YYYY-MM` moved by `by` months. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: LocalDate, to: LocalDate): number => toEpochDay(to) - toEpochDay(from);

const stockholm = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

const HOUR_MS = 3_600_000;
const stockholmDates = new Map<number, LocalDate>();
// Before 1900 the zone kept local mean time (an offset of minutes and seconds): no whole hours there.
const WHOLE_HOURS_FROM = Date.UTC(1900, 0, 1);

/**
 * The Stockholm calendar date of an instant. Stockholm's offset from UTC is a
 * whole number of hours and changes on the hour, so the date is the same for
 * every instant of a UTC hour: Intl's (slow) answer is remembered per hour.
 */
export function stockholmDate(instant: Date): LocalDate {
  if (instant.getTime() < WHOLE_HOURS_FROM) return stockholm.format(instant);
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  return stockholmDates.get(hour) ?? remember(stockholmDates, hour, stockholm.format(instant));
}

const stockholmClock = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const stockholmWeekday = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", weekday: "short" });
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The Stockholm wall clock of an instant: ISO weekday (1 Monday … 7 Sunday) and hour 0–23. */
export function stockholmWeekdayHour(instant: Date): { weekday: number; hour: number } {
  return {
    weekday: WEEKDAY[stockholmWeekday.format(instant)]!,
    hour: Number(stockholmClock.format(instant).slice(0, 2)),
  };
}

/** The instant a Stockholm calendar day begins (midnight is never skipped by daylight saving there). */
export function stockholmMidnight(date: LocalDate): Date {
  for (const offset of ["+01:00", "+02:00"]) {
    const instant = new Date(`${date}T00:00:00${offset}`);
    if (stockholmDate(instant) === date && stockholmClock.format(instant) === "00:00") return instant;
  }
  throw new RangeError(`no Stockholm midnight for ${date}`);
}

/** The instant a Stockholm day ends: anything made before it was made "by" that day. */
export const endOfStockholmDay = (date: LocalDate): Date => stockholmMidnight(addDays(date, 1));
