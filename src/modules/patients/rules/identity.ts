// Swedish identity numbers: personnummer and samordningsnummer (day + 60).
// Parsing, the century of short forms and the Luhn check are the well-kept
// `personnummer` package's; this adds the accepted input forms of domain.md
// and Swedish messages that say what is wrong.
import Personnummer from "personnummer";
import { stockholmDate } from "@/lib/local-date";

export type IdentityResult =
  | { ok: true; normalized: string; kind: "PERSONNUMMER" | "SAMORDNINGSNUMMER" }
  | { ok: false; message: string };

// YYYYMMDD-NNNC, YYYYMMDDNNNC, YYMMDD-NNNC, YYMMDDNNNC, YYMMDD+NNNC.
const ACCEPTED = /^(?:\d{8}-?\d{4}|\d{6}[-+]?\d{4})$/;

/** The Luhn check digit of a personnummer's first nine digits (YYMMDDNNN). */
export function luhnCheckDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

const luhnOk = (tenDigits: string): boolean => luhnCheckDigit(tenDigits.slice(0, 9)) === Number(tenDigits[9]);

export function parseIdentityNumber(
  input: string,
  today: string = stockholmDate(new Date()),
): IdentityResult {
  const raw = input.trim();
  if (!ACCEPTED.test(raw)) {
    return {
      ok: false,
      message: "Ange personnummer som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN (12 eller 10 siffror).",
    };
  }
  const digits = raw.replace(/[-+]/g, "");
  const ten = digits.slice(-10);
  if (!luhnOk(ten)) return { ok: false, message: "Kontrollsiffran stämmer inte. Kontrollera personnumret." };
  let parsed: Personnummer;
  try {
    parsed = Personnummer.parse(raw, { allowCoordinationNumber: true, allowInterimNumber: false });
  } catch {
    // The Luhn digit is right, so the library refused the date or the serial 000 (never issued).
    if (ten.slice(6, 9) === "000")
      return { ok: false, message: "Födelsenumret 000 förekommer inte. Kontrollera personnumret." };
    return { ok: false, message: "Datumet i personnumret finns inte." };
  }
  // A 12-digit input must agree with the century the library derived.
  const normalized = parsed.format(true).replace(/[-+]/g, "");
  if (digits.length === 12 && normalized !== digits)
    return { ok: false, message: "Datumet i personnumret finns inte." };
  const coordination = parsed.isCoordinationNumber();
  const day = Number(normalized.slice(6, 8)) - (coordination ? 60 : 0);
  const born = `${normalized.slice(0, 4)}-${normalized.slice(4, 6)}-${String(day).padStart(2, "0")}`;
  if (born > today) return { ok: false, message: "Datumet i personnumret ligger i framtiden." };
  return { ok: true, normalized, kind: coordination ? "SAMORDNINGSNUMMER" : "PERSONNUMMER" };
}
