import type { Figure } from "./report";

const decimal = (v: number) =>
  v.toLocaleString("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A figure as the page and the downloads show it: "62 %", "3,4", "14"; "–" when nothing was counted. */
export function formatFigure(f: Pick<Figure, "kind" | "value">): string {
  if (f.value === null) return "–";
  switch (f.kind) {
    case "count":
      return String(f.value);
    case "share":
      return `${Math.round(f.value * 100)} %`;
    case "ratio":
    case "median":
      return decimal(f.value);
  }
}
