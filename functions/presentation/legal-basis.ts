/**
 * A legal basis as a reader expects it. Lexicons give `law` in three shapes: a title with its 书名号
 * (《中华人民共和国就业促进法》), an issuer before a titled document (教育部办公厅《关于…的通知》(2013)), or a
 * document number (国办发〔2013〕35号). 书名号 belong around titles only: a bare title gets one pair, a name
 * that already has them is left alone, and a document number never gets them.
 */
import type { LegalBasis } from '../core/verdict.js';

/** 国办发〔2013〕35号, 人社部发〔2010〕12号, 法释〔2025〕12号 */
const DOCUMENT_NUMBER = /^\S+?[〔[]\d{4}[〕\]]\d+号$/;
/** A document's title given where an article would be (关于…的通知). */
const DOCUMENT_TITLE = /^关于.+(?:通知|意见|规定|办法|决定|解释)$/;

export function formatLaw(law: string): string {
  const name = law.trim();
  if (name.includes('《') || DOCUMENT_NUMBER.test(name)) return name;
  return `《${name}》`;
}

/** 《就业促进法》第二十七条 · 人社部发〔2010〕12号《关于…的通知》 · 国办发〔2013〕35号：不得以毕业院校… */
export function formatLegalBasis({ law, article }: LegalBasis): string {
  const name = formatLaw(law);
  const part = article.trim();
  if (!part) return name;
  if (DOCUMENT_TITLE.test(part)) return `${name}《${part}》`;
  if (part.startsWith('第')) return `${name}${part}`;
  return `${name}：${part}`;
}
