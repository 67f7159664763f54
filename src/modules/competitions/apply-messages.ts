import { defineMessages } from '../../core/i18n/messages.ts';

export const applyMessages = defineMessages({
  en: {
    'competitions.nav.applications': 'Applications',
  },
  ru: {
    'competitions.nav.applications': 'Заявки',
  },
  kk: {
    'competitions.nav.applications': 'Өтінімдер',
  },
});
