// What every server action answers a form with. On an error it returns what
// the user submitted, so the form shows it again (React 19 resets a form's
// uncontrolled fields when its action resolves; `Field` uses these values as
// its default, so the reset puts back what was typed).
export type FieldErrors = Record<string, string[]>;

export type ActionState<D = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: D }
  | {
      status: "error";
      message: string;
      fieldErrors: FieldErrors;
      values: Record<string, string>;
      /** What the refusal says beyond its message (e.g. a conflict's current version). */
      details?: Record<string, unknown>;
    };

export const IDLE: ActionState<never> = { status: "idle" };

export const fieldError = (state: ActionState<unknown>, name: string): string | undefined =>
  state.status === "error" ? state.fieldErrors[name]?.[0] : undefined;

export const submittedValue = (state: ActionState<unknown>, name: string): string | undefined =>
  state.status === "error" ? state.values[name] : undefined;
