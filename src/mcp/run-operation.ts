import { type ExecutionResult, getOperationAST, GraphQLError } from 'graphql';
import type { Admission } from '../admission/admission.js';
import type { Knock } from '../admission/knock.js';
import type { GatewayYoga, InitialContext } from '../entries/yoga.js';

/**
 * One GraphQL operation for an MCP tool: admitted like every operation (budgets, trusted
 * documents, the profile), then parsed, validated and executed in Yoga's envelope, so limits,
 * masking, the operation log and metrics are those of every other way in. A refusal or a
 * document that does not validate is a result with errors, as GraphQL would answer it.
 */
export async function runOperation(
  yoga: GatewayYoga,
  admission: Admission,
  knock: Knock,
  request: { variables: Record<string, unknown>; operationName?: string | undefined; callerGone: AbortSignal },
): Promise<ExecutionResult> {
  try {
    const admitted = await admission.admit(knock);
    const params = { query: admitted.query, variables: request.variables, operationName: request.operationName };
    const initial: InitialContext & Record<string, unknown> = { params, admitted, callerGone: request.callerGone };
    const enveloped = yoga.getEnveloped(initial);
    const document = enveloped.parse(admitted.query as string);
    const errors = enveloped.validate(enveloped.schema, document);
    if (errors.length > 0) return { errors };
    const operation = getOperationAST(document, request.operationName);
    if (!operation) return { errors: [new GraphQLError('Unable to identify the operation to run.', { extensions: { code: 'BAD_USER_INPUT' } })] };
    if (operation.operation === 'subscription') {
      return {
        errors: [
          new GraphQLError('A tool runs queries and mutations; subscriptions are not served over MCP tools.', { extensions: { code: 'BAD_USER_INPUT' } }),
        ],
      };
    }
    const result = await enveloped.execute({
      schema: enveloped.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: await enveloped.contextFactory(),
    });
    // Queries and mutations only: a stream never reaches here (tools run no subscriptions).
    return result as ExecutionResult;
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
}
