import {
  ConflictError,
  DEFAULT_MESSAGES,
  ForbiddenError,
  type GantryError,
  InvalidInputError,
  NotFoundError,
  type ErrorCode,
  type FieldProblem,
} from '../errors.js';
import { builder } from './builder.js';

/**
 * GraphQL types for the user-facing error classes. Mutations list the ones they can produce
 * (`errors: { types: [...] }`) and return them as data in their payload union.
 */

const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'Why an operation failed; also sent as `extensions.code` on top-level errors.',
  values: Object.fromEntries(
    (Object.keys(DEFAULT_MESSAGES) as ErrorCode[]).map((code) => [code, { value: code, description: DEFAULT_MESSAGES[code] }]),
  ) as Record<ErrorCode, { value: ErrorCode; description: string }>,
});

const UserErrorInterface = builder.interfaceRef<GantryError>('UserError').implement({
  description: 'An expected failure a client can show to its user.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, in a sentence.' }),
    code: t.field({ type: ErrorCodeEnum, description: 'Machine-readable reason.', resolve: (error) => error.code }),
  }),
});

const FieldErrorRef = builder.objectRef<FieldProblem>('FieldError').implement({
  description: 'One invalid input field.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Path of the field in the input, as sent (`["input", "name"]`).' }),
    message: t.exposeString('message', { description: 'What is wrong with it.' }),
  }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  description: 'The input was rejected, by the gateway or by the backend; nothing was changed.',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof InvalidInputError,
  fields: (t) => ({
    fields: t.field({
      type: [FieldErrorRef],
      description: 'The fields at fault, where known (empty when the backend did not say).',
      resolve: (error) => error.fields,
    }),
  }),
});

for (const [ErrorClass, name, description] of [
  [NotFoundError, 'NotFoundError', 'The object does not exist, or is not visible to this caller.'],
  [ForbiddenError, 'ForbiddenError', 'The caller may see the object but not do this to it.'],
  [ConflictError, 'ConflictError', 'The object is not in a state that allows this.'],
] as const) {
  builder.objectType(ErrorClass as typeof NotFoundError, {
    name,
    description,
    interfaces: [UserErrorInterface],
    isTypeOf: (value) => value instanceof ErrorClass,
  });
}

/** The error classes every mutation over a single existing object can return as data. */
export const OBJECT_MUTATION_ERRORS = [NotFoundError, ForbiddenError, ConflictError, InvalidInputError];
