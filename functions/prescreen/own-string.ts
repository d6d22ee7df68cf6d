/**
 * A copy of a string that does not keep a larger one alive. V8 represents a substring of 13 or more
 * characters as a slice of its parent: a company name read from a 64 KiB XML chunk, or an excerpt of a
 * 20,000-character description, would otherwise keep the whole chunk or description in memory for the
 * rest of the run, and the batch's memory would follow the file instead of the results.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}
