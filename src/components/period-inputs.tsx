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

/**
 * A page's period form (GET): the fields of `hidden` kept, whatever comes
 * first (`children`, e.g. a unit), the two dates, a submit button, and the
 * message of a refused period, which the dates point at.
 */
export function PeriodForm({
  hidden = {},
  children,
  from,
  to,
  error,
  submit = "Visa",
  primary = false,
}: {
  hidden?: Record<string, string>;
  children?: React.ReactNode;
  from: string;
  to: string;
  error?: string;
  submit?: string;
  primary?: boolean;
}) {
  return (
    <>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        <PeriodInputs from={from} to={to} errorId={error ? "period-error" : undefined} />
        <button
          type="submit"
          className={
            primary
              ? "rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
              : "rounded border border-slate-400 bg-white px-3 py-1.5 hover:bg-slate-50"
          }
        >
          {submit}
        </button>
      </form>
      {error && (
        <p id="period-error" role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </>
  );
}
