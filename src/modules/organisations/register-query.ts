import { foldForSearch } from '../../core/search/fold.ts';

/**
 * The words of the legal forms' names, in Kazakh, Russian and English, with the inflections and
 * abbreviations names use («қоғамдық бірлестігі», «Общественный фонд», ОЮЛ, НАО). Most names in
 * the register hold some of them — «қоғамдық» four in five — so matching them by similarity
 * reads most of the register; they are matched as whole words (or, when typed in part, as the
 * beginning of one) instead.
 */
const LEGAL_FORM_PHRASES = [
  'қоғамдық қоғам қоғамы бірлестік бірлестігі бірлестіктер қор қоры жеке мекеме мекемесі заңды тұлғалар тұлғалардың',
  'қауымдастық қауымдастығы одақ одағы тұтыну кооператив кооперативі діни коммерциялық емес акционерлік',
  'общественное общественный общественного общественной объединение объединения фонд фонда частное частный частного',
  'учреждение учреждения юридических лиц ассоциация ассоциации союз потребительский кооператив религиозное',
  'некоммерческое акционерное общество оо оф чу чф оюл нао қб ққ',
  'public association foundation fund private institution legal entities union consumer cooperative religious',
  'non commercial joint stock company',
];

export const LEGAL_FORM_WORDS: ReadonlySet<string> = new Set(LEGAL_FORM_PHRASES.flatMap((phrase) => foldForSearch(phrase).split(' ')));

/** A word typed in part is taken for the beginning of a legal-form word from this many letters. */
const PREFIX_FROM = 3;
const beginsLegalFormWord = (part: string) => part.length >= PREFIX_FROM && [...LEGAL_FORM_WORDS].some((w) => w.startsWith(part));

export type RegisterQuery = {
  /** The words to match by similarity (typos forgiven), folded; empty when there are none. */
  fuzzy: string;
  /** The legal-form words, as a `to_tsquery('simple', …)` text: each must be a word of the name. */
  words: string;
  /** The whole query folded, to rank matches by. */
  folded: string;
};

/**
 * Reads a register search: legal-form words are set apart from the rest, which is matched by
 * similarity. The last word may be still being typed: it is matched as the beginning of a word.
 */
export function readRegisterQuery(q: string): RegisterQuery {
  const folded = foldForSearch(q);
  const typed = folded ? folded.split(' ') : [];
  const fuzzy: string[] = [];
  const words: string[] = [];
  typed.forEach((word, i) => {
    const typing = i === typed.length - 1;
    if (LEGAL_FORM_WORDS.has(word) && !typing) words.push(word);
    else if (beginsLegalFormWord(word)) words.push(`${word}:*`);
    else fuzzy.push(word);
  });
  return { fuzzy: fuzzy.join(' '), words: words.join(' & '), folded };
}
