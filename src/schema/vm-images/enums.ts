import {
  COMPARISON_OPERATORS,
  CONTAINER_FORMATS,
  DISK_FORMATS,
  MEMBER_STATUSES,
  SORT_KEYS,
  VM_IMAGE_STATUSES,
  VM_IMAGE_VISIBILITIES,
} from '../../backends/vm-images/types.js';
import { builder } from '../builder.js';
import { upperValues } from '../enum-values.js';

const STATUS_TEXT: Record<(typeof VM_IMAGE_STATUSES)[number], string> = {
  queued: 'Created, no data uploaded yet.',
  saving: 'Data is being uploaded.',
  active: 'Data uploaded; the image can boot.',
  killed: 'An upload failed; the image has no usable data.',
  deleted: 'Deleted; kept only as a record.',
  pending_delete: 'Deleted; data not yet scrubbed.',
  deactivated: 'Data downloads are refused, except to admins.',
  uploading: 'Data is being staged for import.',
  importing: 'Staged data is being imported.',
};

export const VmImageStatusEnum = builder.enumType('VmImageStatus', {
  description: 'Lifecycle state of a VM image.',
  values: upperValues(VM_IMAGE_STATUSES, (v) => STATUS_TEXT[v]),
});

export const VmImageVisibilityEnum = builder.enumType('VmImageVisibility', {
  description: 'Who can see a VM image.',
  values: upperValues(
    VM_IMAGE_VISIBILITIES,
    (v) =>
      ({
        public: 'Every project.',
        private: 'Only the owning project.',
        shared: 'The owning project and the projects it is shared with.',
        community: 'Every project that asks for community images.',
      })[v],
  ),
});

export const VmImageVisibilityFilterEnum = builder.enumType('VmImageVisibilityFilter', {
  description: 'Visibility to list; ALL lists every visibility the caller may see.',
  values: { ...upperValues(VM_IMAGE_VISIBILITIES, (v) => `Only ${v} images.`), ALL: { value: 'all' as const, description: 'Every visibility.' } },
});

export const ContainerFormatEnum = builder.enumType('ContainerFormat', {
  description: 'Container format of an image file (`BARE` for none).',
  values: upperValues(CONTAINER_FORMATS, (v) => `The ${v} container format.`),
});

export const DiskFormatEnum = builder.enumType('DiskFormat', {
  description: 'Disk format of an image file.',
  values: upperValues(DISK_FORMATS, (v) => `The ${v} disk format.`),
});

export const MemberStatusEnum = builder.enumType('VmImageMemberStatus', {
  description: 'For images shared with the caller: which membership states to list.',
  values: upperValues(MEMBER_STATUSES, (v) =>
    v === 'all' ? 'Every membership state.' : `Memberships the caller has ${v === 'pending' ? 'not yet answered' : v}.`,
  ),
});

export const VmImageSortKeyEnum = builder.enumType('VmImageSortKey', {
  description: 'Attributes a VM image list can be sorted by.',
  values: upperValues(SORT_KEYS, (v) => `Sort by ${v.replace('_', ' ')}.`),
});

export const SortDirectionEnum = builder.enumType('SortDirection', {
  description: 'Sort order.',
  values: { ASC: { value: 'asc' as const, description: 'Ascending.' }, DESC: { value: 'desc' as const, description: 'Descending.' } },
});

export const ComparisonOperatorEnum = builder.enumType('ComparisonOperator', {
  description: 'How a date-time filter compares.',
  values: upperValues(
    COMPARISON_OPERATORS,
    (v) => ({ gt: 'Later than.', gte: 'At or later than.', eq: 'Exactly at.', neq: 'Not at.', lt: 'Earlier than.', lte: 'At or earlier than.' })[v],
  ),
});
