import type { ContainerSpec } from './container.js';
import { badRequest, invalid, type FieldErrors } from './errors.js';
import { DEFAULT_SPEC, SPEC_CHECKS, checkName, type FieldCheck } from './fields.js';

/**
 * Create and update requests, checked whole before anything is written: every bad field is
 * named in one 400 `{"error": "data validation error", "fields": {...}}`, so a refused request
 * changes nothing. Unknown fields are ignored, as a Go JSON decoder ignores them, and a field
 * that is null counts as not given (Go leaves a nil pointer).
 */

type SpecKey = keyof ContainerSpec;
const SPEC_KEYS = Object.keys(SPEC_CHECKS) as SpecKey[];

/** What a valid create asks for. */
export interface CreateRequest {
  name: string;
  spec: ContainerSpec;
}

const isGiven = (body: Record<string, unknown>, key: string): boolean => body[key] !== undefined && body[key] !== null;

/** Runs one check on `body[key]`, collecting its messages under `key` (or `key.<suffix>`). */
function run<T>(check: FieldCheck<T>, body: Record<string, unknown>, key: string, errors: FieldErrors): { ok: boolean; value: T | undefined } {
  let ok = true;
  const value = check(body[key], (message, suffix) => {
    ok = false;
    errors[suffix === undefined ? key : `${key}.${suffix}`] = message;
  });
  return { ok, value };
}

/** The given spec fields that pass their checks; failures go to `errors`. */
function readSpecFields(body: Record<string, unknown>, errors: FieldErrors): Partial<ContainerSpec> {
  const fields: Partial<Record<SpecKey, unknown>> = {};
  for (const key of SPEC_KEYS) {
    if (!isGiven(body, key)) continue;
    const { ok, value } = run(SPEC_CHECKS[key] as FieldCheck<unknown>, body, key, errors);
    if (ok) fields[key] = value;
  }
  return fields as Partial<ContainerSpec>;
}

/**
 * GPUs and their models go together: with gpu above 0 at least one model is required (reported
 * on `desiredGPUs`); with gpu 0 a list given in this request is refused, and one inherited from
 * the previous revision is dropped. Skipped when either field is already bad.
 */
function settleGpus(spec: ContainerSpec, given: Partial<ContainerSpec>, errors: FieldErrors): ContainerSpec {
  if ('gpu' in errors || 'desiredGPUs' in errors) return spec;
  if (spec.gpu > 0 && spec.desiredGPUs === null) {
    errors.desiredGPUs = 'is required when gpu is greater than 0: list at least one GPU model code, such as ["a100"] (see GET /v1/gpu-models)';
  } else if (spec.gpu === 0 && given.desiredGPUs != null) {
    errors.desiredGPUs = 'must be left out or empty when gpu is 0';
  } else if (spec.gpu === 0) {
    return { ...spec, desiredGPUs: null };
  }
  return spec;
}

/**
 * `POST /v1/containers`: name and image are required; everything else has a default
 * (fields.ts DEFAULT_SPEC). `nameTaken` tells whether the caller already uses a name.
 */
export function validateCreate(body: Record<string, unknown>, nameTaken: (name: string) => boolean): CreateRequest {
  const errors: FieldErrors = {};
  let name: string | undefined;
  if (!isGiven(body, 'name')) errors.name = 'is required';
  else {
    name = run(checkName, body, 'name', errors).value;
    if (name !== undefined && nameTaken(name)) errors.name = `you already have a container named "${name}"`;
  }
  if (!isGiven(body, 'image')) errors.image = 'is required';
  const given = readSpecFields(body, errors);
  const spec = settleGpus({ ...DEFAULT_SPEC, image: '', ...given }, given, errors);
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return { name: name!, spec };
}

/** The request fields an update understands: the spec's and `name`. */
const UPDATE_KEYS: readonly string[] = ['name', ...SPEC_KEYS];

/**
 * `PUT /v1/containers/{id}`: a partial body. Each given field replaces the current value whole
 * (`env` included: the new map replaces the old one); the rest is kept. At least one known
 * field must be given (400 `no fields to update` otherwise); the same values again are fine and
 * redeploy. `name` cannot change: the same name is accepted, another one refused.
 */
export function validateUpdate(body: Record<string, unknown>, current: { name: string; spec: ContainerSpec }): ContainerSpec {
  if (!UPDATE_KEYS.some((key) => isGiven(body, key))) {
    throw badRequest(`no fields to update: give at least one of ${UPDATE_KEYS.join(', ')}`);
  }
  const errors: FieldErrors = {};
  if (isGiven(body, 'name') && body.name !== current.name) errors.name = 'cannot be changed after the container is created';
  const given = readSpecFields(body, errors);
  const spec = settleGpus({ ...current.spec, ...given }, given, errors);
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return spec;
}
