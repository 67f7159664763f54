import { defineMessages } from '../../core/i18n/messages.ts';

export const workMessages = defineMessages({
  en: {
    'projects.nav.work': 'Agreements and reports',
  },
  ru: {
    'projects.nav.work': 'Договоры и отчёты',
  },
  kk: {
    'projects.nav.work': 'Шарттар мен есептер',
  },
});
