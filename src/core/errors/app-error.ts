import type { MessageParams } from '../i18n/messages.ts';

/** Stable error codes; each has a translated message `errors.<code>` in core/messages.ts. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  BAD_PARAMETER: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CSRF_INVALID: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONFLICT: 409,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params?: MessageParams,
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }

  /** Fastify and its plugins read `statusCode`. */
  get statusCode(): number {
    return this.status;
  }
}

const TITLED_STATUSES = new Set([400, 403, 404, 409, 413, 415, 429]);
/** The message key of an error page's title; a status without its own takes its class's. */
export function errorTitleKey(status: number): string {
  return `errors.title.${TITLED_STATUSES.has(status) ? status : status >= 500 ? 500 : 400}`;
}

export const forbidden = () => new AppError('FORBIDDEN');
export const notFound = () => new AppError('NOT_FOUND');
