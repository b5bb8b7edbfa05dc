export enum AppErrorCode {
  NotFound = 'NOT_FOUND',
  Forbidden = 'FORBIDDEN',
  Unauthenticated = 'UNAUTHENTICATED',
  BadInput = 'BAD_USER_INPUT',
  Conflict = 'CONFLICT',
  Unavailable = 'UNAVAILABLE',
  RateLimited = 'RATE_LIMITED',
  Locked = 'ACCOUNT_LOCKED',
  CsrfRequired = 'CSRF_REQUIRED',
}

/** The body of every HTTP (non-GraphQL) error the API answers: one shape, whoever refuses the request. */
export interface HttpErrorBody {
  error: { code: AppErrorCode; message: string };
}

export function httpErrorBody(code: AppErrorCode, message: string): HttpErrorBody {
  return { error: { code, message } };
}

/** An error meant for the operator: its message is shown as it is, so it never carries secrets. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Something of another tenant answers exactly like something that does not exist (C-02). */
export function notFound(what: string): AppError {
  return new AppError(AppErrorCode.NotFound, `${what} not found`);
}
