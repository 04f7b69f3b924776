// Which of the user's units a page's `unitId` parameter names: the first unit
// when none is given, null when it names a unit that is not the user's (the
// page answers "not found", as for a missing one).
export type SearchParam = string | string[] | undefined;

export function chosenUnit(param: SearchParam, unitIds: readonly string[]): string | null {
  const raw = (typeof param === "string" ? param.trim() : "").toLowerCase();
  if (raw === "") return unitIds[0] ?? null;
  return unitIds.includes(raw) ? raw : null;
}
