import type { FastifyInstance } from 'fastify';
import { rootOf } from './http.js';

/**
 * Building blocks of the OpenAPI 3.0.3 documents the embedded services serve at
 * `GET /openapi.json` (each service keeps its own document in `<service>/openapi.ts`). The
 * documents describe what the embedded service answers, extensions included, so a tool such as
 * GraphQL Mesh can generate a client or schema from them; `test/embedded/openapi.test.ts` checks
 * real responses against them.
 */

/** Where every embedded service serves its document, without credentials. */
export const OPENAPI_PATH = '/openapi.json';
/** The OpenAPI version of every document. */
export const OPENAPI_VERSION = '3.0.3';
/** Marks what the embedded service adds to the real API (operations, properties). */
const EXTENSION = 'x-gantry-extension';

/** An OpenAPI 3.0 Schema Object (or a `$ref` to one); kept loose: these are plain JSON objects. */
export type Schema = { [key: string]: unknown };
/** Any other OpenAPI object (operation, response, parameter, …), likewise plain JSON. */
export type OpenApiObject = { [key: string]: unknown };

/** The methods an OpenAPI 3.0 Path Item may hold operations for. */
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

/** A Path Item: operations by method, and parameters every operation of the path shares. */
export type PathItem = { parameters?: OpenApiObject[]; summary?: string; description?: string } & { [M in HttpMethod]?: OpenApiObject };

/** An OpenAPI 3.0.3 document as the embedded services serve it. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: Array<{ url: string; description?: string }>;
  tags?: Array<{ name: string; description?: string }>;
  security?: Array<Record<string, string[]>>;
  paths: Record<string, PathItem>;
  components: {
    schemas?: Record<string, Schema>;
    responses?: Record<string, OpenApiObject>;
    parameters?: Record<string, OpenApiObject>;
    headers?: Record<string, OpenApiObject>;
    securitySchemes?: Record<string, OpenApiObject>;
  };
}

/** `{ $ref: '#/components/schemas/<name>' }` */
export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const responseRef = (name: string): OpenApiObject => ({ $ref: `#/components/responses/${name}` });
export const parameterRef = (name: string): OpenApiObject => ({ $ref: `#/components/parameters/${name}` });
export const headerRef = (name: string): OpenApiObject => ({ $ref: `#/components/headers/${name}` });

/** Typed leaves with a description, as every document here writes them. */
export const uuid = (description: string): Schema => ({ type: 'string', format: 'uuid', description });
export const int64 = (description: string): Schema => ({ type: 'integer', format: 'int64', description });
export const nullableInt64 = (description: string): Schema => ({ ...int64(description), nullable: true });
export const text = (description: string): Schema => ({ type: 'string', description });
export const nullableText = (description: string): Schema => ({ type: 'string', nullable: true, description });
export const flag = (description: string): Schema => ({ type: 'boolean', description });

/** `{ type: 'array', items }` */
export const arrayOf = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });

/**
 * An object schema. Without `additionalProperties` the properties are all there is (and the
 * conformance test reports any other key as undocumented).
 */
export function object(properties: Record<string, Schema>, required: readonly string[] = [], extra: Schema = {}): Schema {
  return { type: 'object', properties, ...(required.length > 0 ? { required: [...required] } : {}), ...extra };
}

/** The date-time strings every API here prints (RFC 3339, each in its own style). */
export const dateTime = (description: string): Schema => ({ type: 'string', format: 'date-time', description });

/** Bytes: `{ type: 'string', format: 'binary' }`. */
export const BINARY: Schema = Object.freeze({ type: 'string', format: 'binary' });

/** Spread into an operation or a schema property: marks it as an embedded-only extension and says so. */
export function extension(description: string): { [EXTENSION]: true; description: string } {
  return { [EXTENSION]: true, description: `Extension of the embedded service, not part of the real API: ${description}` };
}

/** A JSON request body. */
export function jsonBody(schema: Schema, description: string, required = true): OpenApiObject {
  return { description, required, content: { 'application/json': { schema } } };
}

/** A response with a JSON body. */
export function jsonResponse(description: string, schema: Schema, headers?: Record<string, OpenApiObject>): OpenApiObject {
  return { description, ...(headers === undefined ? {} : { headers }), content: { 'application/json': { schema } } };
}

/** A response without a body. */
export function emptyResponse(description: string, headers?: Record<string, OpenApiObject>): OpenApiObject {
  return { description, ...(headers === undefined ? {} : { headers }) };
}

/** A response whose body is bytes, in one or more media types. */
export function binaryResponse(description: string, mediaTypes: readonly string[], headers?: Record<string, OpenApiObject>): OpenApiObject {
  return {
    description,
    ...(headers === undefined ? {} : { headers }),
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { ...BINARY } }])),
  };
}

/** A response header whose value is a string (or, with `schema`, something else). */
export function header(description: string, schema: Schema = { type: 'string' }, required = false): OpenApiObject {
  return { description, required, schema };
}

/** A query parameter. */
export function queryParam(name: string, schema: Schema, description: string, extra: OpenApiObject = {}): OpenApiObject {
  return { name, in: 'query', required: false, description, schema, ...extra };
}

/** A path parameter (always required). */
export function pathParam(name: string, schema: Schema, description: string): OpenApiObject {
  return { name, in: 'path', required: true, description, schema };
}

/** A request header parameter. */
export function headerParam(name: string, schema: Schema, description: string): OpenApiObject {
  return { name, in: 'header', required: false, description, schema };
}

/** `{"status": "ok"}` of every readiness probe. */
const HEALTH_SCHEMA: Schema = Object.freeze(
  object({ status: { type: 'string', enum: ['ok'], description: 'Always `ok` while the service answers.' } }, ['status']),
);

/** The path item of a readiness probe (`/health`, `/api/health`): no credentials, 200 `{"status": "ok"}`. */
export function healthPathItem(operationId: string, tag: string): PathItem {
  return {
    get: {
      operationId,
      tags: [tag],
      summary: 'Readiness probe',
      ...extension('a readiness probe without credentials; 200 `{"status": "ok"}` while the service answers.'),
      security: [],
      responses: { '200': jsonResponse('The service is up.', HEALTH_SCHEMA) },
    },
  };
}

/** The path item of `GET /openapi.json` itself: no credentials, this document. */
export function openApiPathItem(operationId: string, tag: string): PathItem {
  return {
    get: {
      operationId,
      tags: [tag],
      summary: 'This OpenAPI document',
      ...extension('this OpenAPI 3.0.3 document, without credentials; `servers` names the service root as the client addressed it.'),
      security: [],
      responses: {
        '200': jsonResponse('The OpenAPI document of this service.', {
          type: 'object',
          description: 'An OpenAPI 3.0.3 document.',
          additionalProperties: true,
        }),
      },
    },
  };
}

/**
 * Adds the header (a `$ref` or an inline Header Object) under `name` to every response of the
 * document, the shared ones in `components.responses` included: for headers every response
 * carries, such as a request id. Returns the document.
 */
export function addHeaderToEveryResponse(document: OpenApiDocument, name: string, value: OpenApiObject): OpenApiDocument {
  const addTo = (response: OpenApiObject): void => {
    if ('$ref' in response) return;
    const headers = (response.headers ?? {}) as Record<string, OpenApiObject>;
    response.headers = { [name]: value, ...headers };
  };
  for (const response of Object.values(document.components.responses ?? {})) addTo(response);
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      for (const response of Object.values((operation.responses ?? {}) as Record<string, OpenApiObject>)) addTo(response);
    }
  }
  return document;
}

/**
 * Serves `document` at `GET /openapi.json` with `servers` set to the service root as the client
 * addressed it (`http://host:port`), so a generator needs no other configuration. The caller
 * makes the path open (no credentials), as it does its health route.
 */
export function serveOpenApi(app: FastifyInstance, document: OpenApiDocument): void {
  app.get(OPENAPI_PATH, async (request, reply) => {
    const served: OpenApiDocument = { ...document, servers: [{ url: rootOf(request), description: 'This service, as the request addressed it.' }] };
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(served));
  });
}
