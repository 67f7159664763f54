import { defineMessages } from '../../core/i18n/messages.ts';

export const expertMessages = defineMessages({
  en: {
    'competitions.nav.expert': 'Scoring',
  },
  ru: {
    'competitions.nav.expert': 'Оценка заявок',
  },
  kk: {
    'competitions.nav.expert': 'Өтінімдерді бағалау',
  },
});
