import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-error.js';
import { findUnstorableInput } from './unstorable-input.js';

/**
 * The global pipe: strips nothing silently (unknown fields are a 400), transforms to DTO types, errors as the envelope.
 * Body, query and path params are first checked for what no DTO rule catches and would break deeper down
 * (absurd nesting, NUL bytes, lone surrogates): a 400 instead of a stack overflow or a database error.
 */
@Injectable()
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new ValidationFailedError(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const unstorable = findUnstorableInput(value, metadata.data ?? '');
      if (unstorable) throw new ValidationFailedError([{ field: unstorable.field, errors: [`${unstorable.field} ${unstorable.problem}`] }]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe();
}

function flatten(errors: ValidationError[], parent = ''): { field: string; errors: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
