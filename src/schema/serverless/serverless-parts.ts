import { type EnvVarRecord, REVISION_STATUSES, SERVERLESS_STATUSES } from '../../backends/serverless/types.js';
import { parseQuantity } from '../../formats/k8s-quantity.js';
import { builder } from '../builder.js';
import { upperValues } from '../enum-values.js';

/** Enums, quantities and env pairs shared by ServerlessContainer and ContainerRevision. */

export const ServerlessStatusEnum = builder.enumType('ServerlessStatus', {
  description: "Where a serverless container's latest revision stands.",
  values: upperValues(
    SERVERLESS_STATUSES,
    (v) =>
      ({
        deploying: 'The latest revision is being deployed.',
        deployed: 'The latest revision serves.',
        failed: 'The latest revision failed to deploy; an earlier ready revision, if any, still serves.',
      })[v],
  ),
});

export const RevisionStatusEnum = builder.enumType('RevisionStatus', {
  description: 'Where one revision stands.',
  values: upperValues(
    REVISION_STATUSES,
    (v) =>
      ({
        deploying: 'Being deployed.',
        ready: 'Deployed and able to serve.',
        failed: 'Could not be deployed (say, its image does not exist).',
      })[v],
  ),
});

/** A Kubernetes quantity as the service gave it. */
export interface Quantity {
  text: string;
}

export const ResourceQuantity = builder.objectRef<Quantity>('ResourceQuantity').implement({
  description: 'An amount of memory or storage: the Kubernetes quantity as given ("512Mi", "1Gi") and its value in bytes.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'As given to the service, e.g. "512Mi".' }),
    bytes: t.field({
      type: 'SafeInt',
      nullable: true,
      description: 'The amount in bytes (rounded up); null when the service sent something that is not a quantity.',
      resolve: (q) => {
        const bytes = parseQuantity(q.text);
        return bytes === undefined || bytes < 0 || !Number.isSafeInteger(Math.ceil(bytes)) ? null : Math.ceil(bytes);
      },
    }),
  }),
});

export const quantity = (text: string | null): Quantity | null => (text === null ? null : { text });

export const EnvVar = builder.objectRef<EnvVarRecord>('EnvVar').implement({
  description: 'One environment variable of a container.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Variable name.' }),
    value: t.exposeString('value', { description: 'Its value.' }),
  }),
});

export const EnvVarInput = builder.inputType('EnvVarInput', {
  description: 'One environment variable to set.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Variable name: letters, digits and `_`, not starting with a digit.' }),
    value: t.string({ required: true, description: 'Its value.' }),
  }),
});
