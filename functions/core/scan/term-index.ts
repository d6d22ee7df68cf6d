import { gluedIntoLatinWord } from './latin-words.js';

/**
 * Finds every occurrence of many tagged words in one pass (a trie walked from each position).
 *
 * Each word carries the names of the vocabularies it belongs to (`tags`). A hit strictly inside a longer
 * word of a hiding vocabulary is dropped: the longer word is what the writer wrote (`男女不限` hides `男`,
 * `有限公司` hides `限`, `回族区` hides `回族`). Other words overlap freely: `护照统一保管` (a fraud signal)
 * leaves `护照` to the labour-rights construction.
 *
 * An index built with `wholeLatinWords` does not find Latin words inside longer Latin words (latin-words.ts).
 *
 * Words added with `addStart` (regex triggers, see regex-trigger.ts) are found in the same pass, but only where
 * they start is recorded, by the number of their set, inside longer words and Latin words too: the digits `17` of
 * `1[4-9]\d` stand inside longer figures. One walk of the text serves both, which costs less than a second scan.
 */

/**
 * One word found in a text. A class, not an object literal: V8 kept re-resolving every `hit.tagList` read on the
 * literal's shape (tens of thousands of inline-cache misses a second), and never optimised the loops reading them.
 */
export class TermHit {
  constructor(
    readonly start: number,
    readonly end: number,
    /** The vocabularies the word belongs to. */
    readonly tags: ReadonlySet<string>,
    /** …as an array, for iterating. */
    readonly tagList: readonly string[],
  ) {}
}

/**
 * The trie while words are added: nodes are numbers, each with its first child and next sibling (no object or
 * map per node: the three indexes hold ~120,000 nodes, and allocating them was most of building an engine).
 * The root's children are found by a direct table.
 */
class GrowingTrie {
  rootChild = new Int32Array(0x10000);
  firstChild = new Int32Array(1024);
  nextSibling = new Int32Array(1024);
  code = new Uint16Array(1024);
  count = 1;

  /** The node `word` ends at, created with the nodes before it where missing. */
  nodeFor(word: string): number {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let child = node === 0 ? this.rootChild[code]! : 0;
      if (node === 0) {
        if (!child) this.rootChild[code] = child = this.newNode(code);
      } else {
        // siblings are kept sorted by code, so freezing needs no sort: find the child or where it belongs
        let before = 0;
        let c = this.firstChild[node]!;
        while (c && this.code[c]! < code) {
          before = c;
          c = this.nextSibling[c]!;
        }
        if (c && this.code[c] === code) child = c;
        else {
          child = this.newNode(code);
          this.nextSibling[child] = c;
          if (before) this.nextSibling[before] = child;
          else this.firstChild[node] = child;
        }
      }
      node = child;
    }
    return node;
  }

  private newNode(code: number): number {
    if (this.count === this.code.length) {
      const grow = <T extends Int32Array | Uint16Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.firstChild = grow(this.firstChild);
      this.nextSibling = grow(this.nextSibling);
      this.code = grow(this.code);
    }
    this.code[this.count] = code;
    return this.count++;
  }

  /** Writes a node's children into `out` sorted by code, and returns how many there are. */
  children(node: number, out: number[]): number {
    let n = 0;
    if (node === 0) {
      for (let code = 0; code < 0x10000; code++) if (this.rootChild[code]) out[n++] = this.rootChild[code]!;
      return n;
    }
    for (let c = this.firstChild[node]!; c; c = this.nextSibling[c]!) out[n++] = c;
    return n;
  }
}

/**
 * The trie frozen for scanning: node 0 is the root, whose children are found by a direct table. Nodes are numbered
 * breadth-first with children by code, so node i's edges are the run [firstEdge[i], firstEdge[i + 1]) sorted by
 * code, and edge e leads to node e + 1. A step of the scan reads one flags byte, two neighbouring bounds and the
 * codes: few cache lines, which is what the scan waits on once the rest of a check has run.
 */
interface FrozenTrie {
  /**
   * Where a word may start, one bit per hashed pair of code units (a word's first two) and one per code unit that
   * is a word or ends a start-only word on its own: 16 KB that stay in the nearest cache. Most positions of most
   * texts start no word of a small index (the misspellings), and the scan skips them without reaching the trie.
   */
  pairBits: Uint8Array;
  singleBits: Uint8Array;
  rootChild: Int32Array;
  firstEdge: Int32Array;
  edgeCode: Uint16Array;
  /** Per node: WORD_ENDS, HIDES (its words hide the words inside them), HAS_STARTS (start-only words end here). */
  flags: Uint8Array;
  tags: (Set<string> | undefined)[];
  tagList: string[][];
  /** The start-only words' sets at each node (undefined where none ends). */
  startSets: (number[] | undefined)[];
}

const setBit = (bits: Uint8Array, n: number) => (bits[n >>> 3]! |= 1 << (n & 7));
const hasBit = (bits: Uint8Array, n: number) => (bits[n >>> 3]! & (1 << (n & 7))) !== 0;
/** 16 bits from two code units (Chinese text's are all in one range: the multiplication spreads them). */
const pairHash = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 16;

const WORD_ENDS = 1;
const HIDES = 2;
const HAS_STARTS = 4;

const NO_TAGS: string[] = [];

/** Scratch space for `scan` (the engine is synchronous): allocating it per call costs more than the scan. */
let scratch = { ends: new Int32Array(1024), at: new Int32Array(1024) };

export class TermIndex {
  private trie = new GrowingTrie();
  /** The tags of the words ending at each node of the growing trie. */
  private readonly wordTags: (string[] | undefined)[] = [];
  private readonly startSetsAt: (number[] | undefined)[] = [];
  private wordCount = 0;
  private readonly hiding = new Set<string>();
  private frozen: FrozenTrie | undefined;

  /** `wholeLatinWords` for vocabularies a writer uses as words (start-only words are found inside Latin words anyway). */
  constructor(private readonly options: { wholeLatinWords?: boolean } = {}) {}

  /** Words tagged `tag` hide the words inside them. */
  hideWith(tag: string): void {
    this.frozen = undefined;
    this.hiding.add(tag);
  }

  /** Adds `word` (already folded like ad text) under `tag`. */
  add(word: string, tag: string): void {
    if (!word) return;
    this.frozen = undefined;
    const node = this.trie.nodeFor(word);
    const tags = this.wordTags[node];
    if (!tags) {
      this.wordTags[node] = [tag];
      this.wordCount++;
    }
    else if (!tags.includes(tag)) tags.push(tag);
  }

  /** Adds `word` to start-only set number `set` (a small integer): `scan` records where it starts, in `starts[set]`. */
  addStart(word: string, set: number): void {
    if (!word) return;
    this.frozen = undefined;
    const node = this.trie.nodeFor(word);
    const sets = this.startSetsAt[node];
    if (!sets) this.startSetsAt[node] = [set];
    else if (!sets.includes(set)) sets.push(set);
  }

  /**
   * Numbers the nodes breadth-first, children by code: a node's children get consecutive numbers, so its edges
   * are written as its children are queued, in one pass (the index is frozen on a cold start's first check).
   */
  private freeze(): FrozenTrie {
    const g = this.trie;
    const count = g.count;
    const t: FrozenTrie = {
      pairBits: new Uint8Array(0x2000),
      singleBits: new Uint8Array(0x2000),
      rootChild: new Int32Array(0x10000),
      firstEdge: new Int32Array(count + 1),
      edgeCode: new Uint16Array(count - 1),
      flags: new Uint8Array(count),
      tags: new Array(count),
      tagList: new Array(count),
      startSets: new Array(count),
    };
    // Words with the same tags share one set and list (most indexes have a few dozen kinds among thousands of words).
    const shared = new Map<string, { set: Set<string>; list: string[]; flags: number }>();
    // queue[i]: the growing trie's node numbered i
    const queue = new Int32Array(count);
    const kids: number[] = [];
    let queued = 1;
    for (let i = 0; i < count; i++) {
      const node = queue[i]!;
      const tagList = this.wordTags[node];
      if (tagList) {
        const key = tagList.join('\n');
        let kind = shared.get(key);
        if (!kind) shared.set(key, (kind = { set: new Set(tagList), list: [...tagList], flags: WORD_ENDS | (tagList.some((tag) => this.hiding.has(tag)) ? HIDES : 0) }));
        t.flags[i] = kind.flags;
        t.tags[i] = kind.set;
        t.tagList[i] = kind.list;
      } else t.tagList[i] = NO_TAGS;
      t.startSets[i] = this.startSetsAt[node];
      if (t.startSets[i]) t.flags[i]! |= HAS_STARTS;
      t.firstEdge[i] = queued - 1;
      const n = g.children(node, kids);
      for (let k = 0; k < n; k++) {
        const child = kids[k]!;
        t.edgeCode[queued - 1] = g.code[child]!;
        queue[queued++] = child;
      }
    }
    t.firstEdge[count] = queued - 1;
    for (let e = t.firstEdge[0]!; e < t.firstEdge[1]!; e++) {
      const first = t.edgeCode[e]!;
      const node = e + 1;
      t.rootChild[first] = node;
      if (t.flags[node]! & (WORD_ENDS | HAS_STARTS)) setBit(t.singleBits, first);
      for (let k = t.firstEdge[node]!; k < t.firstEdge[node + 1]!; k++) setBit(t.pairBits, pairHash(first, t.edgeCode[k]!));
    }
    return t;
  }

  get words(): number {
    return this.wordCount;
  }

  /**
   * Every word occurrence in `text`, by start then length (longest first), minus hits inside longer ones. Given
   * `starts`, where the start-only words of each set start is added to `starts[set]`, in order and once per position.
   */
  scan(text: string, starts?: (number[] | undefined)[]): TermHit[] {
    const t = (this.frozen ??= this.freeze());
    const { pairBits, singleBits, rootChild, firstEdge, edgeCode, flags, tags, tagList, startSets } = t;
    const { wholeLatinWords } = this.options;
    const kept: TermHit[] = [];
    // Hits strictly inside a word of a hiding vocabulary are dropped. Hits come by start, longest first for
    // each start, and no two share both ends, so one ending at or before the furthest end of the hiding
    // words seen so far lies inside one of them.
    let hiddenUntil = -1;
    // The words starting at one position: their ends and nodes (a word is at most as long as the text).
    if (scratch.ends.length < text.length) scratch = { ends: new Int32Array(text.length * 2), at: new Int32Array(text.length * 2) };
    const { ends, at } = scratch;
    for (let i = 0; i < text.length; i++) {
      const first = text.charCodeAt(i);
      if (!hasBit(singleBits, first) && (i + 1 === text.length || !hasBit(pairBits, pairHash(first, text.charCodeAt(i + 1))))) continue;
      let node = rootChild[first]!;
      if (!node) continue;
      let found = 0;
      for (let j = i + 1; ; j++) {
        const f = flags[node]!;
        if (f & WORD_ENDS) {
          ends[found] = j;
          at[found++] = node;
        }
        if (f & HAS_STARTS && starts) {
          for (const set of startSets[node]!) {
            const list = starts[set];
            if (!list) starts[set] = [i];
            else if (list[list.length - 1] !== i) list.push(i);
          }
        }
        if (j >= text.length) break;
        const code = text.charCodeAt(j);
        // the node's edges are sorted by code: a binary search down to a few, then a walk (most nodes have one or two)
        let lo = firstEdge[node]!;
        const end = firstEdge[node + 1]!;
        let hi = end;
        while (hi - lo > 4) {
          const mid = (lo + hi) >>> 1;
          if (edgeCode[mid]! < code) lo = mid + 1;
          else hi = mid;
        }
        // edgeCode[hi] >= code where hi is not the end
        while (lo < hi && edgeCode[lo]! < code) lo++;
        if (lo === end || edgeCode[lo] !== code) break;
        node = lo + 1;
      }
      for (let k = found - 1; k >= 0; k--) {
        const end = ends[k]!;
        if (end <= hiddenUntil) continue;
        if (wholeLatinWords && gluedIntoLatinWord(text, i, end)) continue;
        const n = at[k]!;
        kept.push(new TermHit(i, end, tags[n]!, tagList[n]!));
        if (flags[n]! & HIDES) hiddenUntil = end;
      }
    }
    return kept;
  }
}
