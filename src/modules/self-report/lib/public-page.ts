import "server-only";
// The patient's page at /svar/<token>: GET shows the form (or why the link no
// longer works, 410), POST stores the answers and thanks (201), or shows the
// form again with what was chosen and what is missing (400). Plain HTML that
// works without JavaScript; rate-limited per client address.
import type { Html } from "@/lib/html";
import { isAppError } from "@/lib/errors";
import { parseAnswers } from "../rules/answers";
import { GONE_MESSAGE } from "../rules/link-state";
import { openSelfReportLink, submitSelfReport } from "./answer";
import { limitSelfReportClient } from "./limit";
import {
  answerForm,
  gone,
  htmlDocument,
  notFoundLink,
  thanks,
  tooLarge,
  tooMany,
  type UnitContact,
} from "./public-html";
import { SELF_REPORT_PATH } from "./public-url";
import { selfReportWording } from "./wording";

const page = (
  status: number,
  title: string,
  unit: UnitContact | null,
  body: Html,
  extra: Record<string, string> = {},
) =>
  new Response(htmlDocument(title, unit, body), {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      // The token is in the URL: never index it. (No referrer and the page's CSP: next.config.ts,
      // since the config's headers win over a handler's own.)
      "X-Robots-Tag": "noindex, nofollow",
      ...extra,
    },
  });

const notFound = () => page(404, "Länken hittades inte", null, notFoundLink());
const goneFor = (message: string, unit: UnitContact | null, urgent: boolean) =>
  page(410, "Länken gäller inte längre", unit, gone(message, unit, urgent));

/** Nine radio answers are a few hundred bytes: a larger body is refused before it is read. */
const MAX_FORM_BYTES = 16_384;

/** Rate limit per client address; a refusal is a page of its own (429). */
async function limited(req: Request): Promise<Response | null> {
  try {
    await limitSelfReportClient(req.headers);
    return null;
  } catch (error) {
    if (isAppError(error) && error.code === "TOO_MANY_REQUESTS")
      return page(429, "För många försök", null, tooMany(), {
        "Retry-After": String(error.details?.retryAfter ?? 600),
      });
    throw error;
  }
}

/** The form for a link that takes answers, else why not. */
async function formOrRefusal(token: string, values: (number | null)[], missing: number[] | null) {
  const view = await openSelfReportLink({ token });
  if (view.state === "unknown") return notFound();
  if (view.state !== "open") return goneFor(GONE_MESSAGE[view.state], view.unit, view.recentUrgent);
  const body = answerForm({
    action: `${SELF_REPORT_PATH}/${token}`,
    wording: selfReportWording(),
    values,
    errors: missing ? { missing } : null,
    unit: view.unit!,
  });
  return page(missing ? 400 : 200, missing ? "Fel: svar saknas" : "Självskattning", view.unit, body);
}

export async function showSelfReportPage(req: Request, token: string): Promise<Response> {
  return (await limited(req)) ?? formOrRefusal(token, Array(9).fill(null), null);
}

export async function submitSelfReportPage(req: Request, token: string): Promise<Response> {
  const refused = await limited(req);
  if (refused) return refused;
  if (Number(req.headers.get("content-length") ?? 0) > MAX_FORM_BYTES)
    return page(413, "Svaren kunde inte tas emot", null, tooLarge());
  const form = await req.formData().catch(() => new FormData());
  const parsed = parseAnswers((i) => form.get(`item${i + 1}`));
  // What was chosen comes back with what is missing, if the link still takes answers.
  if (!parsed.ok) return formOrRefusal(token, parsed.values, parsed.missing);
  try {
    const saved = await submitSelfReport({ token, items: parsed.items });
    return page(201, "Tack, dina svar är skickade", saved.unit, thanks(saved.unit, saved.urgentHelp));
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return notFound();
    if (isAppError(error) && error.code === "GONE")
      return goneFor(
        error.userMessage,
        (error.details?.unit as UnitContact | undefined) ?? null,
        error.details?.recentUrgent === true,
      );
    throw error;
  }
}
