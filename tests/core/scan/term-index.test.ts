import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermIndex } from '../../../functions/core/scan/term-index.js';

const words = (index: TermIndex, text: string) => index.scan(text).map((h) => [text.slice(h.start, h.end), [...h.tags].sort().join('|')]);

describe('term index', () => {
  it('finds every word in one pass, with the vocabularies it belongs to', () => {
    const index = new TermIndex();
    index.add('男性', 'male');
    index.add('押金', 'fee');
    index.add('押金', 'charge');
    expect(words(index, '限男性，押金200')).toEqual([
      ['男性', 'male'],
      ['押金', 'charge|fee'],
    ]);
  });

  it('lets a word of a hiding vocabulary hide the words inside it, and only those', () => {
    const index = new TermIndex();
    index.add('男', 'male');
    index.add('限', 'op');
    index.add('男女不限', 'neutral');
    index.add('护照', 'document');
    index.add('护照统一保管', 'fraud-signal');
    index.hideWith('neutral');
    expect(words(index, '男女不限')).toEqual([['男女不限', 'neutral']]);
    // a fraud signal does not hide: the labour-rights word inside it stays
    expect(words(index, '护照统一保管')).toEqual([
      ['护照统一保管', 'fraud-signal'],
      ['护照', 'document'],
    ]);
  });

  it('records where start-only words start, by set, inside hiding words and Latin words too, in the same scan', () => {
    const index = new TermIndex({ wholeLatinWords: true });
    index.add('男女不限', 'neutral');
    index.hideWith('neutral');
    index.add('男', 'male');
    index.addStart('男', 0);
    index.addStart('男女', 0);
    index.addStart('17', 2);
    const starts: (number[] | undefined)[] = [];
    const hits = index.scan('男女不限，身高170，男', starts);
    // the hit of 男 inside 男女不限 is hidden; its trigger start is not, and two words starting there count once
    expect(hits.map((h) => h.start)).toEqual([0, 11]);
    expect(starts[0]).toEqual([0, 11]);
    expect(starts[2]).toEqual([7]);
    expect(starts[1]).toBeUndefined();
    // start-only words are no words of the index: alone they make no hit
    expect(index.scan('17')).toEqual([]);
    expect(index.words).toBe(2);
  });

  it('counts its words', () => {
    const index = new TermIndex();
    index.add('a', 'x');
    index.add('a', 'y');
    index.add('ab', 'x');
    expect(index.words).toBe(2);
  });

  it('finds the same words as a naive search, however many words share a prefix', () => {
    // a small alphabet makes nodes with many children (searched by bisection) and words inside words
    const alphabet = fc.constantFrom(...'男女限不性工人a1');
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }), { maxLength: 60 }), fc.string({ unit: alphabet, maxLength: 40 }), (vocabulary, text) => {
        const index = new TermIndex();
        for (const w of vocabulary) index.add(w, 'w');
        const naive: [number, number][] = [];
        for (let i = 0; i < text.length; i++) {
          const ends = vocabulary.filter((w) => text.startsWith(w, i)).map((w) => i + w.length);
          for (const end of ends.sort((x, y) => y - x)) naive.push([i, end]);
        }
        expect(index.scan(text).map((h) => [h.start, h.end])).toEqual(naive);
      }),
    );
  });
});
