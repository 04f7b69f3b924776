// The words the patient reads on the self-report page. Samvård ships item
// headings and short, neutral descriptions of the 0–6 scale written by us: not
// the validated MADRS-S wording, which a region may hold the rights to and
// configure (a JSON file named by SAMVARD_MADRS_S_WORDING, parsed here). The
// README says scores are comparable with the validated form only with its
// wording. Pure.
import { z } from "zod";
import { MADRS_ITEMS } from "@/modules/clinical/rules/madrs";

export type ItemWording = {
  heading: string;
  /** What the item asks about, one or two sentences. */
  question: string;
  /** Descriptions of some scale steps (0, 2, 4, 6 in ours); the others lie between. */
  anchors: Partial<Record<"0" | "1" | "2" | "3" | "4" | "5" | "6", string>>;
};

export type Wording = {
  /** Shown under the form: whose words these are. */
  source: string;
  intro: string;
  items: ItemWording[];
};

const scale = (none: string, mild: string, clear: string, severe: string) => ({
  "0": none,
  "2": mild,
  "4": clear,
  "6": severe,
});

/** Our own words: neutral descriptions of the scale, not the validated form's text. */
export const DEFAULT_WORDING: Wording = {
  source:
    "Frågorna är en förenklad beskrivning av MADRS-S skriven för Samvård, inte det validerade formulärets text.",
  intro:
    "Tänk på hur du har mått de senaste tre dagarna. Välj för varje fråga den siffra som stämmer bäst, från 0 (inga besvär) till 6 (mycket svåra besvär). Du kan välja en siffra mellan beskrivningarna.",
  items: [
    {
      heading: MADRS_ITEMS[0],
      question: "Hur har ditt grundläge varit: glad, neutral, ledsen eller nedstämd?",
      anchors: scale(
        "Som vanligt, växlande",
        "Oftast nedstämd, men ibland lättare till mods",
        "Nedstämd och dyster nästan hela tiden",
        "Så nedstämd att ingenting kan göra mig gladare",
      ),
    },
    {
      heading: MADRS_ITEMS[1],
      question: "Har du känt dig orolig, spänd, ängslig eller rädd?",
      anchors: scale(
        "Lugn för det mesta",
        "Ibland obehaglig oro eller spänning",
        "Ofta stark oro som är svår att få bort",
        "Nästan outhärdlig oro eller ångest",
      ),
    },
    {
      heading: MADRS_ITEMS[2],
      question: "Hur har du sovit jämfört med hur du brukar sova?",
      anchors: scale(
        "Som vanligt",
        "Något kortare eller oroligare sömn",
        "Minst två timmar mindre sömn än vanligt, eller mycket orolig sömn",
        "Mindre än två eller tre timmar per natt",
      ),
    },
    {
      heading: MADRS_ITEMS[3],
      question: "Hur har din aptit varit jämfört med vanligt?",
      anchors: scale(
        "Som vanligt",
        "Något sämre aptit",
        "Ingen aptit, maten smakar ingenting",
        "Måste tvinga mig att äta",
      ),
    },
    {
      heading: MADRS_ITEMS[4],
      question: "Har du kunnat koncentrera dig, till exempel på att läsa eller följa ett samtal?",
      anchors: scale(
        "Som vanligt",
        "Ibland svårt att hålla tankarna samlade",
        "Svårt att koncentrera mig på sådant jag brukar klara",
        "Kan inte läsa eller samtala utan stor möda",
      ),
    },
    {
      heading: MADRS_ITEMS[5],
      question: "Har det varit svårt att komma igång med saker du behöver göra?",
      anchors: scale(
        "Inga svårigheter",
        "Lite svårare än vanligt att komma igång",
        "Stor möda att komma igång med enkla saker",
        "Klarar inte ens de enklaste vardagssysslorna",
      ),
    },
    {
      heading: MADRS_ITEMS[6],
      question: "Har du intresse för omgivningen och för andra människor, och kan du känna glädje?",
      anchors: scale(
        "Som vanligt",
        "Mindre intresse eller glädje än vanligt",
        "Svårt att känna något för sådant som brukar engagera mig",
        "Känner mig helt likgiltig, även inför mina närmaste",
      ),
    },
    {
      heading: MADRS_ITEMS[7],
      question: "Hur ser du på din framtid och på dig själv?",
      anchors: scale(
        "Ser på framtiden och mig själv som vanligt",
        "Ibland självkritisk eller tvivlande",
        "Ofta skuld, självförebråelser eller hopplöshet",
        "Ser ingen framtid, allt känns hopplöst",
      ),
    },
    {
      heading: MADRS_ITEMS[8],
      question: "Hur känner du inför livet? Har du haft tankar på att inte vilja leva?",
      anchors: scale(
        "Livet känns meningsfullt",
        "Livet känns ibland inte värt att leva",
        "Tankar på att det vore bättre att vara död kommer ofta",
        "Har planer på att ta mitt liv",
      ),
    },
  ],
};

const ZAnchorKey = z.enum(["0", "1", "2", "3", "4", "5", "6"]);
const text = (max: number) => z.string().trim().min(1).max(max);

/** A region's wording file: the validated form's text, in the same shape as ours. */
export const ZWordingFile = z.object({
  source: text(500),
  intro: text(2000),
  items: z
    .array(
      z.object({
        heading: text(100),
        question: text(1000),
        anchors: z.partialRecord(ZAnchorKey, text(500)),
      }),
    )
    .length(9, { error: "MADRS-S has nine items: the file must give nine." }),
});

/** Parses a wording file's text; the error names the file's first problem. */
export function parseWording(json: string): Wording {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new Error(`the MADRS-S wording file is not JSON: ${(e as Error).message}`);
  }
  const parsed = ZWordingFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `the MADRS-S wording file is not valid at ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
  }
  return parsed.data;
}
