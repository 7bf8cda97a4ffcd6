import { z } from 'zod';
import { GLANCE_LIST_PARAMETERS, notACustomProperty, type SortKey, type VmImageListParams } from '../../backends/vm-images/types.js';
import { builder } from '../builder.js';
import { inputRules, nonNegativeInt } from '../input-rules.js';
import { ComparisonOperatorEnum, MemberStatusEnum, SortDirectionEnum, VmImageSortKeyEnum, VmImageStatusEnum, VmImageVisibilityFilterEnum } from './enums.js';

/** Inputs of the `vmImages` list and their translation into Glance query parameters. */

const propertyName = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may contain letters, digits, "_", ".", ":" and "-" only');

/** Property filters become query parameters of their own names: none may be one of the list's own. */
const propertyFilters = z
  .array(z.object({ name: z.string(), value: z.string() }))
  .max(20, 'at most 20 property filters')
  .superRefine((filters, ctx) => {
    const seen = new Set<string>();
    for (const { name } of filters) {
      if (GLANCE_LIST_PARAMETERS.has(name) || notACustomProperty(name))
        ctx.addIssue({ code: 'custom', message: `"${name}" is one of Glance's own parameters, not a custom property` });
      else if (seen.has(name)) ctx.addIssue({ code: 'custom', message: `"${name}" is given twice` });
      seen.add(name);
    }
  });

/** A property's rules, checked by each input that holds properties (input-rules.ts, inputRules). */
export const propertyRule = inputRules({ name: propertyName, value: z.string().max(255, 'must be at most 255 characters') });

export const VmImagePropertyInput = builder.inputType('VmImagePropertyInput', {
  description: 'A custom image property (`os_distro = ubuntu`).',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Property name.' }),
    value: t.string({ required: true, description: 'Property value.' }),
  }),
});

const DateTimeComparisonInput = builder.inputType('DateTimeComparison', {
  description: 'Compares a date-time attribute with a value (`{ op: GTE, value: "2024-01-01T00:00:00Z" }`).',
  fields: (t) => ({
    op: t.field({ type: ComparisonOperatorEnum, required: true, description: 'How to compare.' }),
    value: t.field({ type: 'DateTime', required: true, description: 'The instant to compare with.' }),
  }),
});

export const VmImageFilterInput = builder.inputType('VmImageFilter', {
  description: 'Filters for `vmImages`; all given filters must match.',
  validate: inputRules({ properties: z.array(propertyRule).pipe(propertyFilters) }),
  fields: (t) => ({
    name: t.string({ description: 'Exact name.', validate: z.string().max(255, 'must be at most 255 characters') }),
    names: t.stringList({ description: 'Any of these exact names.', validate: z.array(z.string().max(255)).max(100, 'at most 100 names') }),
    owner: t.string({ description: 'Owning project ID.' }),
    protected: t.boolean({ description: 'Only protected (true) or unprotected (false) images.' }),
    status: t.field({ type: VmImageStatusEnum, description: 'Lifecycle state.' }),
    tags: t.stringList({ description: 'Images carrying every one of these tags.', validate: z.array(z.string().min(1).max(255)).max(20, 'at most 20 tags') }),
    visibility: t.field({ type: VmImageVisibilityFilterEnum, description: 'Visibility; by default every visibility the caller sees in its own list.' }),
    osHidden: t.boolean({ description: 'true lists only hidden images; hidden images are left out by default.' }),
    memberStatus: t.field({ type: MemberStatusEnum, description: 'For shared images: membership state (default ACCEPTED).' }),
    sizeMin: t.field({ type: 'SafeInt', description: 'Smallest data size in bytes.', validate: nonNegativeInt }),
    sizeMax: t.field({ type: 'SafeInt', description: 'Largest data size in bytes.', validate: nonNegativeInt }),
    createdAt: t.field({ type: DateTimeComparisonInput, description: 'Compare the creation time.' }),
    updatedAt: t.field({ type: DateTimeComparisonInput, description: 'Compare the last update time.' }),
    properties: t.field({
      type: [VmImagePropertyInput],
      description: "Custom properties that must have these values (each name once, and not one of Glance's own list parameters or attributes).",
    }),
  }),
});

export const VmImageSortInput = builder.inputType('VmImageSort', {
  description: 'One sort criterion; several apply in order.',
  fields: (t) => ({
    key: t.field({ type: VmImageSortKeyEnum, required: true, description: 'Attribute to sort by.' }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'desc', description: 'Direction (default DESC).' }),
  }),
});

type FilterShape = typeof VmImageFilterInput.$inferInput;
type SortShape = typeof VmImageSortInput.$inferInput;

/** Glance takes seconds and `Z`; the DateTime scalar already normalized to UTC. */
function glanceTime(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z');
}

/** Newest first, as Glance does by default, with the id as an explicit tie-breaker. */
const DEFAULT_SORT: Array<[SortKey, 'asc' | 'desc']> = [['created_at', 'desc']];

/**
 * The sort sent upstream. The id is always the last key, so marker paging is stable and
 * walking backwards (every direction flipped) visits exactly the same order in reverse.
 */
export function sortParams(sort: readonly SortShape[] | null | undefined, reverse: boolean): Array<[SortKey, 'asc' | 'desc']> {
  const keys: Array<[SortKey, 'asc' | 'desc']> = sort?.length ? sort.map((s) => [s.key, s.direction ?? 'desc']) : [...DEFAULT_SORT];
  if (!keys.some(([key]) => key === 'id')) keys.push(['id', keys.at(-1)![1]]);
  return reverse ? keys.map(([key, dir]) => [key, dir === 'asc' ? 'desc' : 'asc']) : keys;
}

export function filterParams(filter: FilterShape | null | undefined): VmImageListParams {
  if (!filter) return {};
  const params: VmImageListParams = {};
  if (filter.name != null) params.name = filter.name;
  if (filter.names?.length) params.names = filter.names;
  if (filter.owner != null) params.owner = filter.owner;
  if (filter.protected != null) params.protected = filter.protected;
  if (filter.status != null) params.status = filter.status;
  if (filter.tags?.length) params.tags = filter.tags;
  if (filter.visibility != null) params.visibility = filter.visibility;
  if (filter.osHidden != null) params.osHidden = filter.osHidden;
  if (filter.memberStatus != null) params.memberStatus = filter.memberStatus;
  if (filter.sizeMin != null) params.sizeMin = filter.sizeMin;
  if (filter.sizeMax != null) params.sizeMax = filter.sizeMax;
  if (filter.createdAt) params.createdAt = { op: filter.createdAt.op, value: glanceTime(filter.createdAt.value) };
  if (filter.updatedAt) params.updatedAt = { op: filter.updatedAt.op, value: glanceTime(filter.updatedAt.value) };
  if (filter.properties?.length) params.properties = filter.properties;
  return params;
}
