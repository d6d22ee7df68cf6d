/** Law names with 书名号 around titles only, as the lexicons' three shapes of `law` need. */
import { describe, expect, it } from 'vitest';
import { loadLexiconDir } from '../../functions/adapters/lexicon-files.js';
import { defaultLexiconDir } from '../../functions/engine.js';
import { formatLaw, formatLegalBasis } from '../../functions/presentation/legal-basis.js';

describe('formatLegalBasis', () => {
  it('wraps a bare title once, leaves a titled name alone, never wraps a document number', () => {
    expect(formatLaw('人力资源市场暂行条例')).toBe('《人力资源市场暂行条例》');
    expect(formatLaw('《中华人民共和国就业促进法》')).toBe('《中华人民共和国就业促进法》');
    expect(formatLaw('教育部办公厅《关于加强高校毕业生就业信息服务工作的通知》(2013)')).toBe('教育部办公厅《关于加强高校毕业生就业信息服务工作的通知》(2013)');
    expect(formatLaw('国办发〔2013〕35号')).toBe('国办发〔2013〕35号');
  });

  it('joins an article number directly, a paraphrase after a colon, a document title in 书名号', () => {
    expect(formatLegalBasis({ law: '《中华人民共和国就业促进法》', article: '第二十七条' })).toBe('《中华人民共和国就业促进法》第二十七条');
    expect(formatLegalBasis({ law: '国办发〔2013〕35号', article: '招聘高校毕业生，不得以毕业院校、年龄、户籍等作为限制性要求' })).toBe(
      '国办发〔2013〕35号：招聘高校毕业生，不得以毕业院校、年龄、户籍等作为限制性要求',
    );
    expect(formatLegalBasis({ law: '人社部发〔2010〕12号', article: '关于维护乙肝表面抗原携带者入学和就业权利的通知' })).toBe(
      '人社部发〔2010〕12号《关于维护乙肝表面抗原携带者入学和就业权利的通知》',
    );
  });

  it('leaves no doubled or document-number 书名号 anywhere in the lexicons', () => {
    const lexicons = loadLexiconDir(defaultLexiconDir());
    const bases = lexicons.categories.flatMap((f) => f.rules.flatMap((r) => r.legal));
    expect(bases.length).toBeGreaterThan(20);
    for (const basis of bases) {
      const shown = formatLegalBasis(basis);
      expect(shown, basis.law).not.toMatch(/《[^》]*《/);
      expect(shown, basis.law).not.toMatch(/《[^》]*〔\d{4}〕/);
    }
  });
});
