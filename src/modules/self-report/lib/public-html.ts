// The patient's pages as plain HTML (no JavaScript, no staff layout): mobile
// first, large touch targets, the unit's name and phone and nothing about the
// patient. Rendered with the escaping template in src/lib/html.ts, since the
// /svar/[token] route sets statuses a page component cannot (410) and a route
// handler may not import react-dom/server.
import { html, rawHtml, type Html } from "@/lib/html";
import type { Wording } from "../rules/wording";

export type UnitContact = { name: string; phone: string | null };

const CSS = rawHtml(`
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.5;color:#0f172a;background:#f8fafc}
main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
header{background:#163c49;color:#fff;padding:.75rem 1rem}
header p{max-width:40rem;margin:0 auto;font-weight:600}
h1{font-size:1.5rem;line-height:1.25;margin:1rem 0 .5rem}
h2{font-size:1.2rem;margin:0 0 .5rem}
a{color:#0b4f8a}
.box{background:#fff;border:1px solid #cbd5e1;border-radius:.5rem;padding:1rem;margin:1rem 0}
.urgent{border:3px solid #b42318;background:#fef3f2}
.urgent h2{color:#912018}
.errors{border:3px solid #b42318;background:#fff}
fieldset{border:1px solid #cbd5e1;border-radius:.5rem;background:#fff;margin:0 0 1rem;padding:.75rem 1rem 1rem}
fieldset.invalid{border:3px solid #b42318}
legend{font-weight:700;font-size:1.125rem;padding:0 .25rem}
.question{margin:.25rem 0 .75rem}
.error{color:#912018;font-weight:600;margin:.25rem 0 .5rem}
.option{display:flex;align-items:center;gap:.75rem;min-height:3rem;padding:.5rem .75rem;border:1px solid #94a3b8;border-radius:.375rem;margin:.375rem 0;cursor:pointer}
.option input{width:1.5rem;height:1.5rem;flex:none;margin:0;accent-color:#163c49}
.option:has(input:checked){border:2px solid #163c49;background:#e8f1f4}
.option:has(input:focus-visible){outline:3px solid #0b4f8a;outline-offset:2px}
.value{font-weight:700;min-width:1.25rem}
button{display:block;width:100%;min-height:3.25rem;font:inherit;font-weight:700;color:#fff;background:#163c49;border:0;border-radius:.5rem;padding:.75rem 1rem;cursor:pointer}
button:focus-visible{outline:3px solid #0b4f8a;outline-offset:3px}
.muted{color:#475569;font-size:.95rem}
ul.help{padding-left:1.25rem;margin:.5rem 0}
ul.help li{margin:.25rem 0}
.tel{font-weight:700;white-space:nowrap}
`);

/** A whole page: the unit's name in the header, nothing about the patient. */
export function htmlDocument(title: string, unit: UnitContact | null, body: Html): string {
  return html`<!DOCTYPE html>
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${unit ? `${title} – ${unit.name}` : title}</title>
        <style>
          ${CSS}
        </style>
      </head>
      <body>
        <header><p>${unit?.name ?? "Samvård"}</p></header>
        <main>${body}</main>
      </body>
    </html>`.value;
}

const tel = (phone: string) => html`<a class="tel" href="tel:${phone.replace(/[^0-9+]/g, "")}">${phone}</a>`;

const HELP_HEADING = {
  urgent: "Behöver du hjälp nu?",
  "before-next-call": "Om du behöver hjälp innan dess",
  general: "Om du behöver hjälp",
} as const;

/** Where to get help at once: 112, 1177 and the unit's phone. */
export function helpNow(unit: UnitContact | null, kind: keyof typeof HELP_HEADING): Html {
  const urgent = kind === "urgent";
  return html`<section class="${urgent ? "box urgent" : "box"}" aria-labelledby="help-now">
    <h2 id="help-now">${HELP_HEADING[kind]}</h2>
    ${
      urgent &&
      html`<p>
        Du svarade att livet känns svårt att leva. Det är viktigt att du får prata med någon
        <strong>nu</strong>, inte först vid nästa kontakt.
      </p>`
    }
    <ul class="help">
      <li>Om du tänker på att ta ditt liv eller inte känner dig trygg: ring ${tel("112")} direkt.</li>
      <li>
        För sjukvårdsrådgivning dygnet runt: ring ${tel("1177")} eller gå till
        <a href="https://www.1177.se">1177.se</a>.
      </li>
      ${
        unit &&
        (unit.phone
          ? html`<li>${unit.name}: ${tel(unit.phone)} (dagtid).</li>`
          : html`<li>${unit.name} under dagtid.</li>`)
      }
    </ul>
  </section>`;
}

export type FormErrors = { missing: number[] };

/** The nine items, all required: radio buttons 0–6 with our (or the region's) descriptions. */
export function answerForm({
  action,
  wording,
  values,
  errors,
  unit,
}: {
  action: string;
  wording: Wording;
  values: readonly (number | null)[];
  errors: FormErrors | null;
  unit: UnitContact;
}): Html {
  const missing = new Set(errors?.missing ?? []);
  const items = wording.items.map((item, i) => {
    const n = i + 1;
    const invalid = missing.has(i);
    const options = [0, 1, 2, 3, 4, 5, 6].map((v) => {
      const anchor = item.anchors[String(v) as keyof typeof item.anchors];
      return html`<label class="option"
        ><input
          type="radio"
          name="item${n}"
          value="${v}"
          required${values[i] === v ? rawHtml(" checked") : ""}
        /><span class="value">${v}</span>${anchor && html`<span>${anchor}</span>`}</label
      >`;
    });
    return html`<fieldset
      id="fraga-${n}"
      ${invalid ? rawHtml(' class="invalid"') : ""}
      aria-describedby="fraga-${n}-text${invalid ? ` fraga-${n}-fel` : ""}"
    >
      <legend>${n}. ${item.heading}</legend>
      <p class="question" id="fraga-${n}-text">${item.question}</p>
      ${invalid && html`<p class="error" id="fraga-${n}-fel">Välj ett svar på fråga ${n}.</p>`} ${options}
    </fieldset>`;
  });
  return html`<h1>Självskattning av måendet</h1>
    <p>
      ${unit.name} har skickat dig den här länken. Svara på nio frågor (MADRS-S) före din nästa kontakt, så
      kan samtalet handla om dig i stället för om frågorna. Det tar ett par minuter.
    </p>
    <p class="muted">
      Svaren läses inte direkt när du skickar dem. Om du behöver hjälp nu: ring 112 vid akut fara eller 1177
      för sjukvårdsrådgivning.
    </p>
    ${
      errors &&
      html`<div class="box errors" role="alert" aria-labelledby="error-heading" id="fel">
        <h2 id="error-heading">Svaren kunde inte skickas</h2>
        <p>Välj ett svar på varje fråga. Det saknas svar på:</p>
        <ul class="help">
          ${errors.missing.map(
            (i) => html`<li><a href="#fraga-${i + 1}">Fråga ${i + 1}, ${wording.items[i]!.heading}</a></li>`,
          )}
        </ul>
      </div>`
    }
    <p>${wording.intro}</p>
    <form method="post" action="${action}" novalidate>
      ${items}
      <button type="submit">Skicka svaren</button>
    </form>
    <p class="muted">${wording.source}</p>`;
}

export function thanks(unit: UnitContact, urgent: boolean): Html {
  return html`${urgent && helpNow(unit, "urgent")}
    <h1>Tack, dina svar är skickade</h1>
    <p>
      Svaren läses <strong>inte</strong> direkt när de kommer in. Din kontakt på ${unit.name} går igenom dem
      vid nästa samtal.
    </p>
    ${!urgent && helpNow(unit, "before-next-call")}
    <p class="muted">Du kan stänga sidan nu. Länken kan inte användas igen.</p>`;
}

/**
 * A link that no longer takes answers. Just after the patient answered with a
 * high Livslust (a refresh, a second tap), where to get help comes first again.
 */
export function gone(message: string, unit: UnitContact | null, urgent = false): Html {
  return html`${urgent && helpNow(unit, "urgent")}
    <h1>Länken gäller inte längre</h1>
    <p>${message}</p>
    ${
      unit &&
      html`<p>
        Har du frågor eller vill svara på frågorna igen, kontakta
        ${unit.name}${unit.phone ? html` på ${tel(unit.phone)}` : ""}.
      </p>`
    }
    ${!urgent && helpNow(unit, "general")}`;
}

export const notFoundLink = (): Html =>
  html`<h1>Länken hittades inte</h1>
    <p>Kontrollera att hela adressen kom med, till exempel om den delades på två rader i meddelandet.</p>
    ${helpNow(null, "general")}`;

export const tooMany = (): Html =>
  html`<h1>För många försök</h1>
    <p>Vänta några minuter och försök sedan igen.</p>
    ${helpNow(null, "general")}`;

export const tooLarge = (): Html =>
  html`<h1>Svaren kunde inte tas emot</h1>
    <p>Formuläret var större än väntat. Gå tillbaka till länken och försök igen.</p>
    ${helpNow(null, "general")}`;
