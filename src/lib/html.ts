// A small HTML template for the pages Next.js cannot render: a route handler
// that must answer a page with its own status (410 for a used self-report
// link) may not import react-dom/server. Every interpolated value is escaped
// unless it is itself Html; arrays join, and null/undefined/false render as
// nothing, so conditionals read like JSX.
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = Html | string | number | null | undefined | false | readonly HtmlPart[];

const render = (part: HtmlPart): string =>
  part instanceof Html
    ? part.value
    : Array.isArray(part)
      ? part.map(render).join("")
      : part === null || part === undefined || part === false
        ? ""
        : escapeHtml(String(part));

/** html`<p>${text}</p>`: the text is escaped; nested html`` is kept as it is. */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

/** Trusted markup as it is (a constant stylesheet): never for anything a user or patient typed. */
export const rawHtml = (markup: string): Html => new Html(markup);
