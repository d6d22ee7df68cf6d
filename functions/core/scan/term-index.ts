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

export interface TermHit {
  start: number;
  end: number;
  /** The vocabularies the word belongs to. */
  tags: ReadonlySet<string>;
  /** …as an array, for iterating. */
  tagList: readonly string[];
}

interface Node {
  /** The children by code unit; absent on leaves (half the nodes). */
  next?: Map<number, Node>;
  tags?: Set<string>;
  tagList?: string[];
  /** The sets of the start-only words ending here. */
  startSets?: number[];
}

/**
 * The trie frozen for scanning: node 0 is the root, whose children are found by a direct table; every other
 * node's children lie in one run of the edge arrays, sorted by code (most nodes have one or two).
 */
interface FrozenTrie {
  rootChild: Int32Array;
  edgeStart: Int32Array;
  edgeEnd: Int32Array;
  edgeCode: Uint16Array;
  edgeChild: Int32Array;
  /** The words ending at each node (undefined where none does), and whether they hide the words inside them. */
  hasWord: Uint8Array;
  tags: (Set<string> | undefined)[];
  tagList: string[][];
  hides: Uint8Array;
  /** The start-only words' sets at each node (undefined where none ends). */
  startSets: (number[] | undefined)[];
}

const NO_TAGS: string[] = [];

/** Scratch space for `scan` (the engine is synchronous): allocating it per call costs more than the scan. */
let scratch = { ends: new Int32Array(1024), at: new Int32Array(1024) };

export class TermIndex {
  private readonly root: Node = {};
  private readonly hiding = new Set<string>();
  private size = 0;
  /** Nodes in the trie, the root included. */
  private nodes = 1;
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
    const node = this.nodeFor(word);
    if (!node.tags) {
      node.tags = new Set();
      node.tagList = [];
      this.size++;
    }
    if (!node.tags.has(tag)) {
      node.tags.add(tag);
      node.tagList!.push(tag);
    }
  }

  /** Adds `word` to start-only set number `set` (a small integer): `scan` records where it starts, in `starts[set]`. */
  addStart(word: string, set: number): void {
    if (!word) return;
    this.frozen = undefined;
    const node = this.nodeFor(word);
    node.startSets ??= [];
    if (!node.startSets.includes(set)) node.startSets.push(set);
  }

  /** The node `word` ends at, created with the nodes before it where missing. */
  private nodeFor(word: string): Node {
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) {
        child = {};
        node.next.set(code, child);
        this.nodes++;
      }
      node = child;
    }
    return node;
  }

  /**
   * Numbers the nodes breadth-first, children by code: a node's children get consecutive numbers, so its edges
   * are written as its children are queued, in one pass (the index is frozen on a cold start's first check).
   */
  private freeze(): FrozenTrie {
    const count = this.nodes;
    const t: FrozenTrie = {
      rootChild: new Int32Array(0x10000),
      edgeStart: new Int32Array(count),
      edgeEnd: new Int32Array(count),
      edgeCode: new Uint16Array(count - 1),
      edgeChild: new Int32Array(count - 1),
      hasWord: new Uint8Array(count),
      tags: new Array(count),
      tagList: new Array(count),
      hides: new Uint8Array(count),
      startSets: new Array(count),
    };
    const queue: Node[] = [this.root];
    const enqueue = (child: Node, code: number) => {
      t.edgeCode[queue.length - 1] = code;
      t.edgeChild[queue.length - 1] = queue.length;
      queue.push(child);
    };
    for (let i = 0; i < count; i++) {
      const node = queue[i]!;
      if (node.tagList) {
        t.hasWord[i] = 1;
        t.tags[i] = node.tags;
        t.tagList[i] = node.tagList;
        t.hides[i] = Number(node.tagList.some((tag) => this.hiding.has(tag)));
      } else t.tagList[i] = NO_TAGS;
      t.startSets[i] = node.startSets;
      t.edgeStart[i] = queue.length - 1;
      const next = node.next;
      if (next && next.size > 1) {
        const codes = Int32Array.from(next.keys()).sort();
        for (const code of codes) enqueue(next.get(code)!, code);
      } else next?.forEach(enqueue);
      t.edgeEnd[i] = queue.length - 1;
    }
    for (let e = t.edgeStart[0]!; e < t.edgeEnd[0]!; e++) t.rootChild[t.edgeCode[e]!] = t.edgeChild[e]!;
    return t;
  }

  get words(): number {
    return this.size;
  }

  /**
   * Every word occurrence in `text`, by start then length (longest first), minus hits inside longer ones. Given
   * `starts`, where the start-only words of each set start is added to `starts[set]`, in order and once per position.
   */
  scan(text: string, starts?: (number[] | undefined)[]): TermHit[] {
    const t = (this.frozen ??= this.freeze());
    const { rootChild, edgeStart, edgeEnd, edgeCode, edgeChild, hasWord, tags, tagList, hides, startSets } = t;
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
      let node = rootChild[text.charCodeAt(i)]!;
      if (!node) continue;
      let found = 0;
      for (let j = i + 1; ; j++) {
        if (hasWord[node]) {
          ends[found] = j;
          at[found++] = node;
        }
        const setsHere = starts && startSets[node];
        if (setsHere) {
          for (const set of setsHere) {
            const list = starts[set];
            if (!list) starts[set] = [i];
            else if (list[list.length - 1] !== i) list.push(i);
          }
        }
        if (j >= text.length) break;
        const code = text.charCodeAt(j);
        // the node's edges are sorted by code: a binary search down to a few, then a walk (most nodes have one or two)
        let lo = edgeStart[node]!;
        let hi = edgeEnd[node]!;
        while (hi - lo > 4) {
          const mid = (lo + hi) >>> 1;
          if (edgeCode[mid]! < code) lo = mid + 1;
          else hi = mid;
        }
        // edgeCode[hi] >= code where hi is not the end
        while (lo < hi && edgeCode[lo]! < code) lo++;
        if (lo === edgeEnd[node]! || edgeCode[lo] !== code) break;
        node = edgeChild[lo]!;
      }
      for (let k = found - 1; k >= 0; k--) {
        const end = ends[k]!;
        if (end <= hiddenUntil) continue;
        if (wholeLatinWords && gluedIntoLatinWord(text, i, end)) continue;
        const n = at[k]!;
        kept.push({ start: i, end, tags: tags[n]!, tagList: tagList[n]! });
        if (hides[n]) hiddenUntil = end;
      }
    }
    return kept;
  }
}
