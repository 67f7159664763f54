import { mergeCatalogues } from '../../core/i18n/messages.ts';
import { domainMessages } from './domain-messages.ts';
import { monitorMessages } from './monitor-messages.ts';
import { opendataMessages } from './opendata-messages.ts';
import { portalMessages } from './portal-messages.ts';
import { workMessages } from './work-messages.ts';

/** All the projects module's texts, kept in files by concern. */
export const projectsMessages = mergeCatalogues(domainMessages, portalMessages, workMessages, monitorMessages, opendataMessages);
