/**
 * A period's two dates in a GET form, typed as ÅÅÅÅ-MM-DD whatever the
 * browser's locale; marked invalid, and pointing at the message, when
 * `errorId` names the element that says what is wrong.
 */
export function PeriodInputs({ from, to, errorId }: { from: string; to: string; errorId?: string }) {
  const field = (name: "from" | "to", label: string, value: string) => (
    <label className="flex flex-col">
      {label} (ÅÅÅÅ-MM-DD)
      <input
        name={name}
        defaultValue={value}
        inputMode="numeric"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className="mt-1 w-36 rounded border border-slate-400 px-2 py-1.5"
      />
    </label>
  );
  return (
    <>
      {field("from", "Från", from)}
      {field("to", "Till", to)}
    </>
  );
}
