import { Kind } from 'graphql';
import { InvalidInputError } from '../errors.js';
import { builder } from './builder.js';

/** RFC 3339 date-time with a zone; upstream strings are re-emitted in ISO form (UTC). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || !RFC3339.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidInputError(`${JSON.stringify(value)} is not an RFC 3339 date-time (2024-05-01T12:00:00Z).`);
  }
  return new Date(value).toISOString();
}

builder.scalarType('DateTime', {
  description: 'An instant, as an RFC 3339 string in UTC (`2024-05-01T12:00:00.000Z`). Input accepts any zone offset.',
  serialize: (value) => {
    const time = Date.parse(String(value));
    return Number.isNaN(time) ? String(value) : new Date(time).toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseSafeInt(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new InvalidInputError(`${JSON.stringify(value)} is not an integer between -(2^53-1) and 2^53-1.`);
  }
  return value;
}

builder.scalarType('SafeInt', {
  description: "An integer that fits a JSON number exactly (up to 2^53-1): byte sizes beyond Int's 2^31.",
  serialize: (value) => parseSafeInt(value),
  parseValue: parseSafeInt,
  parseLiteral: (ast) => parseSafeInt(ast.kind === Kind.INT ? Number(ast.value) : undefined),
});
