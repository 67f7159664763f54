export type BackupErrorCode =
  | 'BACKUP_EXISTS'
  | 'BACKUP_UNWRITABLE'
  | 'BACKUP_UNREADABLE'
  | 'BACKUP_DAMAGED'
  | 'BACKUP_FORMAT'
  | 'BACKUP_NEWER_SCHEMA'
  | 'SCHEMA_MISMATCH'
  | 'TARGET_NOT_EMPTY'
  | 'FILE_MISSING'
  | 'FILE_DAMAGED'
  | 'RESTORE_MISMATCH'
  | 'AUDIT_CHAIN_BROKEN';

/** A backup or restore refused for a reason the operator can act on; nothing was written. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}
