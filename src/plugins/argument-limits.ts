import { type ASTVisitor, GraphQLError, Kind, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { LimitCheck } from './refuse-before-running.js';

/** What a string or list argument may hold at most, wherever it sits (literal, variable, input object). */
export interface ArgumentLimits {
  maxStringLength: number;
  maxListLength: number;
}

const tooLong = (what: string, limit: number, unit: string) =>
  new GraphQLError(`${what} is too long: at most ${limit} ${unit}.`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/** Literals in the document, at validation: reported with every other validation error (400). */
function literalLimits({ maxStringLength, maxListLength }: ArgumentLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    [Kind.STRING](node) {
      if (node.value.length > maxStringLength) context.reportError(tooLong('A string argument', maxStringLength, 'characters'));
    },
    [Kind.LIST](node) {
      if (node.values.length > maxListLength) context.reportError(tooLong('A list argument', maxListLength, 'items'));
    },
  });
}

/**
 * The first string or list in `value` past a limit, as its refusal. Walked with a stack, not
 * recursion: a variable nested thousands deep is a refusal of its own, never a stack overflow.
 */
function checkValue(value: unknown, limits: ArgumentLimits, name: string): GraphQLError | undefined {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.length > limits.maxStringLength) return tooLong(`Variable $${name}`, limits.maxStringLength, 'characters');
    } else if (Array.isArray(item)) {
      if (item.length > limits.maxListLength) return tooLong(`Variable $${name}`, limits.maxListLength, 'items');
      pending.push(...item);
    } else if (item !== null && typeof item === 'object') {
      pending.push(...Object.values(item));
    }
  }
  return undefined;
}

/**
 * Every string and list argument is bounded, literal or variable, at any depth of an input
 * object: a long one becomes a long upstream URL or body (a 900 KB label filter was a 900 KB
 * URL). Fields with a tighter rule of their own (names, filters) keep it. Variables are
 * checked before the operation runs, so a refused one costs no upstream call.
 */
/** The literals, at validation (400 with every other validation error). */
export function useLiteralLimits(limits: ArgumentLimits): Plugin {
  const rule = literalLimits(limits);
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}

/** The variables, as the operation starts (see refuse-before-running.ts). */
export function variableLimits(limits: ArgumentLimits): LimitCheck {
  return ({ variableValues }) => {
    for (const [name, value] of Object.entries(variableValues ?? {})) {
      const refusal = checkValue(value, limits, name);
      if (refusal) return refusal;
    }
    return undefined;
  };
}
