// What an agenda item of a visit is, and its Swedish name. Apart from the
// schemas: the agenda's browser code shows them and should not carry zod.
export const VISIT_ITEM_KINDS = ["CASE_REVIEW", "PATIENT_MEETING"] as const;
export const VISIT_ITEM_KIND_LABEL: Record<(typeof VISIT_ITEM_KINDS)[number], string> = {
  CASE_REVIEW: "Fallgenomgång utan patient",
  PATIENT_MEETING: "Patientbesök",
};
