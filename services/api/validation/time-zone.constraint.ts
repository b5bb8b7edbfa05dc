import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { isValidTimeZone } from '../../core/util/local-time';

@ValidatorConstraint({ name: 'timeZone' })
export class TimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && value.length <= 64 && isValidTimeZone(value);
  }
  defaultMessage(): string {
    return 'timezone must be an IANA time zone such as Europe/Berlin';
  }
}
