// "Kopiera journaltext": a contact as plain Swedish text for the journal
// system, so the care manager does not write the same thing twice. Pure; the
// text goes nowhere but the user's clipboard.
import type { ContactType, Counterpart } from "@/modules/clinical/rules/facts";
import {
  LIVSLUST_INDEX,
  MADRS_ITEMS,
  SEVERITY_LABEL,
  madrsTotal,
  severityBand,
} from "@/modules/clinical/rules/madrs";
import { formatReduction } from "@/modules/clinical/rules/format";
import type { LocalDate } from "@/lib/local-date";

export type JournalContact = {
  date: LocalDate;
  time: string | null;
  type: ContactType;
  counterpart: Counterpart;
  reached: boolean;
  items: readonly number[] | null;
  sickLeave: number | null;
  durationMinutes: number | null;
  note: string | null;
  nextPlannedDate: LocalDate | null;
};

export type JournalContext = {
  /** Treatment week on the contact's date (null before the start). */
  week: number | null;
  /** The episode's baseline as of the contact's date; `self` when this contact's score is it. */
  baseline: { total: number; date: LocalDate; self?: boolean } | null;
  /** Flags open as of the contact's date, with why. */
  flags: readonly { label: string; reason: string }[];
  /** The self-report a call referred to instead of repeating its items. */
  selfReport?: { date: LocalDate; total: number } | null;
};

// Lower-case forms for running text; the UI's labels are capitalised.
const TYPE_TEXT: Record<ContactType, string> = {
  PHONE: "Telefonkontakt",
  IN_PERSON: "Fysiskt besök",
  VIDEO: "Videokontakt",
  SELF_REPORT: "Självskattning via länk",
};
const COUNTERPART_TEXT: Record<Counterpart, string> = {
  PATIENT: "med patienten",
  FORSAKRINGSKASSAN: "med Försäkringskassan",
  SOCIALTJANST: "med socialtjänsten",
  ARBETSGIVARE: "med arbetsgivaren",
  OTHER: "med annan aktör",
};

export function journalText(c: JournalContact, ctx: JournalContext): string {
  const when = c.time ? `${c.date} kl. ${c.time}` : c.date;
  const week = ctx.week === null ? "" : `, vecka ${ctx.week}${ctx.week <= 12 ? " av 12" : ""}`;
  const duration = c.durationMinutes ? `, ${c.durationMinutes} min` : "";
  const who =
    c.type === "SELF_REPORT"
      ? "(patientrapporterad, ej verifierad)"
      : c.reached
        ? COUNTERPART_TEXT[c.counterpart]
        : `${COUNTERPART_TEXT[c.counterpart]}, ej nådd`;
  const lines = [`Samarbetsvård: ${TYPE_TEXT[c.type]} ${who} ${when}${week}${duration}.`];
  if (ctx.selfReport)
    lines.push(
      `MADRS-S: se patientens självskattning ${ctx.selfReport.date} (${ctx.selfReport.total} av 54); frågorna upprepades inte.`,
    );

  if (c.items) {
    const total = madrsTotal(c.items);
    lines.push(
      `MADRS-S ${total} av 54 (${SEVERITY_LABEL[severityBand(total)].toLowerCase()}).`,
      `Delpoäng: ${MADRS_ITEMS.map((name, i) => `${name} ${c.items![i]}`).join(", ")}.`,
      `Livslust (fråga 9): ${c.items[LIVSLUST_INDEX]} av 6.`,
    );
    if (ctx.baseline?.self) {
      lines.push("Skattningen är insatsens utgångsvärde.");
    } else if (ctx.baseline) {
      const change = total - ctx.baseline.total;
      const text =
        change === 0
          ? "oförändrat"
          : change > 0
            ? `${change} poäng högre`
            : `${-change} poäng lägre, minskning ${formatReduction(-change / ctx.baseline.total)}`;
      lines.push(`Jämfört med utgångsvärdet ${ctx.baseline.total} (${ctx.baseline.date}): ${text}.`);
    } else {
      lines.push("Utgångsvärde saknas ännu.");
    }
  }
  if (ctx.flags.length) {
    lines.push(`Öppna flaggor: ${ctx.flags.map((f) => `${f.label} – ${f.reason}`).join(" ")}`);
  }
  if (c.sickLeave !== null)
    lines.push(c.sickLeave === 0 ? "Ej sjukskriven." : `Sjukskriven ${c.sickLeave} %.`);
  if (c.note) lines.push(`Anteckning: ${c.note}`);
  if (c.nextPlannedDate) lines.push(`Nästa planerade kontakt: ${c.nextPlannedDate}.`);
  return lines.join("\n");
}
