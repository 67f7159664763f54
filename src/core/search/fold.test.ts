import { describe, expect, it } from 'vitest';
import { foldForSearch } from './fold.ts';

describe('folding names across scripts', () => {
  it('brings Kazakh Cyrillic, Kazakh Latin and Russian spellings together', () => {
    const aktobe = ['Ақтөбе', 'Актобе', 'Aqtöbe', 'Aqtobe', 'Aktobe', 'АҚТӨБЕ'].map(foldForSearch);
    expect(new Set(aktobe)).toEqual(new Set(['aktobe']));
    expect(foldForSearch('«Көкше жастары»')).toBe(foldForSearch('Kokshe jastary'));
    expect(foldForSearch('Kokshe zhastary')).toBe('kokshe jastary');
    expect(foldForSearch('Ұлттық еріктілер желісі')).toBe(foldForSearch('Ūlttyq eriktiler jelisi'));
    expect(foldForSearch('Шырақ')).toBe(foldForSearch('Şyraq'));
    expect(foldForSearch('Үш ұрпақ')).toBe(foldForSearch('Üş ūrpaq'));
  });

  it('drops punctuation and quotes, keeps digits', () => {
    expect(foldForSearch('ОО «Нахичивань» — 2019!')).toBe('oo nahichivan 2019');
  });
});
