// A verksamhetschef with several units picks which one a page shows. Nothing
// for a user with one unit.

type Units = readonly { id: string; name: string }[];

/** The unit field (`unitId`) of a GET form: part of a larger form (the report's period) or its own. */
export function UnitSelect({ units, unitId }: { units: Units; unitId: string }) {
  if (units.length < 2) return null;
  return (
    <label className="flex flex-col">
      Enhet
      <select
        name="unitId"
        defaultValue={unitId}
        className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5"
      >
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The unit on a form of its own: a plain GET form (works without JavaScript). */
export function UnitChooser({ units, unitId, path }: { units: Units; unitId: string; path: string }) {
  if (units.length < 2) return null;
  return (
    <form method="get" action={path} className="flex flex-wrap items-end gap-2 text-sm">
      <UnitSelect units={units} unitId={unitId} />
      <button
        type="submit"
        className="rounded border border-slate-400 bg-white px-3 py-1.5 hover:bg-slate-50"
      >
        Visa
      </button>
    </form>
  );
}
