import { defineMessages } from '../../core/i18n/messages.ts';

export const opendataMessages = defineMessages({
  en: {
    'projects.nav.open-data': 'Open data',
  },
  ru: {
    'projects.nav.open-data': 'Открытые данные',
  },
  kk: {
    'projects.nav.open-data': 'Ашық деректер',
  },
});
