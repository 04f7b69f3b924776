// Display helpers shared by pages: Swedish number and date formats.

/**
 * A reduction in whole percent, cut towards zero, never rounded: 49.6 % is
 * "49 %", so a shown figure never reaches a target the exact value misses
 * (domain.md: compare exact values, round only for display). The small
 * epsilon keeps binary fractions such as 0.29 × 100 = 28.999… at 29.
 */
export const formatReduction = (reduction: number | null): string => {
  if (reduction === null) return "–";
  const percent = reduction * 100;
  return `${Math.trunc(percent + Math.sign(percent) * 1e-9)} %`;
};

/** The change from the baseline in words: "minskning 26 %", "ökning 26 %" (a score that rose), or null. */
export const formatChange = (reduction: number | null): string | null =>
  reduction === null
    ? null
    : reduction < 0
      ? `ökning ${formatReduction(-reduction)}`
      : `minskning ${formatReduction(reduction)}`;

/** "19121212-1212" from the stored 12 digits. */
export const formatPersonnummer = (digits: string): string => `${digits.slice(0, 8)}-${digits.slice(8)}`;
