import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Sparkline } from "@/components/charts/sparkline";
import { formatDateTime } from "@/lib/format";
import type { LocalDate } from "@/lib/local-date";
import type { Actor } from "@/modules/auth/actor";
import { may } from "@/modules/auth/rules/permissions";
import { formatPersonnummer } from "@/modules/clinical/rules/format";
import { FlagBadge } from "@/modules/flags/components/flag-badge";
import { getVisit } from "../lib/get-visit";
import { VISIT_ITEM_KIND_LABEL } from "../rules/item-kinds";
import {
  AddByPersonnummerForm,
  AgendaButton,
  ItemSettingsForm,
  VisitRecommendationForm,
} from "./agenda-controls";

const ADDRESSEE = { ALLMANLAKARE: "läkaren", VARDSAMORDNARE: "vårdsamordnaren" } as Record<string, string>;

/**
 * A consultant visit: its agenda built from the review list as of the visit's
 * date, to be reordered and completed before, printed for the day, and given a
 * recommendation per patient after it, each followed until the GP and the care
 * manager have read it.
 */
export async function VisitPage({
  actor,
  visitId,
  today,
}: {
  actor: Actor;
  visitId: string;
  today: LocalDate;
}) {
  const visit = await getVisit({ actor, visitId });
  const edits = may(actor.role, "review:conduct");
  const held = visit.date <= today;
  return (
    <div className="space-y-6">
      <Breadcrumbs
        trail={[{ href: "/konsultbesok", label: "Konsultbesök" }]}
        current={`${visit.unitName} ${visit.date}`}
      />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">
            Konsultbesök {visit.date} <span className="font-normal text-slate-700">– {visit.unitName}</span>
          </h1>
          <p className="text-slate-700">
            {visit.psychiatrist} · {visit.items.length} {visit.items.length === 1 ? "patient" : "patienter"}{" "}
            på dagordningen · {held ? "genomfört eller i dag" : "planerat"}
          </p>
        </div>
        <div className="flex gap-2">
          <Link
            href={`/konsultlista?asOf=${visit.date}&unitId=${visit.unitId}`}
            className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium"
          >
            Konsultlista per besöksdagen
          </Link>
          <Link
            href={`/konsultbesok/${visit.id}/utskrift`}
            className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            Utskrift (A4)
          </Link>
        </div>
      </div>

      <section aria-labelledby="agenda">
        <h2 id="agenda" className="mb-2 text-lg font-semibold">
          Dagordning
        </h2>
        {visit.items.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-4">
            Ingen patient på dagordningen. Lägg till från konsultlistan nedan eller med personnummer.
          </p>
        ) : (
          <ol className="space-y-3" data-testid="agenda">
            {visit.items.map((item, index) => {
              const name = `${item.patient.familyName}, ${item.patient.givenName}`;
              const e = item.evaluation;
              return (
                <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-3">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div>
                      <p className="font-medium">
                        {index + 1}.{" "}
                        <Link
                          href={`/insatser/${item.episodeId}?asOf=${visit.date}`}
                          className="text-blue-800 underline"
                        >
                          {name}
                        </Link>{" "}
                        <span className="text-sm font-normal text-slate-600 tabular-nums">
                          {formatPersonnummer(item.patient.personnummer)}
                        </span>
                      </p>
                      <p className="text-sm text-slate-700">
                        {VISIT_ITEM_KIND_LABEL[item.kind]}
                        {item.time && ` kl. ${item.time}`} · vecka {e.week ?? "–"} · MADRS-S{" "}
                        {e.baseline ?? "–"} → {e.latest ?? "–"} <Sparkline scores={item.scores} /> · läkare{" "}
                        {item.gp ?? "–"} · vårdsamordnare {item.careManager ?? "–"}
                      </p>
                      <div className="mt-1 flex flex-wrap gap-1">
                        {e.flags.map((f) => (
                          <FlagBadge key={f.code} code={f.code} />
                        ))}
                      </div>
                      {item.question && (
                        <p className="mt-1 text-sm">
                          <span className="font-medium">Fråga:</span> {item.question.question}
                        </p>
                      )}
                    </div>
                    {edits && !item.recommendation && (
                      <div className="flex flex-wrap items-center gap-1">
                        <AgendaButton
                          visitId={visit.id}
                          fields={{ op: "move", itemId: item.id, direction: "up" }}
                          label={`Flytta upp ${name}`}
                        >
                          <span aria-hidden="true">↑ </span>Upp
                        </AgendaButton>
                        <AgendaButton
                          visitId={visit.id}
                          fields={{ op: "move", itemId: item.id, direction: "down" }}
                          label={`Flytta ned ${name}`}
                        >
                          <span aria-hidden="true">↓ </span>Ned
                        </AgendaButton>
                        <AgendaButton
                          visitId={visit.id}
                          fields={{ op: "remove", itemId: item.id }}
                          label={`Ta bort ${name} från dagordningen`}
                        >
                          Ta bort
                        </AgendaButton>
                      </div>
                    )}
                  </div>
                  {edits && !item.recommendation && (
                    <div className="mt-2">
                      <ItemSettingsForm
                        visitId={visit.id}
                        itemId={item.id}
                        kind={item.kind}
                        time={item.time}
                        patient={name}
                      />
                    </div>
                  )}
                  {item.recommendation ? (
                    <div className="mt-2 rounded border border-blue-200 bg-blue-50 p-2 text-sm">
                      <p className="font-medium">
                        Rekommendation {formatDateTime(item.recommendation.createdAt)}
                      </p>
                      <p className="whitespace-pre-line">{item.recommendation.text}</p>
                      <ul className="mt-1 flex flex-wrap gap-x-4 text-xs">
                        {item.recommendation.receipts.map((r) => (
                          <li key={r.name + r.role}>
                            {r.readAt ? (
                              <>
                                <span aria-hidden="true">✓ </span>Läst av {r.name} ({ADDRESSEE[r.role]})
                              </>
                            ) : (
                              <span className="font-medium text-amber-900">
                                <span aria-hidden="true">● </span>Inte läst av {r.name} ({ADDRESSEE[r.role]})
                              </span>
                            )}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : (
                    edits && (
                      <div className="mt-2">
                        <VisitRecommendationForm
                          visitId={visit.id}
                          itemId={item.id}
                          patient={name}
                          early={!held}
                        />
                      </div>
                    )
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      {edits && (
        <section aria-labelledby="add" className="space-y-3">
          <h2 id="add" className="text-lg font-semibold">
            Lägg till
          </h2>
          {visit.candidates.length > 0 ? (
            <ul className="space-y-1 text-sm">
              {visit.candidates.map((c) => (
                <li key={c.episodeId} className="flex flex-wrap items-center gap-2">
                  <AgendaButton
                    visitId={visit.id}
                    fields={{ op: "add", episodeId: c.episodeId }}
                    label={`Lägg till ${c.name} på dagordningen`}
                  >
                    <span aria-hidden="true">+ </span>Lägg till
                  </AgendaButton>
                  {c.name}
                  {c.flags.map((f) => (
                    <FlagBadge key={f} code={f} />
                  ))}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">
              Alla på konsultlistan per besöksdagen står på dagordningen.
            </p>
          )}
          <AddByPersonnummerForm visitId={visit.id} />
        </section>
      )}
    </div>
  );
}
