import { foldForSearch } from '../../core/search/fold.ts';

type Named = {
  bin: string;
  nameKk: string;
  nameRu: string;
  nameEn?: string | null;
  shortNameKk?: string | null;
  shortNameRu?: string | null;
  shortNameEn?: string | null;
};

/** The one Latin key an organisation is found by, from all its names in every script and its BIN. */
export function organisationSearchKey(org: Named): string {
  const names = [org.nameKk, org.nameRu, org.nameEn, org.shortNameKk, org.shortNameRu, org.shortNameEn].filter(Boolean).join(' ');
  return `${foldForSearch(names)} ${org.bin}`;
}
