import type { Principal } from '../principals.js';
import type { ImageRecord } from './image.js';
import type { ListQuery } from './list-query.js';
import { afterMarker } from './paging.js';

/** A SQL condition on the images table (alias `i`): fixed text, user values only in `params`. */
export interface Condition {
  sql: string;
  params: unknown[];
}

/**
 * Which images a list may return, as Glance's `_select_images_query` builds it: admin sees all
 * but other projects' community images (unless asked for a visibility);
 * anyone else sees their project's images, public ones, shared ones where their project is a
 * member with `member_status`, and community ones only when they ask for community (or all).
 */
function visibilityCondition(principal: Principal, query: ListQuery): Condition | undefined {
  if (principal.isAdmin) {
    // An admin's default list leaves out other projects' community images, as Glance's does.
    return query.visibility === undefined ? { sql: "(i.visibility != 'community' OR i.owner = ?)", params: [principal.projectId] } : undefined;
  }
  const memberFilter = query.memberStatus === 'all' ? '' : ' AND m.status = ?';
  const memberParams = query.memberStatus === 'all' ? [] : [query.memberStatus];
  const community = query.visibility === 'community' || query.visibility === 'all' ? " OR i.visibility = 'community'" : '';
  return {
    sql:
      `(i.owner = ? OR i.visibility = 'public'${community} OR (i.visibility = 'shared' AND EXISTS ` +
      `(SELECT 1 FROM vm_image_members m WHERE m.image_id = i.id AND m.member_project = ?${memberFilter})))`,
    params: [principal.projectId, principal.projectId, ...memberParams],
  };
}

/** The SELECT for one page (limit + 1 rows). Column names come from whitelists; values are parameters. */
export function listSql(principal: Principal, query: ListQuery, marker: ImageRecord | undefined): { sql: string; params: unknown[] } {
  const conditions = [...query.conditions];
  const visible = visibilityCondition(principal, query);
  if (visible !== undefined) conditions.push(visible);
  if (marker !== undefined) conditions.push(afterMarker(query.sort, marker));
  const where = conditions.length > 0 ? `WHERE ${conditions.map((c) => c.sql).join(' AND ')}` : '';
  const order = query.sort.map(({ key, dir }) => `i.${key} ${dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
  return {
    sql: `SELECT i.* FROM vm_images i ${where} ORDER BY ${order} LIMIT ?`,
    params: [...conditions.flatMap((c) => c.params), query.limit + 1],
  };
}
