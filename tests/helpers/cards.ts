/** Reads what a user sees on an Adaptive Card: text blocks and facts, in order. */
export function cardTexts(card: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'TextBlock') out.push(String(o.text));
      if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out.push(`${f.title}: ${f.value}`);
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return out;
}

/** The card's buttons as [title, data]. */
export function cardActions(card: Record<string, unknown>): [string, unknown][] {
  return ((card.actions ?? []) as { title: string; data?: unknown }[]).map((a) => [a.title, a.data]);
}

/** Every input of a form card by id. */
export function cardInputs(card: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out[o.id] = o;
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return out;
}
