/** The tokenizer port. The nodejieba adapter (functions/adapters/jieba-tokenizer.ts) is the only implementation. */
export interface Tokenizer {
  /** Splits text into tokens that, concatenated, give back the text. */
  cut(text: string): string[];
}

/** Offsets where a token starts or ends, for text cut by `tokenizer`. */
export function tokenBoundaries(tokenizer: Tokenizer, text: string): Set<number> | null {
  const boundaries = new Set<number>([0]);
  let at = 0;
  for (const token of tokenizer.cut(text)) {
    if (text.startsWith(token, at)) at += token.length;
    else {
      // Some tokenizers drop whitespace; find the token a little further on.
      const found = text.indexOf(token, at);
      if (found < 0) return null;
      boundaries.add(found);
      at = found + token.length;
    }
    boundaries.add(at);
  }
  return boundaries;
}
