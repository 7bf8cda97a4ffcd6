import type { FastifyInstance } from 'fastify';

/**
 * Checks for the embedded services' OpenAPI 3.0 documents (no OpenAPI validator package is
 * installed, so these are written out):
 * - `validateDocument`: the document is structurally OpenAPI 3.0 (versions, objects and their
 *   keys, every `$ref` resolves, operationIds present, unique and field-name-like, path templates
 *   match path parameters, schemas use only 3.0 keywords, security names exist);
 * - `checkValue`: a JSON value against a schema, recursively, following `$ref`s: undocumented
 *   properties, type, enum, format and nullability mismatches, missing required properties;
 * - `checkReply`: a real response against the documented operation: the status is documented,
 *   required headers are present, the media type is documented and the body fits its schema.
 * Each returns a list of problems; empty means fine.
 */

type Json = any;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const TOP_KEYS = new Set(['openapi', 'info', 'servers', 'paths', 'components', 'security', 'tags', 'externalDocs']);
const PATH_ITEM_KEYS = new Set(['$ref', 'summary', 'description', 'servers', 'parameters', ...METHODS]);
const OPERATION_KEYS = new Set([
  'tags',
  'summary',
  'description',
  'externalDocs',
  'operationId',
  'parameters',
  'requestBody',
  'responses',
  'callbacks',
  'deprecated',
  'security',
  'servers',
]);
const COMPONENT_KINDS = new Set(['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks']);
/** The keywords of an OpenAPI 3.0 Schema Object (3.1 / JSON Schema 2020-12 ones such as `const` or type arrays are not). */
const SCHEMA_KEYWORDS = new Set([
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
]);
const TYPES = new Set(['array', 'boolean', 'integer', 'number', 'object', 'string']);
const PARAMETER_LOCATIONS = new Set(['query', 'header', 'path', 'cookie']);
/** camelCase, as a GraphQL field name reads. */
const OPERATION_ID = /^[a-z][a-zA-Z0-9]*$/;
export const EXTENSION = 'x-gantry-extension';
const EXTENSION_WORDING = 'Extension of the embedded service';

const isObject = (value: unknown): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isExtensionKey = (key: string): boolean => key.startsWith('x-');

/** Follows a local `$ref` (`#/components/...`), JSON-pointer escapes included; undefined when it does not resolve. */
function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) return undefined;
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** The object itself, or what its `$ref` points at (following chains); undefined when a ref is broken. */
export function deref(doc: Json, value: Json): Json {
  let node = value;
  for (let hops = 0; isObject(node) && typeof node.$ref === 'string'; hops++) {
    if (hops > 20) return undefined;
    node = resolvePointer(doc, node.$ref);
  }
  return node;
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return false;
  }
}

/** Structural problems of one Schema Object (not following `$ref`s: their targets are checked where they live). */
function validateSchema(doc: Json, schema: Json, where: string, problems: string[]): void {
  if (!isObject(schema)) {
    problems.push(`${where}: a schema must be an object`);
    return;
  }
  if (typeof schema.$ref === 'string') {
    const extra = Object.keys(schema).filter((key) => key !== '$ref');
    if (extra.length > 0) problems.push(`${where}: $ref has siblings (${extra.join(', ')}), which OpenAPI 3.0 ignores`);
    if (!schema.$ref.startsWith('#/components/schemas/')) problems.push(`${where}: schema $ref ${schema.$ref} is not to components.schemas`);
    if (!isObject(resolvePointer(doc, schema.$ref))) problems.push(`${where}: $ref ${schema.$ref} does not resolve`);
    return;
  }
  for (const key of Object.keys(schema)) {
    if (!SCHEMA_KEYWORDS.has(key) && !isExtensionKey(key)) problems.push(`${where}: '${key}' is not an OpenAPI 3.0 schema keyword`);
  }
  const { type } = schema;
  if (type !== undefined && (typeof type !== 'string' || !TYPES.has(type)))
    problems.push(`${where}: type ${JSON.stringify(type)} is not one of ${[...TYPES].join(', ')}`);
  if (type === 'array' && schema.items === undefined) problems.push(`${where}: an array schema needs items`);
  if (schema.items !== undefined) {
    if (type !== 'array') problems.push(`${where}: items without type array`);
    validateSchema(doc, schema.items, `${where}.items`, problems);
  }
  if (schema.properties !== undefined) {
    if (!isObject(schema.properties)) problems.push(`${where}: properties must be an object`);
    else for (const [name, property] of Object.entries(schema.properties)) validateSchema(doc, property, `${where}.properties.${name}`, problems);
  }
  if (schema.required !== undefined) {
    if (!Array.isArray(schema.required) || schema.required.length === 0 || !schema.required.every((name: unknown) => typeof name === 'string')) {
      problems.push(`${where}: required must be a non-empty array of strings`);
    } else {
      if (new Set(schema.required).size !== schema.required.length) problems.push(`${where}: required lists a property twice`);
      for (const name of schema.required) {
        if (!isObject(schema.properties) || !Object.hasOwn(schema.properties, name)) problems.push(`${where}: required '${name}' is not among the properties`);
      }
    }
  }
  if (schema.additionalProperties !== undefined && typeof schema.additionalProperties !== 'boolean') {
    validateSchema(doc, schema.additionalProperties, `${where}.additionalProperties`, problems);
  }
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    if (schema[keyword] === undefined) continue;
    if (!Array.isArray(schema[keyword]) || schema[keyword].length === 0) problems.push(`${where}: ${keyword} must be a non-empty array`);
    else
      schema[keyword].forEach((part: Json, i: number) => {
        validateSchema(doc, part, `${where}.${keyword}[${i}]`, problems);
      });
  }
  if (schema.not !== undefined) validateSchema(doc, schema.not, `${where}.not`, problems);
  if (schema.enum !== undefined) {
    if (!Array.isArray(schema.enum) || schema.enum.length === 0) problems.push(`${where}: enum must be a non-empty array`);
    else if (typeof type === 'string') {
      for (const value of schema.enum) if (!matchesType(type, value)) problems.push(`${where}: enum value ${JSON.stringify(value)} is not a ${type}`);
    }
  }
  if (schema.default !== undefined && typeof type === 'string' && !matchesType(type, schema.default)) {
    problems.push(`${where}: default ${JSON.stringify(schema.default)} is not a ${type}`);
  }
  if (schema.nullable !== undefined && typeof schema.nullable !== 'boolean') problems.push(`${where}: nullable must be a boolean`);
  if (schema.pattern !== undefined) {
    try {
      new RegExp(schema.pattern);
    } catch {
      problems.push(`${where}: pattern ${schema.pattern} does not compile`);
    }
  }
  for (const keyword of ['minimum', 'maximum', 'multipleOf']) {
    if (schema[keyword] !== undefined && typeof schema[keyword] !== 'number') problems.push(`${where}: ${keyword} must be a number`);
  }
  for (const keyword of ['minItems', 'maxItems', 'minLength', 'maxLength', 'minProperties', 'maxProperties']) {
    if (schema[keyword] !== undefined && !(Number.isInteger(schema[keyword]) && schema[keyword] >= 0))
      problems.push(`${where}: ${keyword} must be a non-negative integer`);
  }
  checkExtensionMark(schema, where, problems);
}

/** `x-gantry-extension` is `true` and the description says it is an extension. */
function checkExtensionMark(node: Record<string, Json>, where: string, problems: string[]): void {
  if (node[EXTENSION] === undefined) return;
  if (node[EXTENSION] !== true) problems.push(`${where}: ${EXTENSION} must be true`);
  if (typeof node.description !== 'string' || !node.description.includes(EXTENSION_WORDING)) {
    problems.push(`${where}: marked ${EXTENSION} but its description does not say so`);
  }
}

function validateContent(doc: Json, content: Json, where: string, problems: string[]): void {
  if (!isObject(content) || Object.keys(content).length === 0) {
    problems.push(`${where}: content must be a non-empty object`);
    return;
  }
  for (const [type, media] of Object.entries(content)) {
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(type)) problems.push(`${where}: '${type}' is not a media type`);
    if (!isObject(media) || media.schema === undefined) problems.push(`${where}.${type}: needs a schema`);
    else validateSchema(doc, media.schema, `${where}.${type}.schema`, problems);
  }
}

function validateHeader(doc: Json, value: Json, where: string, problems: string[]): void {
  const headerObject = deref(doc, value);
  if (!isObject(headerObject)) {
    problems.push(`${where}: header does not resolve`);
    return;
  }
  if (headerObject.name !== undefined || headerObject.in !== undefined) problems.push(`${where}: a Header Object has no name or in`);
  if (headerObject.schema === undefined) problems.push(`${where}: header needs a schema`);
  else validateSchema(doc, headerObject.schema, `${where}.schema`, problems);
}

function validateResponse(doc: Json, value: Json, where: string, problems: string[]): void {
  const response = deref(doc, value);
  if (!isObject(response)) {
    problems.push(`${where}: response does not resolve`);
    return;
  }
  if (typeof response.description !== 'string' || response.description === '') problems.push(`${where}: a response needs a description`);
  for (const key of Object.keys(response)) {
    if (!['description', 'headers', 'content', 'links'].includes(key) && !isExtensionKey(key)) problems.push(`${where}: unexpected key '${key}'`);
  }
  if (response.headers !== undefined) {
    for (const [name, headerValue] of Object.entries(response.headers as Record<string, Json>))
      validateHeader(doc, headerValue, `${where}.headers.${name}`, problems);
  }
  if (response.content !== undefined) validateContent(doc, response.content, `${where}.content`, problems);
}

function validateParameter(doc: Json, value: Json, where: string, problems: string[]): Record<string, Json> | undefined {
  const parameter = deref(doc, value);
  if (!isObject(parameter)) {
    problems.push(`${where}: parameter does not resolve`);
    return undefined;
  }
  if (typeof parameter.name !== 'string' || parameter.name === '') problems.push(`${where}: a parameter needs a name`);
  if (!PARAMETER_LOCATIONS.has(parameter.in)) problems.push(`${where}: parameter in ${JSON.stringify(parameter.in)} is not one of query, header, path, cookie`);
  if (parameter.in === 'path' && parameter.required !== true) problems.push(`${where}: path parameter ${parameter.name} must be required`);
  if (parameter.in === 'header' && ['accept', 'content-type', 'authorization'].includes(String(parameter.name).toLowerCase())) {
    problems.push(`${where}: header parameter ${parameter.name} is ignored by OpenAPI`);
  }
  if ((parameter.schema === undefined) === (parameter.content === undefined)) problems.push(`${where}: a parameter needs exactly one of schema and content`);
  if (parameter.schema !== undefined) validateSchema(doc, parameter.schema, `${where}.schema`, problems);
  return parameter;
}

function validateSecurity(doc: Json, security: Json, where: string, problems: string[]): void {
  if (!Array.isArray(security)) {
    problems.push(`${where}: security must be an array`);
    return;
  }
  const schemes = isObject(doc.components?.securitySchemes) ? doc.components.securitySchemes : {};
  for (const requirement of security) {
    if (!isObject(requirement)) problems.push(`${where}: a security requirement must be an object`);
    else for (const name of Object.keys(requirement)) if (!Object.hasOwn(schemes, name)) problems.push(`${where}: unknown security scheme ${name}`);
  }
}

/** Every `$ref` anywhere in the document, with where it sits. */
function allRefs(node: Json, where: string, found: Array<[string, string]>): Array<[string, string]> {
  if (Array.isArray(node))
    node.forEach((item, i) => {
      allRefs(item, `${where}[${i}]`, found);
    });
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref') found.push([where, String(value)]);
      else allRefs(value, `${where}.${key}`, found);
    }
  }
  return found;
}

/** Structural problems of an OpenAPI 3.0 document; empty when none. */
export function validateDocument(doc: Json): string[] {
  const problems: string[] = [];
  if (!isObject(doc)) return ['the document is not an object'];
  for (const key of Object.keys(doc)) if (!TOP_KEYS.has(key) && !isExtensionKey(key)) problems.push(`unexpected top-level key '${key}'`);
  if (typeof doc.openapi !== 'string' || !/^3\.0\.\d+$/.test(doc.openapi)) problems.push(`openapi ${JSON.stringify(doc.openapi)} is not 3.0.x`);
  if (!isObject(doc.info) || typeof doc.info.title !== 'string' || doc.info.title === '' || typeof doc.info.version !== 'string' || doc.info.version === '') {
    problems.push('info needs a title and a version');
  }
  if (doc.servers !== undefined && (!Array.isArray(doc.servers) || !doc.servers.every((server: Json) => isObject(server) && typeof server.url === 'string'))) {
    problems.push('servers must be an array of objects with a url');
  }
  for (const [where, ref] of allRefs(doc, '#', [])) {
    if (resolvePointer(doc, ref) === undefined) problems.push(`${where}: $ref ${ref} does not resolve`);
  }
  const components = isObject(doc.components) ? doc.components : {};
  for (const kind of Object.keys(components)) if (!COMPONENT_KINDS.has(kind) && !isExtensionKey(kind)) problems.push(`unexpected components key '${kind}'`);
  for (const [name, schema] of Object.entries((components.schemas ?? {}) as Record<string, Json>))
    validateSchema(doc, schema, `components.schemas.${name}`, problems);
  for (const [name, response] of Object.entries((components.responses ?? {}) as Record<string, Json>))
    validateResponse(doc, response, `components.responses.${name}`, problems);
  for (const [name, parameter] of Object.entries((components.parameters ?? {}) as Record<string, Json>))
    validateParameter(doc, parameter, `components.parameters.${name}`, problems);
  for (const [name, headerValue] of Object.entries((components.headers ?? {}) as Record<string, Json>))
    validateHeader(doc, headerValue, `components.headers.${name}`, problems);
  for (const [name, scheme] of Object.entries((components.securitySchemes ?? {}) as Record<string, Json>)) {
    const where = `components.securitySchemes.${name}`;
    if (!isObject(scheme)) problems.push(`${where}: not an object`);
    else if (scheme.type === 'apiKey') {
      if (typeof scheme.name !== 'string' || !['query', 'header', 'cookie'].includes(scheme.in)) problems.push(`${where}: apiKey needs name and in`);
    } else if (scheme.type === 'http') {
      if (typeof scheme.scheme !== 'string') problems.push(`${where}: http needs a scheme`);
    } else if (scheme.type !== 'oauth2' && scheme.type !== 'openIdConnect') problems.push(`${where}: unknown type ${JSON.stringify(scheme.type)}`);
  }
  if (doc.security !== undefined) validateSecurity(doc, doc.security, 'security', problems);
  const tagNames = new Set(Array.isArray(doc.tags) ? doc.tags.map((tag: Json) => tag?.name) : []);

  if (!isObject(doc.paths) || Object.keys(doc.paths).length === 0) {
    problems.push('paths must be a non-empty object');
    return problems;
  }
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    const at = `paths.${path}`;
    if (!path.startsWith('/')) problems.push(`${at}: a path must start with /`);
    if (!isObject(item)) {
      problems.push(`${at}: not an object`);
      continue;
    }
    for (const key of Object.keys(item)) if (!PATH_ITEM_KEYS.has(key) && !isExtensionKey(key)) problems.push(`${at}: unexpected key '${key}'`);
    const templates = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    if (new Set(templates).size !== templates.length) problems.push(`${at}: a template name appears twice`);
    const shared = (item.parameters ?? []) as Json[];
    let operations = 0;
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      operations++;
      const where = `${at}.${method}`;
      if (!isObject(operation)) {
        problems.push(`${where}: not an object`);
        continue;
      }
      for (const key of Object.keys(operation)) if (!OPERATION_KEYS.has(key) && !isExtensionKey(key)) problems.push(`${where}: unexpected key '${key}'`);
      checkExtensionMark(operation, where, problems);
      const id = operation.operationId;
      if (typeof id !== 'string') problems.push(`${where}: no operationId`);
      else {
        if (!OPERATION_ID.test(id)) problems.push(`${where}: operationId ${id} is not a camelCase name`);
        if (operationIds.has(id)) problems.push(`${where}: operationId ${id} is used twice`);
        operationIds.add(id);
      }
      for (const tag of operation.tags ?? []) if (!tagNames.has(tag)) problems.push(`${where}: tag ${tag} is not declared`);
      // Operation parameters override the path item's by name and location.
      const merged = new Map<string, Record<string, Json>>();
      for (const [list, label] of [
        [shared, 'parameters'],
        [(operation.parameters ?? []) as Json[], 'operation parameters'],
      ] as const) {
        const inList = new Set<string>();
        list.forEach((value: Json, i: number) => {
          const parameter = validateParameter(doc, value, `${where}.${label}[${i}]`, problems);
          if (parameter === undefined) return;
          const key = `${parameter.in}:${parameter.name}`;
          if (inList.has(key)) problems.push(`${where}: parameter ${key} is listed twice`);
          inList.add(key);
          merged.set(key, parameter);
        });
      }
      const pathParams = [...merged.values()].filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name as string);
      for (const name of templates) if (!pathParams.includes(name)) problems.push(`${where}: path template {${name}} has no path parameter`);
      for (const name of pathParams) if (!templates.includes(name)) problems.push(`${where}: path parameter ${name} is not in the path`);
      if (operation.requestBody !== undefined) {
        const body = deref(doc, operation.requestBody);
        if (!isObject(body)) problems.push(`${where}.requestBody: does not resolve`);
        else validateContent(doc, body.content, `${where}.requestBody.content`, problems);
      }
      if (!isObject(operation.responses) || Object.keys(operation.responses).length === 0) {
        problems.push(`${where}: needs responses`);
      } else {
        const codes = Object.keys(operation.responses);
        if (!codes.some((code) => /^[23]/.test(code))) problems.push(`${where}: no success response`);
        for (const code of codes) {
          if (!/^([1-5](\d\d|XX)|default)$/.test(code)) problems.push(`${where}: response key ${code} is not a status`);
          validateResponse(doc, operation.responses[code], `${where}.responses.${code}`, problems);
        }
      }
      if (operation.security !== undefined) validateSecurity(doc, operation.security, `${where}.security`, problems);
    }
    if (operations === 0) problems.push(`${at}: no operations`);
  }
  return problems;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

/**
 * Problems of `value` against `schema`, recursively, following `$ref`s. An object property the
 * schema does not list is undocumented unless `additionalProperties` is `true` or a schema (which
 * the value must then fit); a schema without `type` takes anything its other keywords allow.
 */
export function checkValue(doc: Json, schema: Json, value: unknown, where = '$'): string[] {
  const resolved = deref(doc, schema);
  if (!isObject(resolved)) return [`${where}: schema ${JSON.stringify(schema)} does not resolve`];
  if (value === null) {
    if (resolved.nullable === true) return [];
    if (resolved.type !== undefined || resolved.enum !== undefined) return [`${where}: null, but the schema is not nullable`];
  }
  const problems: string[] = [];
  if (Array.isArray(resolved.allOf)) for (const part of resolved.allOf) problems.push(...checkValue(doc, part, value, where));
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(resolved[keyword])) continue;
    const outcomes = resolved[keyword].map((part: Json) => checkValue(doc, part, value, where));
    const matches = outcomes.filter((outcome: string[]) => outcome.length === 0).length;
    if (keyword === 'oneOf' ? matches !== 1 : matches === 0) {
      problems.push(
        `${where}: ${JSON.stringify(value)?.slice(0, 80)} matches ${matches} of the ${keyword} alternatives (${outcomes.map((o: string[]) => o[0] ?? 'ok').join(' | ')})`,
      );
    }
  }
  if (value === null) return problems;
  const { type } = resolved;
  if (typeof type === 'string' && !matchesType(type, value)) return [...problems, `${where}: ${describe(value)}, documented as ${type}`];
  if (Array.isArray(resolved.enum) && !resolved.enum.includes(value))
    problems.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(resolved.enum)}`);
  if (typeof value === 'string') {
    if (resolved.format === 'date-time' && !DATE_TIME.test(value)) problems.push(`${where}: "${value}" is not a date-time`);
    if (resolved.format === 'uuid' && !UUID.test(value)) problems.push(`${where}: "${value}" is not a uuid`);
    if (resolved.format === 'uri' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) problems.push(`${where}: "${value}" is not an absolute URI`);
    if (typeof resolved.pattern === 'string' && !new RegExp(resolved.pattern).test(value))
      problems.push(`${where}: "${value}" does not match ${resolved.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof resolved.minimum === 'number' && value < resolved.minimum) problems.push(`${where}: ${value} is below the minimum ${resolved.minimum}`);
    if (typeof resolved.maximum === 'number' && value > resolved.maximum) problems.push(`${where}: ${value} is above the maximum ${resolved.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof resolved.minItems === 'number' && value.length < resolved.minItems)
      problems.push(`${where}: ${value.length} items, fewer than ${resolved.minItems}`);
    if (typeof resolved.maxItems === 'number' && value.length > resolved.maxItems)
      problems.push(`${where}: ${value.length} items, more than ${resolved.maxItems}`);
    if (resolved.items !== undefined)
      value.forEach((item, i) => {
        problems.push(...checkValue(doc, resolved.items, item, `${where}[${i}]`));
      });
  }
  if (isObject(value) && (resolved.type === 'object' || resolved.properties !== undefined)) {
    const properties = isObject(resolved.properties) ? resolved.properties : {};
    for (const [key, property] of Object.entries(value)) {
      if (Object.hasOwn(properties, key)) problems.push(...checkValue(doc, properties[key], property, `${where}.${key}`));
      else if (isObject(resolved.additionalProperties)) problems.push(...checkValue(doc, resolved.additionalProperties, property, `${where}.${key}`));
      else if (resolved.additionalProperties !== true) problems.push(`${where}.${key}: undocumented property`);
    }
    for (const key of (resolved.required ?? []) as string[]) if (!Object.hasOwn(value, key)) problems.push(`${where}.${key}: required but missing`);
  }
  return problems;
}

/** The documented operation a request hits: literal segments win over templates. */
export function findOperation(doc: Json, method: string, path: string): { template: string; operation: Record<string, Json> } | undefined {
  const segments = path.split('?', 1)[0]!.split('/');
  const candidates = Object.keys(doc.paths ?? {})
    .filter((template) => {
      const parts = template.split('/');
      return parts.length === segments.length && parts.every((part, i) => /^\{[^}]+\}$/.test(part) || part === segments[i]);
    })
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  for (const template of candidates) {
    const operation = doc.paths[template][method.toLowerCase()];
    if (isObject(operation)) return { template, operation };
  }
  return undefined;
}

/** What `checkReply` needs of a response. */
export interface ObservedReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
}

/**
 * Problems of a real response against the document: the operation for `method` and `path` is
 * documented, the status is one of its responses (explicitly: `default` does not count), every
 * header the response documents as required is present, and the body is what the response
 * documents: none when it has no content, else a documented media type whose schema a JSON body fits.
 */
export function checkReply(doc: Json, method: string, path: string, reply: ObservedReply): string[] {
  const found = findOperation(doc, method, path);
  if (found === undefined) return [`${method} ${path}: no documented operation`];
  const { operation, template } = found;
  const label = `${operation.operationId ?? `${method} ${template}`} ${reply.status}`;
  const documented = operation.responses?.[String(reply.status)];
  if (documented === undefined)
    return [`${label}: status ${reply.status} is not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`];
  const response = deref(doc, documented);
  if (!isObject(response)) return [`${label}: the response does not resolve`];
  const problems: string[] = [];
  for (const [name, value] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
    const headerObject = deref(doc, value);
    if (headerObject?.required === true && reply.headers[name.toLowerCase()] === undefined) problems.push(`${label}: required header ${name} is missing`);
  }
  const content = isObject(response.content) ? response.content : {};
  const mediaTypes = Object.keys(content);
  if (reply.raw.length === 0) {
    if (mediaTypes.length > 0 && method.toUpperCase() !== 'HEAD') problems.push(`${label}: documents a body (${mediaTypes.join(', ')}) but there was none`);
    return problems;
  }
  const type = String(reply.headers['content-type'] ?? '')
    .split(';', 1)[0]!
    .trim()
    .toLowerCase();
  if (mediaTypes.length === 0) return [...problems, `${label}: documents no body but got ${reply.raw.length} bytes of ${type}`];
  const media = content[type];
  if (!isObject(media)) return [...problems, `${label}: media type ${type || '(none)'} is not documented (documented: ${mediaTypes.join(', ')})`];
  if (type === 'application/json' || type.endsWith('+json')) {
    let body: unknown;
    try {
      body = JSON.parse(reply.raw.toString('utf8'));
    } catch {
      return [...problems, `${label}: the body is not JSON`];
    }
    problems.push(...checkValue(doc, media.schema, body, `${label} body`));
  } else {
    const schema = deref(doc, media.schema);
    if (schema?.type !== 'string') problems.push(`${label}: a ${type} body documented as ${JSON.stringify(schema)}`);
  }
  return problems;
}

/** Every operation of the document as `METHOD /path/{param}`. */
export function documentedOperations(doc: Json): Array<{ method: string; path: string; operationId: string; operation: Record<string, Json> }> {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((method) => isObject(item[method])).map((method) => ({
      method: method.toUpperCase(),
      path,
      operationId: item[method].operationId,
      operation: item[method],
    })),
  );
}

/**
 * The routes a Fastify app serves, as `{ method, path }` with `:param` segments, read from
 * `printRoutes({ commonPrefix: false })`'s tree (four characters of indentation a level).
 */
export function routesOf(app: FastifyInstance): Array<{ method: string; path: string }> {
  const routes: Array<{ method: string; path: string }> = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (match === null) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack[depth] = match[2]!;
    const path = stack.join('');
    for (const method of match[3]?.split(', ') ?? []) routes.push({ method, path });
  }
  return routes;
}

/** `/v2/images/{image_id}` and `/v2/images/:id` both -> `/v2/images/{}`. */
export const routeShape = (path: string): string => path.replace(/\{[^}]+\}|:[^/]+/g, '{}');
