import { mergeCatalogues } from '../../core/i18n/messages.ts';
import { certificateMessages } from './certificate-messages.ts';
import { coordinateMessages } from './coordinate-messages.ts';
import { domainMessages } from './domain-messages.ts';
import { publicMessages } from './public-messages.ts';
import { workMessages } from './work-messages.ts';

/** All the volunteers module's texts, kept in files by concern. */
export const volunteersMessages = mergeCatalogues(domainMessages, publicMessages, workMessages, coordinateMessages, certificateMessages);
