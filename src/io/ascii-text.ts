// Free text (provenance) inside 7-bit ASCII headers: a TIFF ImageDescription, a PNG tEXt chunk.
// The text is stored as one JSON string with every non-ASCII character escaped, so it is one line,
// plain ASCII, and reads back exactly.

/** Decodes the `\u00B5`-style escapes ImageJ writes into its (ASCII) image description. */
export function unescapeUnicode(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Non-ASCII (and control) characters as \uXXXX, as ImageJ writes them. */
export function escapeAscii(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** `text` as a one-line, ASCII-only JSON string literal. */
export function quoteText(text: string): string {
  return escapeAscii(JSON.stringify(text));
}

/** The inverse of quoteText; text that is not a JSON string is returned as it is. */
export function unquoteText(quoted: string): string {
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : quoted;
  } catch {
    return quoted;
  }
}
