import type { PipeTransform } from '@nestjs/common';
import { AppError, AppErrorCode } from '../../errors/app-error';

/**
 * A free-text argument (a note, a reason) trimmed and held to a length, with a clear error: scalar arguments do not
 * pass through class-validator as input objects do. Null and absent stay null.
 */
export class BoundedTextPipe implements PipeTransform<string | null | undefined, string | null> {
  constructor(
    private readonly name: string,
    private readonly max: number,
    private readonly min = 0,
  ) {}

  transform(value: string | null | undefined): string | null {
    if (value === null || value === undefined) return null;
    const text = value.trim();
    if (text.length < this.min || text.length > this.max)
      throw new AppError(
        AppErrorCode.BadInput,
        `${this.name} must be ${this.min ? `${this.min} to ` : 'at most '}${this.max} characters`,
      );
    return text;
  }
}
