import { defineMessages } from '../../core/i18n/messages.ts';

export const monitorMessages = defineMessages({
  en: {
    'projects.nav.monitor': 'Monitoring',
  },
  ru: {
    'projects.nav.monitor': 'Мониторинг',
  },
  kk: {
    'projects.nav.monitor': 'Мониторинг',
  },
});
