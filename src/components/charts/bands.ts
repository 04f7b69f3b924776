// The MADRS-S severity bands as the charts draw them: a calm scale from no
// colour (none/minimal) to a soft red (severe), each band named in text too.
import { SEVERITY_LABEL, type SeverityBand } from "@/modules/clinical/rules/madrs";

export const BANDS: readonly { band: SeverityBand; from: number; to: number; fill: string }[] = [
  { band: "NONE", from: 0, to: 12, fill: "#ffffff" },
  { band: "MILD", from: 13, to: 19, fill: "#fefce8" },
  { band: "MODERATE", from: 20, to: 34, fill: "#fff7ed" },
  { band: "SEVERE", from: 35, to: 54, fill: "#fef2f2" },
];

export const bandLabel = (band: SeverityBand) => SEVERITY_LABEL[band];
