// One vocabulary of statuses, contact types and counterparts, with the Swedish
// labels of domain.md, derived from the database's own enums: a value added to
// the Prisma schema without a label does not compile. (The clinical core keeps
// its own Prisma-free types; modules/episodes/lib/facts.ts checks they agree.)
import { ContactType, Counterpart, EpisodeStatus, FlagDecision } from "@/generated/prisma/enums";

const values = <T extends Record<string, string>>(e: T) => Object.values(e) as [T[keyof T], ...T[keyof T][]];

export const EPISODE_STATUSES = values(EpisodeStatus);
export const CONTACT_TYPES = values(ContactType);
export const COUNTERPARTS = values(Counterpart);
export const FLAG_DECISIONS = values(FlagDecision);

export const STATUS_LABEL: Record<EpisodeStatus, string> = {
  ACTIVE: "Aktiv",
  RELAPSE_PREVENTION: "Återfallsprevention",
  COMPLETED: "Avslutad",
  DEACTIVATED: "Avbruten",
};

export const CONTACT_TYPE_LABEL: Record<ContactType, string> = {
  PHONE: "Telefon",
  IN_PERSON: "Fysiskt besök",
  VIDEO: "Video",
  SELF_REPORT: "Självskattning",
};

/** How a self-report is shown wherever it appears: the patient's own answers, not checked by anyone. */
export const SELF_REPORT_NOTE = "Patientrapporterad via länk, ej verifierad";

/** The label of a contact that did not reach the person. */
export const NOT_REACHED_LABEL = "Ej nådd";

export const COUNTERPART_LABEL: Record<Counterpart, string> = {
  PATIENT: "Patient",
  FORSAKRINGSKASSAN: "Försäkringskassan",
  SOCIALTJANST: "Socialtjänsten",
  ARBETSGIVARE: "Arbetsgivare",
  OTHER: "Annan",
};

/** The GP's common decisions when handling a flag (issue 8), each with a text beside it. */
export const FLAG_DECISION_LABEL: Record<FlagDecision, string> = {
  MEDICATION_CHANGE: "Läkemedelsändring",
  SICK_LEAVE: "Sjukskrivning",
  REFERRAL_SPECIALIST: "Remiss till specialistpsykiatrin",
  RISK_ASSESSMENT_DONE: "Suicidriskbedömning gjord",
  CONTINUE_TREATMENT: "Fortsatt samma behandling",
  OTHER: "Annat",
};

export type { ContactType, Counterpart, EpisodeStatus, FlagDecision };
