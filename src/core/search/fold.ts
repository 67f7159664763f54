/**
 * Folds a name in any of Kazakhstan's scripts — Kazakh Cyrillic, Kazakh Latin (2021), Russian,
 * and the usual English transliterations — to one plain Latin key, so that «Ақтөбе», «Актобе»,
 * "Aqtöbe" and "Aktobe" all become "aktobe", and «Көкше жастары» and "Kokshe jastary" meet.
 * Trigram similarity on these keys then forgives typos.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'j', з: 'z', и: 'i', й: 'i',
  к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'y', і: 'i', ь: '',
  э: 'e', ю: 'iu', я: 'ia',
};

/** Latin letters of the 2021 Kazakh alphabet and common transliteration habits, folded to the same key. */
const LATIN_BEFORE_STRIP: [RegExp, string][] = [
  [/ş/g, 'sh'],
  [/ç/g, 'ch'],
  [/ı/g, 'i'],
];
const LATIN_DIGRAPHS: [RegExp, string][] = [
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/q/g, 'k'],
  [/yu/g, 'iu'],
  [/ya/g, 'ia'],
  [/x/g, 'h'],
  [/w/g, 'u'],
];

export function foldForSearch(text: string): string {
  let s = text.toLowerCase();
  s = s.replace(/[\u0400-\u04ff]/g, (ch) => CYRILLIC[ch] ?? ch);
  for (const [pattern, to] of LATIN_BEFORE_STRIP) s = s.replace(pattern, to);
  s = s.normalize('NFKD').replace(/\p{M}/gu, '');
  for (const [pattern, to] of LATIN_DIGRAPHS) s = s.replace(pattern, to);
  return s
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
