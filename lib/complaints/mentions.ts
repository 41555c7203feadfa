/** Someone who can be mentioned in a comment. */
export type Mentionable = { id: string; name: string; email: string };

function handleOf(email: string): string {
  const at = email.indexOf("@");
  return (at < 0 ? email : email.slice(0, at)).toLowerCase();
}

/**
 * Users mentioned in a comment, as `@Full Name` or `@handle` (the e-mail's local part).
 * Longer names win, so "@Anna Lindqvist" does not also mention "Anna Lind".
 */
export function findMentions(body: string, people: Mentionable[]): Mentionable[] {
  const text = body.toLowerCase();
  const found = new Map<string, Mentionable>();
  const candidates = people
    .flatMap((p) => [
      { person: p, token: `@${p.name.toLowerCase()}` },
      { person: p, token: `@${handleOf(p.email)}` },
    ])
    .sort((a, b) => b.token.length - a.token.length);
  const taken: [number, number][] = [];
  for (const { person, token } of candidates) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(token, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + token.length;
      const next = text[end];
      const before = at > 0 ? text.charAt(at - 1) : " ";
      if (next && /[\p{L}\p{N}_]/u.test(next)) continue;
      if (/[\p{L}\p{N}]/u.test(before)) continue; // an e-mail address, not a mention
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      found.set(person.id, person);
    }
  }
  return [...found.values()];
}

/** The text after the last "@" being typed, for the autocomplete, or null when not in a mention. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const upto = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}._-]*(?: [\p{L}\p{N}._-]*)?)$/u.exec(upto);
  if (!match) return null;
  const query = match[2]!;
  return { start: caret - query.length - 1, query };
}
