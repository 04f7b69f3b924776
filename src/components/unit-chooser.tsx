// A verksamhetschef with several units picks which one a page shows: a plain
// GET form (works without JavaScript). Nothing for a user with one unit.
export function UnitChooser({
  units,
  unitId,
  path,
}: {
  units: readonly { id: string; name: string }[];
  unitId: string;
  path: string;
}) {
  if (units.length < 2) return null;
  return (
    <form method="get" action={path} className="flex flex-wrap items-end gap-2 text-sm">
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
      <button
        type="submit"
        className="rounded border border-slate-400 bg-white px-3 py-1.5 hover:bg-slate-50"
      >
        Visa
      </button>
    </form>
  );
}
