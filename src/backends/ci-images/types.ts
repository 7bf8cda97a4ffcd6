import { obj, strictNum as int, str, type Raw, upstreamRecord } from '../raw-values.js';
/**
 * Upstream shapes of the CI image service (Djinn CI) and their normalized form. `author`,
 * `user` and `namespace` appear only when set; unknown fields are ignored.
 */

export interface CiUserRecord {
  id: number;
  email: string | null;
  username: string;
  createdAt: string | null;
}

export interface CiNamespaceRecord {
  id: number;
  userId: number | null;
  name: string;
  path: string;
  description: string | null;
  visibility: string | null;
  createdAt: string | null;
}

export interface CiImageRecord {
  id: number;
  authorId: number | null;
  userId: number | null;
  namespaceId: number | null;
  driver: string;
  name: string;
  createdAt: string;
  author: CiUserRecord | null;
  user: CiUserRecord | null;
  namespace: CiNamespaceRecord | null;
}

function normalizeUser(raw: Raw | null): CiUserRecord | null {
  if (!raw || int(raw.id) === null) return null;
  return { id: int(raw.id)!, email: str(raw.email), username: str(raw.username) ?? '', createdAt: str(raw.created_at) };
}

function normalizeNamespace(raw: Raw | null): CiNamespaceRecord | null {
  if (!raw || int(raw.id) === null) return null;
  return {
    id: int(raw.id)!,
    userId: int(raw.user_id),
    name: str(raw.name) ?? '',
    path: str(raw.path) ?? str(raw.name) ?? '',
    description: str(raw.description),
    visibility: str(raw.visibility),
    createdAt: str(raw.created_at),
  };
}

export function normalizeCiImage(value: unknown): CiImageRecord {
  const raw = upstreamRecord(value, 'ciImages', 'integer');
  return {
    id: int(raw.id) ?? 0,
    authorId: int(raw.author_id),
    userId: int(raw.user_id),
    namespaceId: int(raw.namespace_id),
    driver: str(raw.driver) ?? 'qemu',
    name: str(raw.name) ?? '',
    createdAt: str(raw.created_at) ?? new Date(0).toISOString(),
    author: normalizeUser(obj(raw.author)),
    user: normalizeUser(obj(raw.user)),
    namespace: normalizeNamespace(obj(raw.namespace)),
  };
}
