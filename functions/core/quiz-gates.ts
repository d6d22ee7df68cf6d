/**
 * A self-test that turns applicants away by their answers (你是男生吗？ 是→下一题 否→不用投了, 三题全选'是'直接来面试)
 * asks for what its questions name: normalisation writes each gated question as the requirement it is (要求你是男生),
 * so every rule reads it. The words are data (common.yaml `variants.quizGates`).
 */
import { replaceRanges, type Normalized, type Replacement } from './mapped-text.js';

export interface QuizGates {
  /** What a 'no' answer leads to when it turns the applicant away (不用投了, 不合适, 抱歉). */
  turnedAway: readonly string[];
  /** Words saying every question must be answered yes (全选是, 都选是). */
  allYes: readonly string[];
  /** What is written before a gated question. */
  operator: string;
}

/** Where a question starts: after a break, a colon or a list label (Q1, 第2题, 1.). */
const QUESTION_START = /(?:^|[\n;。!:,])[ \t]*(?:(?:q\d{1,2}|第\d{1,2}题)[ \t:.、]*|\d{1,2}[.、)][ \t]*)?(?=[^\n;。!:,?]*\?)/g;
/** The end of a yes/no question: a particle (吗, 吧, 么) or a 是否 inside it, then the mark. */
const YES_NO_END = /(?:吗|吧|么|嘛)?\?/y;
/** A 'no' answer, then what it leads to. */
const NO_ANSWER = /否[ \t]*(?:->|→|:|,)?[ \t]*/g;

/** The text after a question that holds its answers: the rest of its line, and the next line when its own has none. */
function answersAfter(text: string, from: number): string {
  const lineEnd = text.indexOf('\n', from);
  const rest = text.slice(from, lineEnd < 0 ? text.length : lineEnd);
  if (rest.includes('否') || lineEnd < 0) return rest;
  const nextEnd = text.indexOf('\n', lineEnd + 1);
  return text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd);
}

const turnsAway = (answers: string, gates: QuizGates) => {
  for (const m of answers.matchAll(NO_ANSWER)) {
    const after = answers.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (gates.turnedAway.some((w) => after.startsWith(w) || after.includes(w))) return true;
  }
  return false;
};

export function markQuizGates(n: Normalized, gates: QuizGates | undefined): Normalized {
  const { text } = n;
  if (!gates || !text.includes('?')) return n;
  const allYes = gates.allYes.some((w) => text.includes(w));
  const replacements: Replacement[] = [];
  for (const m of text.matchAll(QUESTION_START)) {
    const start = m.index + m[0].length;
    const mark = text.indexOf('?', start);
    const question = text.slice(start, mark);
    const asks = /[吗吧么嘛]$/.test(question) || question.includes('是否');
    if (!asks || question.length < 2 || !(allYes || turnsAway(answersAfter(text, mark + 1), gates))) continue;
    YES_NO_END.lastIndex = /[吗吧么嘛]$/.test(question) ? mark - 1 : mark;
    const end = YES_NO_END.exec(text);
    if (!end) continue;
    // 要求 joins the question's first character; 是否 goes (年龄是否≤35 → 要求年龄≤35); the particle and mark become a break
    const whether = question.indexOf('是否');
    if (whether === 0) replacements.push({ start, end: start + 2, text: gates.operator });
    else {
      replacements.push({ start, end: start + 1, text: gates.operator + text[start] });
      if (whether > 0) replacements.push({ start: start + whether, end: start + whether + 2, text: '' });
    }
    replacements.push({ start: end.index, end: end.index + end[0].length, text: ',' });
  }
  return replacements.length ? replaceRanges(n, replacements.sort((a, b) => a.start - b.start)) : n;
}
