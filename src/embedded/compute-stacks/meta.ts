import type { EmbeddedDatabase } from '../db.js';

/** Service-level markers (`seeded`, …) in the `cs_meta` table both ComputeStacks services share. */
export function getMeta(db: EmbeddedDatabase, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM cs_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: EmbeddedDatabase, key: string, value: string): void {
  db.prepare('INSERT INTO cs_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
