import { describe, expect, it } from 'vitest';
import { LEGAL_FORM_WORDS, readRegisterQuery } from './register-query.ts';

describe('a register search’s words', () => {
  it('sets the legal-form words apart from those matched by similarity, in any script', () => {
    expect(readRegisterQuery('«Мейірім» қоғамдық қоры')).toEqual({ fuzzy: 'meiirim', words: 'kogamdyk & kory:*', folded: 'meiirim kogamdyk kory' });
    expect(readRegisterQuery('Общественный фонд Надежда')).toEqual({ fuzzy: 'nadejda', words: 'obshestvennyi & fond', folded: 'obshestvennyi fond nadejda' });
    expect(readRegisterQuery('Qogamdyq birlestik').words).toBe('kogamdyk & birlestik:*');
  });

  it('takes a last word being typed for the beginning of a legal-form word, from three letters', () => {
    expect(readRegisterQuery('қоғамд')).toEqual({ fuzzy: '', words: 'kogamd:*', folded: 'kogamd' });
    expect(readRegisterQuery('қо')).toEqual({ fuzzy: 'ko', words: '', folded: 'ko' });
    expect(readRegisterQuery('Көкше жастары')).toEqual({ fuzzy: 'kokshe jastary', words: '', folded: 'kokshe jastary' });
  });

  it('keeps the words folded to plain Latin letters, safe inside a text search query', () => {
    for (const word of LEGAL_FORM_WORDS) expect(word).toMatch(/^[a-z]+$/);
    expect(readRegisterQuery('фонд & | ! :*')).toEqual({ fuzzy: '', words: 'fond:*', folded: 'fond' });
  });
});
