import { isAdmin } from '../../core/auth/actor.ts';
import type { StoredFile } from '../../core/files/store-upload.ts';
import type { Rules } from '../../core/policy/policy.ts';

export const filePolicies: Rules = {
  /** Public files are for everyone; a private one only for who uploaded it and administrators. */
  'file.download': (actor, file: Pick<StoredFile, 'visibility' | 'uploadedBy'>) =>
    file.visibility === 'public' || (actor.userId !== null && actor.userId === file.uploadedBy) || isAdmin(actor),
};
