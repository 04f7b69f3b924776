import "server-only";
// The one server-action pattern: schema and permission declared once per
// action, then parse → authorize → the same use case as the API → revalidate,
// answering with a typed ActionState (field errors and the submitted values on
// an error). Chosen over next-safe-action: React 19's useActionState already
// gives the form state and progressive enhancement, and this keeps AppError's
// Swedish messages and the access-log actor in one place (~60 lines).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { isAppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/schemas";
import type { Actor } from "@/modules/auth/actor";
import { sessionActor } from "@/modules/auth/lib/current-actor";
import { authorize } from "@/modules/auth/rules/authorize";
import type { Permission } from "@/modules/auth/rules/permissions";
import type { ActionState } from "../action-state";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { log } from "@/lib/log";

/** Fields never sent back to the browser, whatever the outcome. */
const SECRET = /password|lösenord/i;

/** The text fields of a submitted form (Next's own `$ACTION_…` fields left out). */
export const formFields = (form: FormData): Record<string, string> =>
  Object.fromEntries(
    [...form.entries()].filter(
      (e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$ACTION"),
    ),
  );

/**
 * What goes back to the form after an error: every text field but passwords;
 * a field sent several times (a group of checkboxes) as its values joined by commas.
 */
const echoed = (form: FormData): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(formFields(form))) {
    if (SECRET.test(name)) continue;
    const all = form.getAll(name).filter((v): v is string => typeof v === "string");
    out[name] = all.length > 1 ? all.join(",") : value;
  }
  return out;
};

/** A database out of reach: what was typed stays; whether a write got through first is unknown. */
const DATABASE_UNAVAILABLE_FORM =
  "Samvård når inte databasen just nu. Det du skrivit finns kvar: försök igen om en stund. Blev det fel mitt i en sparning, kontrollera först att den inte redan syns.";

export function defineAction<S extends z.ZodType, D>({
  schema,
  permission,
  fromForm = formFields,
  run,
  revalidate = [],
  redirectTo,
  forPasswordChange = false,
}: {
  schema: S;
  /** The permission table's row this action needs; unit and record scope are the use case's. */
  permission?: Permission;
  /** How the form's fields become the schema's input (default: the text fields as they are). */
  fromForm?: (form: FormData) => unknown;
  run: (ctx: { actor: Actor; input: z.output<S> }) => Promise<D>;
  /** Paths whose pages show what the action changed. */
  revalidate?: string[] | ((data: D, input: z.output<S>) => string[]);
  /** Where the browser goes after a success (the page that shows what was saved). */
  redirectTo?: (data: D, input: z.output<S>) => string;
  /** The one action a user on a one-time password may use: choosing their own. */
  forPasswordChange?: boolean;
}) {
  return async (_prev: ActionState<D>, form: FormData): Promise<ActionState<D>> => {
    const values = echoed(form);
    const fail = (
      message: string,
      errors: Record<string, string[]> = {},
      details?: Record<string, unknown>,
    ): ActionState<D> => ({
      status: "error",
      message,
      fieldErrors: errors,
      values,
      ...(details ? { details } : {}),
    });
    let actor: Awaited<ReturnType<typeof sessionActor>>;
    try {
      actor = await sessionActor();
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      return fail(DATABASE_UNAVAILABLE_FORM);
    }
    if (!actor)
      return fail(
        "Du har loggats ut. Logga in igen i en ny flik och skicka sedan formuläret igen; det du skrev finns kvar.",
      );
    if (actor.passwordChangeRequired && !forPasswordChange)
      return fail("Välj ett eget lösenord först (sidan Nytt lösenord); sedan kan du fortsätta.");
    const parsed = schema.safeParse(fromForm(form));
    if (!parsed.success) return fail("Kontrollera de markerade fälten.", fieldErrors(parsed.error));
    let data: D;
    try {
      authorize(actor, { permission });
      data = await run({ actor, input: parsed.data });
      const paths = typeof revalidate === "function" ? revalidate(data, parsed.data) : revalidate;
      for (const path of paths) revalidatePath(path);
    } catch (e) {
      if (isAppError(e)) return fail(e.userMessage, e.fieldErrors, e.details);
      if (isDatabaseUnavailable(e)) {
        log.warn({ requestId: actor.requestId, err: e }, "[action] database unavailable");
        return fail(DATABASE_UNAVAILABLE_FORM);
      }
      log.error({ requestId: actor.requestId, err: e }, "[action] unexpected error");
      return fail(
        `Något gick fel och inget sparades. Försök igen; om felet kvarstår, uppge felkod ${actor.requestId}.`,
      );
    }
    // Outside the try: redirect() throws Next's own signal, which must reach Next.
    if (redirectTo) redirect(redirectTo(data, parsed.data));
    return { status: "ok", data };
  };
}
