/**
 * Escaping for user-controlled text shown in Teams: a title, a comment or a name must show as
 * typed, never as markdown, a link or a mention. Card builders run every such string through
 * `plain` before it goes into a TextBlock or a message; mention names go through `mentionName`.
 */

/**
 * Markdown that Teams and Adaptive Card TextBlocks interpret anywhere in a line. Parentheses are
 * left alone: without brackets there is no link, and "Närhälsan (VGPV)" must read as written.
 */
const MARKDOWN = /[\\`*_[\]~<>]/g;

/** Text shown literally in a TextBlock or a Teams message (markdown neutralised; cards render no HTML). */
export function plain(text: string): string {
  return (
    text
      .replace(MARKDOWN, (c) => `\\${c}`)
      // A line that starts with "1.", "-", "+" or "#" would become a list or a heading.
      .replace(/^(\s*)(\d+)\./gm, '$1$2\\.')
      .replace(/^(\s*)([-+#])/gm, '$1\\$2')
  );
}

/** A display name inside `<at>…</at>`: no markup can end the mention early or add another. */
export function mentionName(name: string): string {
  return name.replace(/[<>&]/g, '').replace(/\s+/g, ' ').trim().slice(0, 100) || '?';
}
