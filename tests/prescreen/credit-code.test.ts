import { describe, expect, it } from 'vitest';
import { checkCreditCode, looksExcelDamaged, creditCodeCheckChar } from '../../functions/prescreen/credit-code.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A structurally valid 17-character prefix (authority 9 = market regulation, type 1 = enterprise), made from a seed. */
function prefix(seed: number): string {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31);
  const region = String(110000 + (next() % 540000)).padStart(6, '0');
  let body = '';
  for (let i = 0; i < 9; i++) body += ALPHABET[next() % 31];
  return `91${region}${body}`;
}

describe('credit code (GB 32100-2015)', () => {
  it('accepts the standard\'s example and codes published by well-known companies', () => {
    for (const code of ['91350100M000100Y43', '9144030071526726XG', '91330100716105852F', '91110108551385082Q']) {
      expect(checkCreditCode(code)).toEqual({ code, valid: true });
    }
  });

  it('accepts codes whose check character is computed here, and folds case, width and spaces', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const first = prefix(seed);
      const code = first + creditCodeCheckChar(first)!;
      expect(checkCreditCode(code).valid, code).toBe(true);
    }
    expect(checkCreditCode(' ９１３５０１００m０００１００y４３ ')).toEqual({ code: '91350100M000100Y43', valid: true });
    expect(checkCreditCode('913501-00M000-100Y43').valid).toBe(true);
  });

  it('rejects every single-character substitution and every adjacent transposition', () => {
    const code = '91350100M000100Y43';
    for (let i = 0; i < 18; i++) {
      for (const c of ALPHABET) {
        if (c === code[i]) continue;
        const corrupted = code.slice(0, i) + c + code.slice(i + 1);
        expect(checkCreditCode(corrupted).valid, corrupted).toBe(false);
      }
      if (i < 17 && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(checkCreditCode(swapped).valid, swapped).toBe(false);
      }
    }
  });

  it('says why a code is invalid', () => {
    expect(checkCreditCode('91350100M000100Y44').problem).toMatch(/校验码/);
    expect(checkCreditCode('91350100M000100Y4').problem).toMatch(/18 位，实为 17 位/);
    expect(checkCreditCode('110108000000016').problem).toMatch(/旧的工商注册号/);
    expect(checkCreditCode('91350100M0001O0Y43').problem).toMatch(/“O”/);
    expect(checkCreditCode('B1350100M000100Y43').problem).toMatch(/第 1 位/);
    expect(checkCreditCode('90350100M000100Y43').problem).toMatch(/第 2 位/);
    expect(checkCreditCode('9135A100M000100Y43').problem).toMatch(/第 3–8 位/);
    // Neutral: what is wrong, never a guess at why (no 篡改).
    for (const code of ['91350100M000100Y44', '911101087226199800', '9.13301E+17']) expect(checkCreditCode(code).problem).not.toMatch(/篡改|有误/);
    expect(checkCreditCode('9.13301E+17').problem).toMatch(/科学计数法/);
  });

  it('tells Excel damage from a typo: scientific notation, 15 significant digits, a trailing .0', () => {
    // What Excel leaves of an all-digit code stored as a number: 9.13301E+17, or 15 significant digits then zeros.
    for (const raw of ['9.13301E+17', '9.11101087226199E+17', '911101087226199800', '911101087226199000.0']) {
      const { code, valid } = checkCreditCode(raw);
      expect(valid, raw).toBe(false);
      expect(looksExcelDamaged(code), raw).toBe(true);
    }
    for (const raw of ['91350100M000100Y44', '91350100M000100Y4', '110108000000016']) expect(looksExcelDamaged(checkCreditCode(raw).code), raw).toBe(false);
  });
});
