import { defineMessages } from '../../core/i18n/messages.ts';

export const publicMessages = defineMessages({
  en: {
    'competitions.nav': 'Competitions',
  },
  ru: {
    'competitions.nav': 'Конкурсы',
  },
  kk: {
    'competitions.nav': 'Конкурстар',
  },
});
