// Display helpers shared by pages: Swedish number and date formats.
export const formatReduction = (reduction: number | null): string =>
  reduction === null ? "–" : `${Math.round(reduction * 100)} %`;

/** "19121212-1212" from the stored 12 digits. */
export const formatPersonnummer = (digits: string): string => `${digits.slice(0, 8)}-${digits.slice(8)}`;
