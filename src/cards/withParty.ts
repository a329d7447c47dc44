/**
 * A name with the party it stands for: "Ledamot kommun (Kommunen)", or, where the party's name
 * has parentheses of its own, "Ordförande LGS (demo), Närhälsan (VGPV)", never nested parentheses.
 * Both parts are shown as given (escape them first).
 */
export function withParty(name: string, party: string | null | undefined): string {
  if (!party) return name;
  return party.includes('(') ? `${name}, ${party}` : `${name} (${party})`;
}
