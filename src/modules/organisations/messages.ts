import { mergeCatalogues } from '../../core/i18n/messages.ts';
import { documentMessages } from './document-messages.ts';
import { importMessages } from './import-messages.ts';
import { registerMessages } from './register-messages.ts';
import { selfServiceMessages } from './self-service-messages.ts';

/** All the organisations module's texts, kept in files by concern. */
export const organisationsMessages = mergeCatalogues(registerMessages, selfServiceMessages, importMessages, documentMessages);
