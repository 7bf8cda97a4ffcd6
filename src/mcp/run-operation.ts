import { type ExecutionArgs, type ExecutionResult, getOperationAST, GraphQLError, type OperationTypeNode } from 'graphql';
import type { Admission } from '../admission/admission.js';
import type { Knock } from '../admission/knock.js';
import type { GatewayYoga, InitialContext } from '../entries/yoga.js';

/**
 * One GraphQL operation for MCP: admitted like every operation (budgets, trusted documents,
 * the profile), then parsed, validated and run in Yoga's envelope, so limits, masking, the
 * operation log and metrics are those of every other way in. A refusal or a document that does
 * not validate is a result with errors, as GraphQL would answer it. Tools run queries and
 * mutations (runOperation); resource feeds run subscriptions (streamOperation).
 */
interface OperationRequest {
  variables: Record<string, unknown>;
  operationName?: string | undefined;
  /** Aborts when the caller is gone (the HTTP request, or the session's event stream). */
  callerGone: AbortSignal;
}

const badRequest = (message: string): ExecutionResult => ({ errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })] });

/** Admits, parses and validates; the arguments to run with, or the errors. */
async function prepare(
  yoga: GatewayYoga,
  admission: Admission,
  knock: Knock,
  request: OperationRequest,
): Promise<{ type: OperationTypeNode; args: ExecutionArgs; enveloped: ReturnType<GatewayYoga['getEnveloped']> } | ExecutionResult> {
  try {
    const admitted = await admission.admit(knock);
    const params = { query: admitted.query, variables: request.variables, operationName: request.operationName };
    const initial: InitialContext & Record<string, unknown> = { params, admitted, callerGone: request.callerGone };
    const enveloped = yoga.getEnveloped(initial);
    const document = enveloped.parse(admitted.query as string);
    const errors = enveloped.validate(enveloped.schema, document);
    if (errors.length > 0) return { errors };
    const operation = getOperationAST(document, request.operationName);
    if (!operation) return badRequest('Unable to identify the operation to run.');
    const args = {
      schema: enveloped.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: await enveloped.contextFactory(),
    };
    return { type: operation.operation, args, enveloped };
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
}

export async function runOperation(yoga: GatewayYoga, admission: Admission, knock: Knock, request: OperationRequest): Promise<ExecutionResult> {
  const prepared = await prepare(yoga, admission, knock, request);
  if (!('args' in prepared)) return prepared;
  if (prepared.type === 'subscription') return badRequest('A tool runs queries and mutations; a container is watched through its resources.');
  return (await prepared.enveloped.execute(prepared.args)) as ExecutionResult;
}

/** A subscription's events, or the errors that kept it from starting. */
export async function streamOperation(
  yoga: GatewayYoga,
  admission: Admission,
  knock: Knock,
  request: OperationRequest,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const prepared = await prepare(yoga, admission, knock, request);
  if (!('args' in prepared)) return prepared;
  if (prepared.type !== 'subscription') return badRequest('Only a subscription streams.');
  return (await prepared.enveloped.subscribe(prepared.args)) as AsyncIterableIterator<ExecutionResult> | ExecutionResult;
}
