import { defineMessages } from '../../core/i18n/messages.ts';

export const portalMessages = defineMessages({
  en: {
    'projects.nav': 'Projects',
  },
  ru: {
    'projects.nav': 'Проекты',
  },
  kk: {
    'projects.nav': 'Жобалар',
  },
});
