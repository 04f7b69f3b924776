import Link from "next/link";
import { Sparkline } from "@/components/charts/sparkline";
import { Th } from "@/components/table";
import type { LocalDate } from "@/lib/local-date";
import type { Actor } from "@/modules/auth/actor";
import { formatPersonnummer, formatReduction } from "@/modules/clinical/rules/format";
import { FlagBadge } from "@/modules/flags/components/flag-badge";
import { UnansweredQuestions } from "@/modules/flags/components/unanswered-questions";
import { getUnansweredQuestions } from "@/modules/flags/lib/unanswered-questions";
import { reviewListWithNames } from "../lib/review-list";

/**
 * "Konsultlista": every patient of the units the psychiatrist serves with an
 * open psychiatrist-routed flag, as of a date (the visit's date may lie ahead),
 * in domain.md's priority order; filterable by unit. Below it, the questions
 * still waiting for an answer (today's, whatever the list's date).
 */
export async function ReviewListPage({
  actor,
  asOf,
  unitId,
  badDate,
}: {
  actor: Actor;
  asOf: LocalDate;
  unitId?: string;
  /** What was typed in the date field when it was no date. */
  badDate?: string;
}) {
  const [list, questions] = await Promise.all([
    reviewListWithNames({ actor, asOf, unitId }),
    getUnansweredQuestions({ actor, unitId }),
  ]);
  const unitLabel = actor.units.find((u) => u.id === unitId)?.name;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Konsultlista</h1>
        <p className="text-slate-700">
          Patienter med flaggor till psykiatern, de mest angelägna först. Per den {list.asOf}
          {unitLabel ? `, ${unitLabel}` : ""}.
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-start gap-3" noValidate>
        <div>
          <label htmlFor="asOf" className="block text-sm font-medium">
            Per datum (t.ex. besöksdagen)
          </label>
          <p id="asOf-hint" className="text-sm text-slate-600">
            ÅÅÅÅ-MM-DD; ett datum framåt visar listan som den blir då
          </p>
          <input
            id="asOf"
            name="asOf"
            defaultValue={badDate ?? list.asOf}
            inputMode="numeric"
            autoComplete="off"
            aria-describedby={badDate ? "asOf-hint asOf-error" : "asOf-hint"}
            aria-invalid={badDate ? true : undefined}
            className="mt-1 w-40 rounded border border-slate-400 px-2 py-1.5 tabular-nums aria-[invalid=true]:border-red-700"
          />
          {badDate && (
            <p id="asOf-error" className="mt-1 text-sm text-red-800">
              Ange ett datum som ÅÅÅÅ-MM-DD; listan visar i dag.
            </p>
          )}
        </div>
        {actor.units.length > 1 && (
          <div>
            <label htmlFor="unitId" className="block text-sm font-medium">
              Enhet
            </label>
            <p className="text-sm text-slate-600">&nbsp;</p>
            <select
              id="unitId"
              name="unitId"
              defaultValue={unitId ?? ""}
              className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5"
            >
              <option value="">Alla mina enheter</option>
              {actor.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="pt-12">
          <button
            type="submit"
            className="rounded border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
          >
            Visa
          </button>
        </div>
      </form>
      {list.items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">
          Inga patienter behöver genomgång per den {list.asOf}.
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="review-list">
            <caption className="sr-only">
              Konsultlista per den {list.asOf}, {list.items.length} patienter
            </caption>
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <Th>Patient</Th>
                <Th numeric>Vecka</Th>
                <Th numeric>MADRS-S</Th>
                <Th numeric>Minskning</Th>
                <Th>Flaggor</Th>
                <Th>Läkare / vårdsamordnare</Th>
                <Th>Senaste genomgång</Th>
              </tr>
            </thead>
            <tbody className="[&_td]:px-3 [&_td]:py-1.5 [&_td]:align-top [&_tr]:border-t [&_tr]:border-slate-100">
              {list.items.map((item) => (
                // Lean rows (a list of ten units is ~180 of them): a template string is one
                // text node, and the classes are the list utilities of globals.css.
                <tr key={item.episodeId}>
                  <td>
                    <Link
                      href={`/insatser/${item.episodeId}?asOf=${list.asOf}`}
                      // Not prefetched: each row in view would be a server request (the layout and its session lookup).
                      prefetch={false}
                      className="row-link"
                    >
                      {`${item.patient.familyName}, ${item.patient.givenName}`}
                    </Link>
                    <div className="row-sub tabular-nums">
                      {`${formatPersonnummer(item.patient.personnummer)} · ${item.unitName}`}
                    </div>
                  </td>
                  <td className="cell-num">{item.week}</td>
                  <td className="cell-num">
                    <div>{`${item.baseline ?? "–"} → ${item.latest ?? "–"}`}</div>
                    <Sparkline scores={item.scores} />
                  </td>
                  <td className="cell-num">{formatReduction(item.reduction)}</td>
                  <td>
                    <div className="flex max-w-80 flex-wrap gap-1">
                      {item.flags.map((code) => (
                        <FlagBadge key={code} code={code} />
                      ))}
                    </div>
                  </td>
                  <td>
                    {item.gp ?? "Ingen läkare angiven"}
                    <div className="row-sub">{item.careManager ?? "Ingen vårdsamordnare"}</div>
                  </td>
                  <td className="whitespace-nowrap">
                    {item.lastReview ? (
                      <>
                        <span className="tabular-nums">{item.lastReview.date}</span>
                        <div className="row-sub">{item.lastReview.by}</div>
                      </>
                    ) : (
                      <span className="text-slate-600">Ingen</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <UnansweredQuestions
        items={questions}
        unitName={(id) => actor.units.find((u) => u.id === id)?.name ?? ""}
      />
    </div>
  );
}
