import "server-only";
// Everything the patient page shows, as of a date, in one logged read: the
// patient, their episodes, and for one episode (the one asked for, else the
// open one, else the latest) its evaluation with flags and why they are open,
// every contact with its journal text, method adherence, handlings, questions
// to the psychiatrist and status changes.
import { now } from "@/lib/clock";
import { linkState } from "@/modules/self-report/rules/link-state";
import type { DbTx } from "@/lib/db/client";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { endOfStockholmDay, type LocalDate } from "@/lib/local-date";
import type { UseCaseActor } from "@/modules/auth/actor";
import { methodAdherence } from "@/modules/clinical/rules/adherence";
import { noEarlyImprovement, trendLine } from "@/modules/clinical/rules/early-improvement";
import { evaluateEpisode } from "@/modules/clinical/rules/evaluate";
import { isOpenStatus, scoreSeries } from "@/modules/clinical/rules/facts";
import { FLAG_LABEL } from "@/modules/clinical/rules/flags";
import { toContactView } from "@/modules/contacts/lib/contact-view";
import { journalText } from "@/modules/contacts/rules/journal-text";
import { withEpisode, withPatient } from "@/modules/patient-data/lib/scoped";
import { toEpisodeView } from "./episode-view";
import { loadEpisodeFacts, loadSettingsTimeline } from "./facts";
import { staffNames } from "@/modules/auth/lib/staff-names";

/** A patient (their open or latest episode, or the one named), or an episode. */
type Which = { patientId: string; episodeId?: string } | { episodeId: string; patientId?: undefined };

export function getPatientRecord({
  actor,
  asOf,
  ...which
}: { actor: UseCaseActor; asOf: LocalDate } & Which) {
  const common = { actor, permission: "clinical:read" as const };
  if (which.patientId === undefined) {
    const episodeId = which.episodeId;
    return withEpisode(
      { ...common, episodeId, access: { action: "READ", target: `episode:${episodeId}?asOf=${asOf}` } },
      (tx, episode) => loadRecord(tx, episode.patientId, episodeId, asOf),
    );
  }
  const { patientId, episodeId } = which;
  return withPatient(
    { ...common, patientId, access: { action: "READ", target: `patient:${patientId}?asOf=${asOf}` } },
    (tx) => loadRecord(tx, patientId, episodeId, asOf),
  );
}

export type PatientRecord = Awaited<ReturnType<typeof loadRecord>>;

async function loadRecord(tx: DbTx, patientId: string, episodeId: string | undefined, asOf: LocalDate) {
  // One query at a time: a transaction's connection takes one at a time.
  const patient = await tx.patient.findUniqueOrThrow({
    where: { id: patientId },
    include: { unit: { select: { name: true, phone: true, address: true } } },
  });
  const episodes = await tx.episode.findMany({
    where: { patientId },
    orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
    include: { patient: { select: { unitId: true } } },
  });
  // An episode named for this patient must be one of theirs.
  if (episodeId !== undefined && !episodes.some((e) => e.id === episodeId)) {
    throw new AppError("NOT_FOUND", { userMessage: "Insatsen hittades inte." });
  }
  const chosen =
    episodes.find((e) => e.id === episodeId) ?? episodes.find((e) => isOpenStatus(e.status)) ?? episodes[0];
  const base = {
    patient: {
      id: patient.id,
      givenName: patient.givenName,
      familyName: patient.familyName,
      personnummer: patient.personnummer,
      phone: patient.phone,
      unitId: patient.unitId,
      unitName: patient.unit.name,
      /** The unit's public phone and address: the self-report letter names them. */
      unitPhone: patient.unit.phone,
      unitAddress: patient.unit.address,
    },
    episodes: episodes.map((e) => ({
      id: e.id,
      status: e.status,
      startDate: fromDbDate(e.startDate),
      closedDate: e.closedDate ? fromDbDate(e.closedDate) : null,
    })),
  };
  if (!chosen) return { ...base, current: null };

  // Every version of the unit's rules: the page is as of `asOf`, each journal text as of its contact's date.
  const settingsOn = await loadSettingsTimeline(tx, patient.unitId);
  const settings = settingsOn(asOf);
  const facts = await loadEpisodeFacts(tx, chosen, asOf);
  const evaluation = evaluateEpisode(facts, asOf, settings.rules);
  const contacts = await tx.contact.findMany({
    where: { episodeId: chosen.id, date: { lte: toDbDate(asOf) } },
    orderBy: [{ date: "desc" }, { recordedAt: "desc" }],
  });
  // As of the page's date: what was made by the end of that day, dated by it.
  const madeBy = { lt: endOfStockholmDay(asOf) };
  const handlings = await tx.flagHandling.findMany({
    where: { episodeId: chosen.id, handledAt: madeBy },
    orderBy: { handledAt: "desc" },
  });
  const requests = await tx.reviewRequest.findMany({
    where: { episodeId: chosen.id, requestedAt: madeBy },
    orderBy: { requestedAt: "desc" },
  });
  const statusChanges = await tx.episodeStatusChange.findMany({
    where: { episodeId: chosen.id, date: { lte: toDbDate(asOf) } },
    orderBy: [{ date: "desc" }, { recordedAt: "desc" }],
  });
  const recommendations = await tx.recommendation.findMany({
    where: { episodeId: chosen.id, createdAt: madeBy },
    orderBy: { createdAt: "desc" },
    include: { receipts: true },
  });
  // The latest self-report link made by then: the page says where it stands (never its token).
  const link = await tx.selfReportLink.findFirst({
    where: { episodeId: chosen.id, createdAt: madeBy },
    orderBy: { createdAt: "desc" },
  });
  const staffIds = new Set<string>();
  if (link) staffIds.add(link.createdById);
  for (const id of [chosen.careManagerId, chosen.gpId]) if (id) staffIds.add(id);
  for (const c of contacts) if (c.authorId) staffIds.add(c.authorId);
  for (const h of handlings) staffIds.add(h.handledById);
  for (const r of requests) [r.requestedById, r.answeredById].forEach((id) => id && staffIds.add(id));
  for (const s of statusChanges) staffIds.add(s.recordedById);
  for (const r of recommendations)
    [r.authorId, ...r.receipts.map((x) => x.userId)].forEach((id) => staffIds.add(id));
  const staff = await staffNames(tx, staffIds);
  const name = (id: string | null) => (id ? (staff.get(id) ?? "") : null);

  const scores = scoreSeries(facts);
  // The self-report a call referred to instead of repeating its items.
  const referred = (id: string | null) => {
    const report = id ? contacts.find((x) => x.id === id) : undefined;
    return report?.madrsTotal != null ? { date: fromDbDate(report.date), total: report.madrsTotal } : null;
  };
  // The journal text of a contact speaks of the episode as of the contact's date.
  const journal = (c: ReturnType<typeof toContactView>, selfReport: ReturnType<typeof referred>) => {
    const then = evaluateEpisode(facts, c.date, settingsOn(c.date).rules, { withSince: false });
    return journalText(
      { ...c, items: c.madrsS },
      {
        week: then.week,
        baseline:
          then.baseline !== null && then.baselineDate
            ? { total: then.baseline, date: then.baselineDate, self: then.baselineContactId === c.id }
            : null,
        flags: then.flags.map((f) => ({ label: FLAG_LABEL[f.code], reason: f.reason })),
        selfReport,
      },
    );
  };
  const sickLeaveNow = contacts.find((c) => c.sickLeave !== null)?.sickLeave ?? chosen.sickLeaveAtStart;

  return {
    ...base,
    current: {
      episode: toEpisodeView(chosen, evaluation),
      careManager: name(chosen.careManagerId),
      gp: name(chosen.gpId),
      sickLeaveNow,
      settings,
      adherence: methodAdherence(facts, asOf, settings.method),
      scores,
      // Advice, not a flag (domain.md, "Early improvement"): days 14–41, and the trend line to week 12.
      noEarlyImprovement: noEarlyImprovement(facts, asOf, settings.rules, settings.early),
      trend: trendLine(scores, settings.rules.twelveWeekDays),
      contacts: contacts.map((row) => {
        const c = toContactView(row);
        const selfReport = referred(c.selfReportId);
        // A self-report has no staff author: the patient answered through a link.
        return {
          ...c,
          author: c.type === "SELF_REPORT" ? "Patienten (länk)" : (name(c.authorId) ?? ""),
          selfReport,
          journalText: journal(c, selfReport),
        };
      }),
      handlings: handlings.map((h) => ({
        id: h.id,
        code: h.code,
        decision: h.decision,
        note: h.note,
        handledAt: h.handledAt,
        by: name(h.handledById) ?? "",
      })),
      reviewRequests: requests.map((r) => ({
        id: r.id,
        question: r.question,
        requestedAt: r.requestedAt,
        by: name(r.requestedById) ?? "",
        answer: r.answer,
        answeredAt: r.answeredAt,
        answeredBy: name(r.answeredById),
      })),
      recommendations: recommendations.map((r) => ({
        id: r.id,
        text: r.text,
        handledCodes: r.handledCodes,
        createdAt: r.createdAt,
        by: name(r.authorId) ?? "",
        // The GP first, then the care manager.
        receipts: [...r.receipts]
          .sort((a, b) => Number(b.role === "ALLMANLAKARE") - Number(a.role === "ALLMANLAKARE"))
          .map((x) => ({
            userId: x.userId,
            name: name(x.userId) ?? "",
            role: x.role,
            // As of the page's date: a receipt read later was unread then.
            readAt: x.readAt && x.readAt < madeBy.lt ? x.readAt : null,
          })),
      })),
      statusChanges: statusChanges.map((s) => ({
        id: s.id,
        status: s.status,
        date: fromDbDate(s.date),
        reason: s.reason,
        plan: s.plan,
        by: name(s.recordedById) ?? "",
        recordedAt: s.recordedAt,
      })),
      selfReportLink: link && {
        id: link.id,
        createdAt: link.createdAt,
        expiresAt: link.expiresAt,
        usedAt: link.usedAt,
        // As of the page's date: a use or revocation after it had not happened then.
        state: linkState(
          {
            expiresAt: link.expiresAt,
            usedAt: link.usedAt && link.usedAt < madeBy.lt ? link.usedAt : null,
            revokedAt: link.revokedAt && link.revokedAt < madeBy.lt ? link.revokedAt : null,
            episodeOpen: isOpenStatus(chosen.status),
          },
          madeBy.lt < now() ? madeBy.lt : now(),
        ),
        by: name(link.createdById) ?? "",
      },
      isOpen: isOpenStatus(chosen.status),
    },
  };
}
