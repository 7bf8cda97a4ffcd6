import { z } from 'zod';
import type { ServerlessWriteBody } from '../../backends/serverless/client.js';
import { checkImageReference } from '../../formats/image-reference.js';
import { parseQuantity } from '../../formats/k8s-quantity.js';
import type { GantrySchemaTypes } from '../builder.js';
import { nonNegativeInt, portNumber } from '../input-rules.js';
import { EnvVarInput } from './serverless-parts.js';

/**
 * The fields of the create and update inputs, checked before any call so a bad form gets every
 * field error at once and the service is not bothered: the image must carry its tag (the
 * service assumes no `latest`), quantities must be Kubernetes quantities, the port a TCP port,
 * env names valid variable names. Bounds the gateway cannot know (the largest cpu or ram a plan
 * allows, whether a GPU model exists) come back from the service as field errors on the same
 * paths.
 */

const imageSchema = z.string().superRefine((image, ctx) => {
  const check = checkImageReference(image);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
});

const quantitySchema = z.string().superRefine((text, ctx) => {
  const bytes = parseQuantity(text);
  if (bytes === undefined) ctx.addIssue({ code: 'custom', message: `"${text}" is not a Kubernetes quantity: use e.g. "512Mi", "1Gi" or "500M"` });
  else if (bytes <= 0) ctx.addIssue({ code: 'custom', message: 'must be more than 0' });
});

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const envSchema = z
  .array(z.object({ name: z.string().regex(ENV_NAME, 'must be letters, digits and "_", not starting with a digit'), value: z.string() }))
  .superRefine((vars, ctx) => {
    const seen = new Set<string>();
    vars.forEach((v, i) => {
      if (seen.has(v.name)) ctx.addIssue({ code: 'custom', message: `"${v.name}" is set twice`, path: [i, 'name'] });
      seen.add(v.name);
    });
  });

/** The rules of the spec fields, for the create and update inputs' own rules (input-rules.ts, inputRules). */
export const serverlessSpecRules = {
  image: imageSchema,
  cpu: z.number().positive('must be more than 0'),
  ram: quantitySchema,
  ephemeralStorage: quantitySchema,
  gpu: nonNegativeInt,
  gpuModels: z.array(z.string().min(1, 'must not be empty')),
  port: portNumber,
  env: envSchema,
};

export function serverlessSpecFields(t: PothosSchemaTypes.InputFieldBuilder<GantrySchemaTypes, 'InputObject'>, creating: boolean) {
  return {
    image: t.string({
      required: creating,
      description: 'Image reference with an explicit tag or digest ("nginxdemos/hello:0.4"): no tag does not mean latest.',
    }),
    cpu: t.float({ description: 'CPU cores, more than 0 (fractions allowed; default 1).' }),
    ram: t.string({ description: 'Memory as a Kubernetes quantity ("512Mi", "1Gi").' }),
    ephemeralStorage: t.string({ description: 'Scratch disk as a Kubernetes quantity ("10Gi").' }),
    gpu: t.int({ description: 'GPUs (default 0); more than 0 needs `gpuModels`.' }),
    gpuModels: t.stringList({ description: 'GPU model codes to run on (see `gpuModels`), e.g. ["a100"].' }),
    port: t.int({ description: 'The TCP port it listens on (1..65535).' }),
    env: t.field({ type: [EnvVarInput], description: 'Environment variables; on update, the list replaces the old one.' }),
    command: t.string({ description: "Command that replaces the image's entrypoint." }),
    arguments: t.stringList({ description: 'Arguments to the command.' }),
  };
}

export interface ServerlessSpecInput {
  image?: string | null;
  cpu?: number | null;
  ram?: string | null;
  ephemeralStorage?: string | null;
  gpu?: number | null;
  gpuModels?: string[] | null;
  port?: number | null;
  env?: Array<{ name: string; value: string }> | null;
  command?: string | null;
  arguments?: string[] | null;
}

/** The request body: only the fields given, in the service's names and forms (the port as a string). */
export function toWriteBody(input: ServerlessSpecInput & { name?: string | null }): ServerlessWriteBody {
  const body: ServerlessWriteBody = {};
  if (input.name != null) body.name = input.name;
  if (input.image != null) body.image = input.image;
  if (input.cpu != null) body.cpu = input.cpu;
  if (input.ram != null) body.ram = input.ram;
  if (input.ephemeralStorage != null) body.ephemeralStorage = input.ephemeralStorage;
  if (input.gpu != null) body.gpu = input.gpu;
  if (input.gpuModels != null) body.desiredGPUs = input.gpuModels;
  if (input.port != null) body.port = String(input.port);
  if (input.env != null) body.env = Object.fromEntries(input.env.map((v) => [v.name, v.value]));
  if (input.command != null) body.command = input.command;
  if (input.arguments != null) body.arguments = input.arguments;
  return body;
}

/** GPUs need a model: refused on create, where the whole spec is in the input (a zod refinement of the create input's rules). */
export function gpuNeedsModel(input: { gpu?: number | null | undefined; gpuModels?: string[] | null | undefined }, ctx: z.RefinementCtx): void {
  if ((input.gpu ?? 0) > 0 && !input.gpuModels?.length) {
    ctx.addIssue({ code: 'custom', path: ['gpuModels'], message: 'needs at least one GPU model when gpu is more than 0' });
  }
}

/** Where a field the service names sits in the input: `desiredGPUs` is `gpuModels`, `env.FOO` the entry named FOO. */
export function inputPathFor(input: ServerlessSpecInput): (field: string) => string[] {
  return (field) => {
    if (field === 'desiredGPUs') return ['input', 'gpuModels'];
    if (field.startsWith('env.')) {
      const index = input.env?.findIndex((v) => v.name === field.slice(4)) ?? -1;
      return index >= 0 ? ['input', 'env', String(index), 'name'] : ['input', 'env'];
    }
    return ['input', field.split('.')[0]!];
  };
}
