import { applyDecorators } from '@nestjs/common';
import { IsDefined, ValidateIf } from 'class-validator';

/**
 * An optional input field that may be left out (keep the current value) but not sent as `null` (C-15):
 * `@IsOptional()` lets null through to the service, which wrote it into NOT NULL columns and answered with a
 * database error. Use it instead of `@IsOptional()` on update inputs; the field's other validators run on any
 * value that is present.
 */
export function OptionalNotNull(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object: unknown, value: unknown) => value !== undefined),
    IsDefined({ message: '$property cannot be null: leave it out to keep the current value' }),
  );
}
