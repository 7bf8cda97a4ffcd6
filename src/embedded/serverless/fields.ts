import { isObject } from '../http.js';
import type { ContainerSpec } from './container.js';
import { isGpuModelCode } from './gpu-models.js';
import { checkImageReference } from '../../formats/image-reference.js';
import { quantityProblem, type QuantityBounds } from '../../formats/k8s-quantity.js';

/**
 * One check per request field: each reads a JSON value (never null or undefined: the caller
 * treats those as "not given") and returns the value to store, or reports what is wrong. Every
 * check runs, so a request hears about all its bad fields at once.
 */

/** Reports a message for the field, or for `field.<suffix>` (one bad env variable). */
type Report = (message: string, suffix?: string) => void;
export type FieldCheck<T> = (value: unknown, report: Report) => T | undefined;

/** Reports `message` and yields no value: `return fail(report, '…')`. */
function fail(report: Report, message: string): undefined {
  report(message);
  return undefined;
}

const Mi = 2 ** 20;
const Gi = 2 ** 30;

/** Resource bounds: what one container may ask for. */
export const LIMITS = Object.freeze({
  cpu: { min: 0.001, max: 64 },
  gpu: { max: 8 },
  ram: { min: 32 * Mi, max: 256 * Gi, label: 'between 32Mi and 256Gi' } satisfies QuantityBounds,
  ephemeralStorage: { min: 64 * Mi, max: 1024 * Gi, label: 'between 64Mi and 1Ti' } satisfies QuantityBounds,
});

/** What a create leaves out gets these. */
export const DEFAULT_SPEC: Readonly<Omit<ContainerSpec, 'image'>> = Object.freeze({
  cpu: 1,
  ram: '512Mi',
  gpu: 0,
  ephemeralStorage: '1Gi',
  command: null,
  arguments: null,
  env: {},
  port: '8080',
  desiredGPUs: null,
});

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PORT = /^[1-9]\d{0,4}$/;

export const checkName: FieldCheck<string> = (value, report) => {
  if (typeof value !== 'string') return fail(report, 'must be a string');
  if (value.length > 63 || !DNS_LABEL.test(value)) {
    return fail(report, "must be a DNS-1123 label: 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit");
  }
  return value;
};

const checkImage: FieldCheck<string> = (value, report) => {
  if (typeof value !== 'string') return fail(report, 'must be a string');
  if (value === '') return fail(report, 'is required');
  const check = checkImageReference(value);
  if (!check.ok) return fail(report, check.message);
  return value;
};

const checkCpu: FieldCheck<number> = (value, report) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(report, 'must be a number of CPU cores, such as 1 or 0.5');
  if (value <= 0) return fail(report, 'must be greater than 0');
  if (value < LIMITS.cpu.min) return fail(report, `must be at least ${LIMITS.cpu.min} (one millicore)`);
  if (value > LIMITS.cpu.max) return fail(report, `must be at most ${LIMITS.cpu.max}`);
  return value;
};

const quantityCheck =
  (bounds: QuantityBounds): FieldCheck<string> =>
  (value, report) => {
    const problem = quantityProblem(value, bounds);
    if (problem !== undefined) return fail(report, problem);
    return value as string;
  };
const checkRam = quantityCheck(LIMITS.ram);
const checkEphemeralStorage = quantityCheck(LIMITS.ephemeralStorage);

const checkGpu: FieldCheck<number> = (value, report) => {
  if (typeof value !== 'number' || !Number.isInteger(value)) return fail(report, 'must be a whole number of GPUs');
  if (value < 0) return fail(report, 'must not be negative');
  if (value > LIMITS.gpu.max) return fail(report, `must be at most ${LIMITS.gpu.max}`);
  return value;
};

/** An empty string means no command override (stored as null). */
const checkCommand: FieldCheck<string | null> = (value, report) => {
  if (typeof value !== 'string') return fail(report, 'must be a string or null');
  return value === '' ? null : value;
};

/** An empty list means no argument override (stored as null). */
const checkArguments: FieldCheck<string[] | null> = (value, report) => {
  if (!Array.isArray(value)) return fail(report, 'must be an array of strings or null');
  const bad = value.findIndex((item) => typeof item !== 'string');
  if (bad >= 0) return fail(report, `must be an array of strings: item ${bad} is not a string`);
  return value.length === 0 ? null : [...(value as string[])];
};

/** A whole map of variables; each bad one is reported under `env.<NAME>`. */
const checkEnv: FieldCheck<Record<string, string>> = (value, report) => {
  if (!isObject(value)) return fail(report, 'must be an object of string values, such as {"FOO": "bar"}');
  let ok = true;
  for (const [name, item] of Object.entries(value)) {
    if (!ENV_NAME.test(name)) {
      report(`"${name}" is not a valid environment variable name: letters, digits and '_', not starting with a digit`, name);
      ok = false;
    } else if (typeof item !== 'string') {
      report('must be a string', name);
      ok = false;
    }
  }
  // fromEntries defines own properties, so even a `__proto__` variable stays an ordinary key.
  return ok ? Object.fromEntries(Object.entries(value as Record<string, string>)) : undefined;
};

const checkPort: FieldCheck<string> = (value, report) => {
  if (typeof value !== 'string') return fail(report, 'must be a string such as "80"');
  if (!PORT.test(value) || Number(value) > 65535) return fail(report, 'must be a port number from "1" to "65535"');
  return value;
};

/** A list of GPU model codes (GET /v1/gpu-models), each once; an empty list is stored as null. */
const checkDesiredGpus: FieldCheck<string[] | null> = (value, report) => {
  if (!Array.isArray(value)) return fail(report, 'must be an array of GPU model codes, such as ["a100"]');
  const seen = new Set<string>();
  for (const code of value) {
    if (typeof code !== 'string') return fail(report, 'must be an array of GPU model codes, such as ["a100"]');
    if (!isGpuModelCode(code)) return fail(report, `"${code}" is not a GPU model code (see GET /v1/gpu-models)`);
    if (seen.has(code)) return fail(report, `lists "${code}" more than once`);
    seen.add(code);
  }
  return value.length === 0 ? null : [...(value as string[])];
};

/** The spec fields a request may set, with their checks, in the order fields are reported. */
export const SPEC_CHECKS: { readonly [K in keyof ContainerSpec]: FieldCheck<ContainerSpec[K]> } = {
  image: checkImage,
  cpu: checkCpu,
  ram: checkRam,
  gpu: checkGpu,
  ephemeralStorage: checkEphemeralStorage,
  command: checkCommand,
  arguments: checkArguments,
  env: checkEnv,
  port: checkPort,
  desiredGPUs: checkDesiredGpus,
};
