import "server-only";
// The patient's page at /svar/<token>: GET shows the form (or why the link no
// longer works, 410), POST stores the answers and thanks (201), or shows the
// form again with what was chosen and what is missing (400). Plain HTML that
// works without JavaScript; rate-limited per client address.
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { clientKey, rateLimit } from "@/lib/rate-limit";
import { parseAnswers } from "../rules/answers";
import {
  AnswerForm,
  Document,
  Gone,
  NotFoundLink,
  Thanks,
  TooMany,
  type UnitContact,
} from "../components/public-pages";
import { openSelfReportLink, submitSelfReport } from "./answer";
import { GONE_MESSAGE } from "../rules/link-state";
import { SELF_REPORT_PATH } from "./public-url";
import { selfReportWording } from "./wording";

const html = (
  status: number,
  title: string,
  unit: UnitContact | null,
  body: ReactElement,
  extra: Record<string, string> = {},
) =>
  new Response(
    `<!DOCTYPE html>${renderToStaticMarkup(
      <Document title={title} unit={unit}>
        {body}
      </Document>,
    )}`,
    {
      status,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        // The token is in the URL: never send it on, never index it.
        "Referrer-Policy": "no-referrer",
        "X-Robots-Tag": "noindex, nofollow",
        ...extra,
      },
    },
  );

/** Rate limit per client address; a refusal is a page of its own (429). */
async function limited(req: Request): Promise<Response | null> {
  try {
    await rateLimit(`self-report:${clientKey(req.headers)}`, {
      limit: env().SELF_REPORT_RATE_LIMIT,
      windowSeconds: 600,
    });
    return null;
  } catch (error) {
    if (isAppError(error) && error.code === "TOO_MANY_REQUESTS")
      return html(429, "För många försök", null, <TooMany />, {
        "Retry-After": String(error.details?.retryAfter ?? 600),
      });
    throw error;
  }
}

export async function showSelfReportPage(req: Request, token: string): Promise<Response> {
  const refused = await limited(req);
  if (refused) return refused;
  const view = await openSelfReportLink({ token });
  if (view.state === "unknown") return html(404, "Länken hittades inte", null, <NotFoundLink />);
  if (view.state !== "open")
    return html(
      410,
      "Länken gäller inte längre",
      view.unit,
      <Gone message={GONE_MESSAGE[view.state]} unit={view.unit} />,
    );
  const action = `${SELF_REPORT_PATH}/${token}`;
  return html(
    200,
    "Självskattning",
    view.unit,
    <AnswerForm
      action={action}
      wording={selfReportWording()}
      values={Array(9).fill(null)}
      errors={null}
      unit={view.unit!}
    />,
  );
}

export async function submitSelfReportPage(req: Request, token: string): Promise<Response> {
  const refused = await limited(req);
  if (refused) return refused;
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    form = new FormData();
  }
  const parsed = parseAnswers((i) => form.get(`item${i + 1}`));
  if (!parsed.ok) {
    // Only a link that still takes answers gets the form back; else say why.
    const view = await openSelfReportLink({ token });
    if (view.state === "unknown") return html(404, "Länken hittades inte", null, <NotFoundLink />);
    if (view.state !== "open")
      return html(
        410,
        "Länken gäller inte längre",
        view.unit,
        <Gone message={GONE_MESSAGE[view.state]} unit={view.unit} />,
      );
    return html(
      400,
      "Fel: svar saknas",
      view.unit,
      <AnswerForm
        action={`${SELF_REPORT_PATH}/${token}`}
        wording={selfReportWording()}
        values={parsed.values}
        errors={{ missing: parsed.missing }}
        unit={view.unit!}
      />,
    );
  }
  try {
    const saved = await submitSelfReport({ token, items: parsed.items });
    return html(
      201,
      "Tack, dina svar är skickade",
      saved.unit,
      <Thanks unit={saved.unit} urgent={saved.urgentHelp} />,
    );
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return html(404, "Länken hittades inte", null, <NotFoundLink />);
    if (isAppError(error) && error.code === "GONE") {
      const unit = (error.details?.unit as UnitContact | undefined) ?? null;
      return html(410, "Länken gäller inte längre", unit, <Gone message={error.userMessage} unit={unit} />);
    }
    throw error;
  }
}
