import { buildSchema, getVariableValues, parse, type ExecutionArgs, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPILE_AFTER_RUNS, useCompiledQueries } from '../src/overrides/use-compiled-queries.js';
import { schema } from '../src/schema/index.js';
import { startStack, TOKENS, type Stack } from './helpers/harness.js';

/** When a query is compiled (graphql-jit), and that compiled and regular runs answer alike. */

function runs(plugin: ReturnType<typeof useCompiledQueries>, source: string, times: number): boolean[] {
  const document = parse(source);
  const compiled: boolean[] = [];
  for (let i = 0; i < times; i++) {
    let set = false;
    (plugin.onExecute as (payload: unknown) => void)({
      args: { schema, document, operationName: null } as unknown as ExecutionArgs,
      setExecuteFn: () => (set = true),
    });
    compiled.push(set);
  }
  return compiled;
}

describe('useCompiledQueries', () => {
  const plugin = useCompiledQueries(pino({ level: 'silent' }));

  it(`compiles a query from its run number ${COMPILE_AFTER_RUNS} on`, () => {
    expect(runs(plugin, '{ vmImages(first: 1) { nodes { id } } }', 3)).toEqual([false, true, true]);
  });

  it('leaves a document with a field after a fragment to the regular executor', () => {
    expect(runs(plugin, '{ vmImages(first: 1) { nodes { ...F name } } } fragment F on VmImage { id }', 3)).toEqual([false, false, false]);
    expect(runs(plugin, '{ vmImages(first: 1) { nodes { name ...F } } } fragment F on VmImage { id ... on VmImage { size } status }', 3)).toEqual([
      false,
      false,
      false,
    ]);
    expect(runs(plugin, '{ vmImages(first: 1) { nodes { name ...F } } } fragment F on VmImage { id status }', 3)).toEqual([false, true, true]);
  });

  it('leaves mutations, subscriptions and documents with several operations to the regular executor', () => {
    expect(runs(plugin, 'mutation { deleteVmImage(input: { id: "x" }) { __typename } }', 3)).toEqual([false, false, false]);
    expect(runs(plugin, 'subscription { containerLogs(id: "x") { line } }', 3)).toEqual([false, false, false]);
    expect(runs(plugin, 'query A { __typename } query B { __typename }', 3)).toEqual([false, false, false]);
  });
});

describe('compiled and regular runs answer alike', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });

  const queries: Array<[string, string, Record<string, unknown>?]> = [
    [
      'nested lists with aliases and fragments (compiled)',
      '{ containers(first: 5) { nodes { other: name ...C } pageInfo { hasNextPage endCursor } } } fragment C on Container { id name state image { id label requiredContainers { id } } }',
    ],
    [
      'a field after a fragment (not compiled: graphql-jit would reorder it)',
      '{ containers(first: 5) { nodes { ...C other: name } } } fragment C on Container { id name ... on Container { state } }',
    ],
    ['skip and include', 'query($a: Boolean!) { vmImages(first: 2) { nodes { id name @include(if: $a) status @skip(if: $a) } } }', { a: true }],
    [
      'a missing entity: null and an error with its path',
      '{ vmImage(id: "Vm1hZ2U6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw") { id } containerImages(first: 1) { nodes { id } } }',
    ],
    ['a variable of the wrong type', 'query($n: Int) { vmImages(first: $n) { nodes { id } } }', { n: 'many' }],
    ['a required variable left out', 'query($id: ID!) { vmImage(id: $id) { id } }', {}],
    ['an input object with a field it does not have', 'query($f: VmImageFilter) { vmImages(first: 1, filter: $f) { nodes { id } } }', { f: { colour: 'red' } }],
    [
      'errors inside a list, through a fragment and an alias',
      '{ containers(first: 3) { nodes { id ...L } } } fragment L on Container { tail: logs(limit: 0) { line } }',
    ],
    ['interfaces and unions', '{ images(first: 4) { nodes { __typename id name ... on VmImage { diskFormat } } } node(id: "bm9wZQ==") { id } }'],
  ];

  for (const [name, query, variables] of queries) {
    it(name, async () => {
      // Byte for byte: key order included (caches and snapshot tests compare bodies).
      const answers: Array<{ status: number; body: string }> = [];
      for (let i = 0; i < COMPILE_AFTER_RUNS + 1; i++) {
        const response = await fetch(`${stack.gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}` },
          body: JSON.stringify({ query, variables }),
        });
        answers.push({ status: response.status, body: await response.text() });
      }
      expect(answers[COMPILE_AFTER_RUNS]).toEqual(answers[0]);
      expect(answers[0]!.body).toMatch(/"data"|"errors"/);
    });
  }
});

describe('variables, graphql-jit against graphql-js', () => {
  // The compiled path trusts graphql-jit's own coercion and falls back to the regular executor
  // only when it refuses: the two must accept and refuse the same values.
  const schema = buildSchema(
    `enum E { A B } input I { x: Int!, y: [String!] } type Query { f(i: Int, s: String, id: ID, b: Boolean, fl: Float, e: E, in: I, l: [Int!]): String }`,
  );
  const cases: Array<[string, string, unknown[]]> = [
    ['$v: Int', 'i', ['5', 5.5, 2 ** 31, null, true, 7]],
    ['$v: String', 's', [5, true, null, 'x', {}]],
    ['$v: ID', 'id', [5, 5.5, true, 'x', null]],
    ['$v: Boolean', 'b', ['true', 1, true]],
    ['$v: Float', 'fl', ['1.5', 1, 'x']],
    ['$v: E', 'e', ['C', 'A', 1]],
    ['$v: I', 'in', [{ x: 1, z: 2 }, { x: '1' }, { y: 'a', x: 1 }, { x: 1 }]],
    ['$v: [Int!]', 'l', [1, [1, null], ['1'], [1, 2]]],
    ['$v: Int!', 'i', [undefined, null, 3]],
  ];
  for (const [definition, argument, values] of cases) {
    it(`agree on ${definition}`, () => {
      const document = parse(`query(${definition}) { f(${argument}: $v) }`);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const compiled = compileQuery(schema, document);
      if (!isCompiledQuery(compiled)) throw new Error('did not compile');
      for (const value of values) {
        const variables = value === undefined ? {} : { v: value };
        const regular = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
        const jit = compiled.query(undefined, {}, variables) as ExecutionResult;
        expect({ value, accepted: 'data' in jit }).toEqual({ value, accepted: regular.errors === undefined });
      }
    });
  }
});
