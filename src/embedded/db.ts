import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackendKey } from '../backend-keys.js';

/** The one SQLite connection shared by every embedded service. */
export type EmbeddedDatabase = Database.Database;

/**
 * Opens (creating if needed) `<dataDir>/gantry.sqlite`. Each store creates its own tables with
 * `CREATE TABLE IF NOT EXISTS`, so one file holds all embedded services.
 */
export function openDatabase(dataDir: string): EmbeddedDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'gantry.sqlite'));
  // WAL lets readers run beside the writer; FULL syncs the WAL on every commit, so a write the
  // service acknowledged survives kill -9 and power loss alike.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** `<dataDir>/blobs/<backend>`, created if missing: where a service keeps its bytes as files. */
export function blobDir(dataDir: string, backend: BackendKey): string {
  const dir = join(dataDir, 'blobs', backend);
  mkdirSync(dir, { recursive: true });
  return dir;
}
