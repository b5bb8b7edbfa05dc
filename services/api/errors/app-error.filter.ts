import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { AppError, AppErrorCode, httpErrorBody } from './app-error';

/** Turns domain errors and validation failures into GraphQL errors carrying their code. */
@Catch(AppError, BadRequestException)
export class AppErrorFilter implements ExceptionFilter {
  catch(err: AppError | BadRequestException, host: ArgumentsHost): unknown {
    const isGraphql = host.getType<string>() === 'graphql';
    if (!isGraphql) {
      const res = host.switchToHttp().getResponse<{ status(n: number): { json(b: unknown): void } }>();
      const status = err instanceof AppError ? httpStatus(err.code) : 400;
      res
        .status(status)
        .json(httpErrorBody(err instanceof AppError ? err.code : AppErrorCode.BadInput, messageOf(err)));
      return undefined;
    }
    GqlArgumentsHost.create(host);
    if (err instanceof AppError) return new GraphQLError(err.message, { extensions: { code: err.code } });
    return new GraphQLError(messageOf(err), { extensions: { code: AppErrorCode.BadInput } });
  }
}

function messageOf(err: AppError | BadRequestException): string {
  if (err instanceof AppError) return err.message;
  const r = err.getResponse() as { message?: unknown };
  return Array.isArray(r.message) ? `invalid input: ${r.message.join('; ')}` : String(r.message ?? err.message);
}

function httpStatus(code: AppErrorCode): number {
  return {
    NOT_FOUND: 404,
    FORBIDDEN: 403,
    UNAUTHENTICATED: 401,
    BAD_USER_INPUT: 400,
    CONFLICT: 409,
    UNAVAILABLE: 503,
    RATE_LIMITED: 429,
    ACCOUNT_LOCKED: 423,
    CSRF_REQUIRED: 403,
  }[code];
}
