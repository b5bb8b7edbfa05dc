import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { API_TOKEN_SCOPES } from '../../../core/database/entities';

@InputType()
export class SignInInput {
  @Field() @IsEmail() @MaxLength(320) email!: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(1024) password!: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'totpCode must be 6 digits' })
  totpCode?: string;
}

@InputType()
export class SecondFactorInput {
  @Field() @Matches(/^\d{6}$/, { message: 'code must be 6 digits' }) code!: string;
}

@InputType()
export class CreateApiTokenInput {
  @Field() @IsNotEmpty() @MaxLength(100) name!: string;
  @Field(() => [String])
  @ArrayMinSize(1)
  @IsIn([...API_TOKEN_SCOPES], { each: true, message: `scopes must be among ${API_TOKEN_SCOPES.join(', ')}` })
  scopes!: string[];
  @Field(() => Int, { defaultValue: 30 }) @IsInt() @Min(1) @Max(365) expiresInDays!: number;
}

@InputType()
export class IdInput {
  @Field(() => ID) @IsUUID() id!: string;
}

/** Proof asked before a second factor that is already on can be replaced: the password or a current code. */
@InputType()
export class EnrollTotpInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1024) currentPassword?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'currentCode must be 6 digits' })
  currentCode?: string;
}

@InputType()
export class ConfirmTotpInput {
  @Field() @Length(6, 6) @Matches(/^\d{6}$/, { message: 'code must be 6 digits' }) code!: string;
}
