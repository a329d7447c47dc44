/** 4000 → "4 000" (Swedish, with `' '`) or "4,000" (English, with `','`). */
export const digits = (n: number, separator: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
