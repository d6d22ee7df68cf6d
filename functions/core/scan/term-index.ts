/**
 * Finds every occurrence of many tagged words in one pass (a trie walked from each position).
 *
 * Each word carries the names of the vocabularies it belongs to (`tags`). A hit strictly inside a longer
 * word of a hiding vocabulary is dropped: the longer word is what the writer wrote (`男女不限` hides `男`,
 * `有限公司` hides `限`, `回族区` hides `回族`). Other words overlap freely: `护照统一保管` (a fraud signal)
 * leaves `护照` to the labour-rights construction.
 */

export interface TermHit {
  start: number;
  end: number;
  /** The vocabularies the word belongs to. */
  tags: ReadonlySet<string>;
  /** …as an array, for iterating. */
  tagList: readonly string[];
}

interface Node {
  next: Map<number, Node>;
  tags?: Set<string>;
  tagList?: string[];
}

export class TermIndex {
  private readonly root: Node = { next: new Map() };
  /** 1 for code units that start some word: most positions of a text are skipped at once. */
  private readonly starts = new Uint8Array(0x10000);
  private readonly hiding = new Set<string>();
  private size = 0;

  /** Words tagged `tag` hide the words inside them. */
  hideWith(tag: string): void {
    this.hiding.add(tag);
  }

  /** Adds `word` (already folded like ad text) under `tag`. */
  add(word: string, tag: string): void {
    if (!word) return;
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    if (!node.tags) {
      node.tags = new Set();
      node.tagList = [];
      this.size++;
    }
    if (!node.tags.has(tag)) {
      node.tags.add(tag);
      node.tagList!.push(tag);
    }
    this.starts[word.charCodeAt(0)] = 1;
  }

  get words(): number {
    return this.size;
  }

  /** Every word occurrence in `text`, by start then length (longest first), minus hits inside longer ones. */
  scan(text: string): TermHit[] {
    const all: TermHit[] = [];
    for (let i = 0; i < text.length; i++) {
      if (!this.starts[text.charCodeAt(i)]) continue;
      let node: Node | undefined = this.root;
      let longest: TermHit[] = [];
      for (let j = i; j < text.length; j++) {
        node = node.next.get(text.charCodeAt(j));
        if (!node) break;
        if (node.tags) longest.unshift({ start: i, end: j + 1, tags: node.tags, tagList: node.tagList! });
      }
      if (longest.length) all.push(...longest);
    }
    return this.dropHidden(all);
  }

  /**
   * Removes hits strictly inside a word of a hiding vocabulary. `hits` are sorted by start, longest first for
   * each start, and no two share both ends, so a hit ending at or before the furthest end of the hiding words
   * seen so far lies inside one of them.
   */
  private dropHidden(hits: TermHit[]): TermHit[] {
    const kept: TermHit[] = [];
    let hiddenUntil = -1;
    for (const h of hits) {
      if (h.end <= hiddenUntil) continue;
      kept.push(h);
      if (h.end > hiddenUntil && h.tagList.some((t) => this.hiding.has(t))) hiddenUntil = h.end;
    }
    return kept;
  }
}
