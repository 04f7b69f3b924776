import { FLAG_LABEL, FLAG_TONE, type FlagCode } from "@/modules/clinical/rules/flags";

// One colour language for flags: red = safety, amber = needs action, blue =
// information; always with the text and a symbol, never colour alone.
const TONE_CLASS = {
  safety: "border-red-300 bg-red-50 text-red-900",
  action: "border-amber-300 bg-amber-50 text-amber-950",
  info: "border-blue-300 bg-blue-50 text-blue-950",
} as const;
const TONE_SYMBOL = { safety: "⚠", action: "●", info: "ℹ" } as const;

export function FlagBadge({ code }: { code: FlagCode }) {
  const tone = FLAG_TONE[code];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium ${TONE_CLASS[tone]}`}
    >
      <span aria-hidden="true">{TONE_SYMBOL[tone]}</span>
      {FLAG_LABEL[code]}
    </span>
  );
}
