/**
 * Clause roles: whether a match is a condition imposed on applicants, or the same words in a disclaimer,
 * a perk, a duty towards third parties, the company's self-description or a description of violations
 * (lexicons/roles.yaml). `clearingRole` names the role that clears a finding, or undefined.
 */
import type { Category } from '../categories.js';
import { expandProducts, type RolesFile } from '../lexicon/schema.js';
import type { TermHit, TermIndex } from '../scan/term-index.js';
import type { Clause, Section } from './clauses.js';
import { insideQuotes, overlapsQuotes } from './quotations.js';
import { bracketAround, OPENING_BRACKETS } from '../segments.js';
import type { FieldAnalysis } from './field-analysis.js';

export interface CompiledRole {
  name: string;
  tag: string;
  scope: 'clause' | 'sentence' | 'ad' | 'following' | 'preceding' | 'paragraph';
  sections: ReadonlySet<Section>;
  strongSections: ReadonlySet<Section>;
  strong: boolean;
  /** The tag of the words that make a sentence ending with a question mark a question, when the role holds on questions. */
  askTag: string | undefined;
  /** The role holds only on a whole condition in quotation marks (quotations.ts). */
  quoted: boolean;
  /** The role holds only inside the bracket around its cue. */
  bracketed: boolean;
  /** The tag of the words that keep the role off their sentence, when it has such words. */
  unlessTag: string | undefined;
  clears(category: Category): boolean;
  examples: { clears: string[]; keeps: string[] };
}

export const APPLICANT_TAG = 'applicant';
/** Words that exclude or prefer (勿扰, 优先): they make a clause a condition on someone. */
export const OPERATOR_TAG = 'op';
/** Words that restrict (限, 须, 要求): they make a clause a condition, though 须 often governs other words. */
export const RESTRICT_TAG = 'op:restrict';
const BLOCKER_TAG = 'block';

/** Adds the roles' words to the index and returns the roles in priority order. */
export function compileRoles(file: RolesFile, index: TermIndex, fold: (s: string) => string): CompiledRole[] {
  for (const [section, words] of Object.entries(file.sections)) for (const w of words) index.add(fold(w), `section:${section}`);
  for (const w of file.applicant) index.add(fold(w), APPLICANT_TAG);
  for (const w of [...file.blockers, ...expandProducts(file.blockerProducts)]) index.add(fold(w), BLOCKER_TAG);
  index.hideWith(BLOCKER_TAG);
  return file.roles.map((r) => {
    const tag = `role:${r.name}`;
    for (const w of [...r.cues, ...expandProducts(r.cueProducts)]) index.add(fold(w), tag);
    const unlessTag = r.unless.length ? `${tag}:unless` : undefined;
    for (const w of r.unless) index.add(fold(w), unlessTag!);
    const askTag = r.questionWords.length ? `${tag}:asks` : undefined;
    for (const w of r.questionWords) index.add(fold(w), askTag!);
    const all = r.clears.includes('all');
    const clears = new Set(r.clears);
    return {
      name: r.name,
      tag,
      scope: r.scope,
      sections: new Set([...r.sections, ...r.strongSections]),
      strongSections: new Set(r.strongSections),
      strong: r.strong,
      askTag,
      quoted: r.quoted,
      bracketed: r.bracketed,
      unlessTag,
      clears: (c: Category) => all || clears.has(c),
      examples: r.examples,
    };
  });
}

/**
 * 但(是), 不过, 可是, 然而, 只是: what follows takes back what came before in the sentence; so does a correction's new
 * wording (原“男女不限”改为“限女”).
 */
const CONTRAST = /但|不过|可是|然而|只是|改为|改成|换成|应为|应是|实为|现为/;

/**
 * Whether a contrast stands between a sentence-wide cue and the words it would clear: 不收押金，但需购买公司装备…共380元
 * keeps the purchase (a disclaimer covers what comes before the 但, not what it takes back).
 */
const contrastBetween = (text: string, cueEnd: number, start: number) => cueEnd < start && CONTRAST.test(text.slice(cueEnd, start));

/**
 * Whether the clause's sentence ends with a question mark (normalisation folds ？ to ?) and holds a word that asks,
 * or the clause itself ends with 吗 or an A-not-A 不 (chat messages drop the mark: 男生要吗，我做过… / 要交钱不⏎).
 */
const CHAT_QUESTION_END = /[\u3400-\u9fff](?:吗|不)\s*$/;
/**
 * The clause asks: its sentence ends with a question mark and holds a question word, and the clause is the one asking
 * (it holds the word, or it ends the sentence). A statement before the question keeps its condition (这个岗位要求本市户口，
 * 你户口在本市吗？).
 */
const isQuestion = (a: FieldAnalysis, clause: Clause, askTag: string) =>
  (a.n.text.charCodeAt(clause.sentenceEnd) === 0x3f &&
    a.hitsIn(clause.sentenceStart, clause.sentenceEnd).some((h) => h.tags.has(askTag)) &&
    (clause.end >= clause.sentenceEnd || a.hitsIn(clause.start, clause.end).some((h) => h.tags.has(askTag)))) ||
  CHAT_QUESTION_END.test(a.n.text.slice(clause.start, clause.end));

/**
 * Whether a clause role's cue reaches [start, end): a cue inside a bracket speaks only of what the bracket holds
 * (四川、重庆籍不要（公司客户主要是外地商会）: the aside gives a reason, it does not make the exclusion a description of
 * the clientele); a `bracketed` role's cue must stand in one. A sentence role's cue speaks of its whole sentence
 * (招男司机（标题改不了，请以正文为准）).
 */
function cueReaches(text: string, cue: TermHit, start: number, end: number, role: CompiledRole): boolean {
  if (role.scope === 'sentence' && !role.bracketed) return true;
  const bracket = bracketAround(text, cue.start, cue.end);
  if (bracket === undefined) return !role.bracketed;
  return start > bracket[0] && end <= bracket[1];
}

const imposes = (h: TermHit) => h.tags.has(APPLICANT_TAG) || h.tags.has(OPERATOR_TAG) || h.tags.has(RESTRICT_TAG);

/**
 * Whether [start, end) quotes a whole condition: it lies inside quotation marks (删除“三十五周岁以下”等表述), or it
 * overlaps them and its clause has an operator inside them (要求“汉族优先”). A fee's name in quotes is still
 * charged (入职需缴纳“保证金”500元: the demand stands outside the quotes).
 */
function quotesACondition(a: FieldAnalysis, start: number, end: number, clauseHits: readonly TermHit[]): boolean {
  const { original, starts, ends } = a.n;
  if (original === undefined || !overlapsQuotes(a.n, start, end)) return false;
  if (insideQuotes(original, starts[start]!) && insideQuotes(original, ends[end - 1]! - 1)) return true;
  return clauseHits.some((h) => imposes(h) && insideQuotes(original, starts[h.start]!));
}

/**
 * The role the whole ad takes, if any: a cue of an ad-wide role in some field (the title 求职 …), and none of its
 * `unless` words in any (招聘, 诚聘: a post that also recruits keeps its conditions).
 */
export function adRole(fields: readonly FieldAnalysis[], roles: readonly CompiledRole[]): CompiledRole | undefined {
  return roles.find(
    (r) => r.scope === 'ad' && fields.some((a) => a.byTag.has(r.tag)) && !fields.some((a) => r.unlessTag !== undefined && a.byTag.has(r.unlessTag)),
  );
}

/** A line that opens with a speaker's or a field's label (站长：…, 评价：…): another voice from here on. */
const LABELLED_LINE = /\n[ \t]*[\u4e00-\u9fffa-z0-9]{1,6}:/;

/**
 * The cue starts its line (after spaces), and its paragraph reaches `start`: no blank line, no labelled line and no
 * line headed by another cue or an `unless` word (楼主回复 小豫：…) comes between; nor does the cue's own line hold an
 * `unless` word (3楼 楼主: the poster's own reply).
 */
function headsParagraphOf(a: FieldAnalysis, cue: TermHit, start: number, role: CompiledRole): boolean {
  const text = a.n.text;
  const startsLine = (h: TermHit) => /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', h.start - 1) + 1, h.start));
  if (cue.start > start || !startsLine(cue)) return false;
  const found = text.indexOf('\n', cue.end);
  const cueLineEnd = found < 0 ? text.length : found;
  const unless = role.unlessTag === undefined ? [] : a.byTag.get(role.unlessTag) ?? [];
  if (unless.some((h) => h.start >= cue.end && h.start < cueLineEnd)) return false;
  if (start < cueLineEnd) return true;
  const between = text.slice(cueLineEnd, start);
  if (between.includes('\n\n') || LABELLED_LINE.test(between)) return false;
  return ![...unless, ...(a.byTag.get(role.tag) ?? [])].some((h) => h.start > cueLineEnd && h.start <= start && startsLine(h));
}

/** The role that clears a finding of `category` at [start, end) of the field, if any (ad-wide roles: `adRole`). */
export function clearingRole(a: FieldAnalysis, start: number, end: number, category: Category, roles: readonly CompiledRole[]): string | undefined {
  const clause = a.clauseAt(start);
  if (!clause) return undefined;
  const clauseHits = a.hitsIn(clause.start, Math.max(clause.end, end));
  const applicant = clauseHits.some((h) => h.tags.has(APPLICANT_TAG));
  const excludes = clauseHits.some((h) => h.tags.has(OPERATOR_TAG));
  const operator = excludes || clauseHits.some((h) => h.tags.has(RESTRICT_TAG));
  // 要求已婚已育（母婴产品更懂顾客）: a restriction written right before the words binds them, whatever the clause adds.
  const restriction = clauseHits.find((h) => h.tags.has(RESTRICT_TAG) && h.start <= start && h.end >= start - 1);
  // a role's cues in a range, from the field's hits of its tag (most fields hold few): a long sentence's every hit is never walked per role
  const cuesIn = (tag: string, from: number, to: number) => (a.byTag.get(tag) ?? []).filter((h) => h.start >= from && h.start < to);
  // A bracket opened inside a hit annotates it (办理健康证（约60元，公司报销）): a cue later in the bracket speaks of the
  // hit, though the bracket's comma ends the clause. A hit wholly inside a bracket is one of its items, not its subject.
  let asideCues: readonly TermHit[] | undefined;
  const laterInAside = () => {
    if (asideCues === undefined) {
      // only a bracket opened inside the hit is looked for (most hits hold none)
      const opens = [...a.n.text.slice(start + 1, end)].some((ch) => OPENING_BRACKETS.includes(ch));
      const bracket = opens ? bracketAround(a.n.text, end - 1, end) : undefined;
      asideCues = bracket && bracket[0] > start && bracket[1] > clause.end ? a.hitsIn(Math.max(end, clause.end), bracket[1]) : [];
    }
    return asideCues;
  };
  for (const role of roles) {
    if (role.scope === 'ad' || !role.clears(category)) continue;
    if (role.scope === 'following' || role.scope === 'preceding') {
      // 以下作废 / 上面原帖作废: a cue anywhere before (or after) the words in the field voids them
      if (a.byTag.get(role.tag)?.some((h) => (role.scope === 'following' ? h.end <= start : h.start >= end))) return role.name;
      continue;
    }
    if (role.scope === 'paragraph') {
      if (a.byTag.get(role.tag)?.some((h) => headsParagraphOf(a, h, start, role))) return role.name;
      continue;
    }
    const cues = role.scope === 'sentence' ? cuesIn(role.tag, clause.sentenceStart, clause.sentenceEnd) : cuesIn(role.tag, clause.start, Math.max(clause.end, end));
    const cued =
      cues.some((h) => !(role.scope === 'sentence' && contrastBetween(a.n.text, h.end, start)) && cueReaches(a.n.text, h, start, end, role)) ||
      (role.askTag !== undefined && isQuestion(a, clause, role.askTag));
    // …and speaks of that hit alone, whoever the clause names
    const asideCued = role.scope === 'clause' && laterInAside().some((h) => h.tags.has(role.tag));
    const sectioned = clause.section !== undefined && role.sections.has(clause.section);
    if (!cued && !sectioned && !asideCued) continue;
    if (role.quoted && !quotesACondition(a, start, end, clauseHits)) continue;
    if (role.unlessTag && cuesIn(role.unlessTag, clause.sentenceStart, clause.sentenceEnd).length) continue;
    // A cue holds unless the clause names the applicant, excludes someone (高血压患者勿扰) or restricts the words
    // themselves: a strong cue holds even then. A section is weaker and yields to any operator (岗位职责 listing 限男性).
    if (asideCued) return role.name;
    // …though a restriction whose subject is the cue (访客需押身份证换取门禁卡) binds the cue's people, not the applicant.
    const restricted = restriction !== undefined && !cues.some((h) => h.end === restriction.start);
    if (cued ? role.strong || (!applicant && !excludes && !restricted) : role.strongSections.has(clause.section!) || (!applicant && !operator)) return role.name;
  }
  return undefined;
}
