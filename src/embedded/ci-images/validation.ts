import { parseQcow2Header } from '../qcow2.js';
import type { Caller } from './access.js';
import { addFieldError, type FieldErrors } from './errors.js';
import type { Namespace } from './image.js';
import type { CiImageStore } from './store.js';

/**
 * What Djinn checks in an image upload, with its field messages: the name (required, its
 * character rule, unique per owner and namespace), the namespace (it must exist and the caller
 * must be able to write to it), and the file (sent raw, a QCOW2 image, or bzip2 when the
 * server can decompress it). Every problem is collected into one 400 field map.
 */

/** Djinn's image name rule. */
const NAME = /^[a-zA-Z0-9_-]+$/;
const BZIP2_MAGIC = Buffer.from('BZh', 'latin1');

/** The field messages: Djinn's wording where Djinn has the case. */
export const MESSAGES = {
  nameRequired: 'Name is required',
  nameInvalid: 'Name can only contain letters, numbers, dashes, and underscores',
  nameTaken: 'Name already exists',
  namespaceNotFound: 'Namespace not found',
  fileRequired: 'File is required',
  fileNotQcow: 'File not a valid QCOW file format',
  bzip2Unsupported: 'bzip2 images are not supported by this server',
  bzip2Invalid: 'File not a valid bzip2 file',
  fileNotRaw: (type: string) => `File must be sent as the request body, not as ${type}`,
} as const;

/** True when a body starts with the bzip2 magic `BZh`. */
export function isBzip2(head: Buffer): boolean {
  return head.length >= BZIP2_MAGIC.length && head.subarray(0, BZIP2_MAGIC.length).equals(BZIP2_MAGIC);
}

/** A QCOW2 header check on the first bytes of the (decompressed) file: the field message, or undefined when fine. */
export function fileProblem(head: Buffer): string | undefined {
  if (head.length === 0) return MESSAGES.fileRequired;
  return parseQcow2Header(head) === undefined ? MESSAGES.fileNotQcow : undefined;
}

/** The body's first bytes: bzip2 (when it can be decompressed here) or a QCOW2 file. */
export function bodyProblem(head: Buffer, canBunzip2: boolean): string | undefined {
  if (isBzip2(head)) return canBunzip2 ? undefined : MESSAGES.bzip2Unsupported;
  return fileProblem(head);
}

/** The request's media type, when it says the file did not come as the raw body. */
export function mediaTypeProblem(type: string): string | undefined {
  return type.startsWith('multipart/') || type === 'application/json' ? MESSAGES.fileNotRaw(type) : undefined;
}

/**
 * `?namespace=path[@owner]` as Djinn parses it: the namespace `path` of `owner` (a username;
 * the caller when left out). It must exist and the caller must own it or collaborate on it.
 */
function resolveNamespace(store: CiImageStore, caller: Caller, raw: string): Namespace | undefined {
  const at = raw.indexOf('@');
  const path = at < 0 ? raw : raw.slice(0, at);
  const ownerId = at < 0 ? caller.userId : store.userByUsername(raw.slice(at + 1))?.id;
  if (ownerId === undefined) return undefined;
  const namespace = store.namespaceByPath(ownerId, path);
  return namespace !== undefined && store.canWriteTo(caller.userId, namespace) ? namespace : undefined;
}

/** The upload's query (`name`, `namespace`): where the image goes, its problems added to `errors`. */
export function checkForm(
  store: CiImageStore,
  caller: Caller,
  query: URLSearchParams,
  errors: FieldErrors,
): { name: string; ownerId: number; namespaceId: number | null } {
  const namespacePath = query.get('namespace') ?? '';
  const namespace = namespacePath === '' ? undefined : resolveNamespace(store, caller, namespacePath);
  if (namespacePath !== '' && namespace === undefined) addFieldError(errors, 'namespace', MESSAGES.namespaceNotFound);
  const ownerId = namespace?.user_id ?? caller.userId;
  const namespaceId = namespace?.id ?? null;

  const name = query.get('name') ?? '';
  if (name === '') addFieldError(errors, 'name', MESSAGES.nameRequired);
  else if (!NAME.test(name)) addFieldError(errors, 'name', MESSAGES.nameInvalid);
  else if ((namespacePath === '' || namespace !== undefined) && store.nameTaken(name, ownerId, namespaceId)) {
    addFieldError(errors, 'name', MESSAGES.nameTaken);
  }
  return { name, ownerId, namespaceId };
}
