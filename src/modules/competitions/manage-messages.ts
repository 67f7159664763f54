import { defineMessages } from '../../core/i18n/messages.ts';

export const manageMessages = defineMessages({
  en: {
    'competitions.nav.manage': 'My competitions',
  },
  ru: {
    'competitions.nav.manage': 'Мои конкурсы',
  },
  kk: {
    'competitions.nav.manage': 'Менің конкурстарым',
  },
});
