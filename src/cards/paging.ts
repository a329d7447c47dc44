import type { Locale } from '../domain/organisation';
import { card, CARD_BUDGET_BYTES, commandButton, jsonBytes, textBlock, type AdaptiveCard, type CardElement } from './adaptive';
import { both } from './texts';

export const pagingTexts = {
  showMore: both('Visa fler', 'Show more'),
  pageOf: (n: number, of: number) => both(`Sida ${n} av ${of}`, `Page ${n} of ${of}`),
};

/** Rows split, in order, into pages that each fit one message beside `frameBytes` of heading and actions. */
export function pagesOf(rows: readonly CardElement[], frameBytes: number, budget = CARD_BUDGET_BYTES): CardElement[][] {
  const pages: CardElement[][] = [[]];
  let used = frameBytes;
  for (const row of rows) {
    const size = jsonBytes(row) + 1;
    const current = pages[pages.length - 1] ?? [];
    if (used + size > budget && current.length > 0) {
      pages.push([row]);
      used = frameBytes + size;
    } else {
      current.push(row);
      used += size;
    }
  }
  return pages;
}

/**
 * A list card that fits Teams' message size: page `page` (from 1) of the rows, with "Sida n av m"
 * and a "Visa fler" button running `moreCommand(n + 1)`. A list that fits is one card as before.
 */
export function pagedCard(
  locale: Locale,
  title: string,
  rows: readonly CardElement[],
  actions: readonly CardElement[],
  page: number,
  moreCommand: (next: number) => string,
): AdaptiveCard {
  const probe = card(locale, title, [textBlock(pagingTexts.pageOf(9999, 9999)[locale])], [...actions, commandButton(pagingTexts.showMore[locale], moreCommand(9999))]);
  const pages = pagesOf(rows, jsonBytes(probe) + 200);
  if (pages.length === 1) return card(locale, title, [...rows], [...actions]);
  const n = Math.min(Math.max(1, page), pages.length);
  const more = n < pages.length ? [commandButton(pagingTexts.showMore[locale], moreCommand(n + 1))] : [];
  const body = [...(pages[n - 1] ?? []), textBlock(pagingTexts.pageOf(n, pages.length)[locale], { isSubtle: true, size: 'Small' })];
  return card(locale, title, body, [...more, ...actions]);
}
