import { FLAG_LABEL, FLAG_TONE, type FlagCode } from "@/modules/clinical/rules/flags";

// One colour language for flags: red = safety, amber = needs action, blue =
// information; always with the text and a symbol (⚠ ● ℹ), never colour alone.
// The classes, symbols included, are in globals.css, written out whole here:
// Tailwind makes a utility only for a class name it finds in the source.
const TONE_CLASS = { safety: "flag-safety", action: "flag-action", info: "flag-info" } as const;

export function FlagBadge({ code }: { code: FlagCode }) {
  return <span className={`flag-badge ${TONE_CLASS[FLAG_TONE[code]]}`}>{FLAG_LABEL[code]}</span>;
}
