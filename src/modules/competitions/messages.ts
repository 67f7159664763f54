import { mergeCatalogues } from '../../core/i18n/messages.ts';
import { applyMessages } from './apply-messages.ts';
import { domainMessages } from './domain-messages.ts';
import { expertMessages } from './expert-messages.ts';
import { manageMessages } from './manage-messages.ts';
import { publicMessages } from './public-messages.ts';

/** All the competitions module's texts, kept in files by concern. */
export const competitionsMessages = mergeCatalogues(domainMessages, publicMessages, applyMessages, manageMessages, expertMessages);
