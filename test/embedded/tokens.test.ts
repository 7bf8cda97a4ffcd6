import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/embedded/db.js';
import {
  CS_USER_MAIN,
  CS_USER_OTHER,
  DJINN_USER_MAIN,
  DJINN_USER_OTHER,
  PRINCIPALS,
  PROJECT_MAIN,
  PROJECT_OTHER,
  QUASARCH_USER_MAIN,
  QUASARCH_USER_OTHER,
  principalForToken,
} from '../../src/embedded/principals.js';
import { resolveEmbeddedTokens, tokensFile } from '../../src/embedded/tokens.js';
import { tempDataDir } from '../helpers/leftovers.js';

describe('embedded tokens', () => {
  it('generates missing tokens, stores them with mode 0600 and reuses them on the next start', async () => {
    const dir = await tempDataDir();
    const first = resolveEmbeddedTokens(dir, {});
    expect(first.admin).toMatch(/^gantry-admin-[\w-]{20,}$/);
    expect(first.reader).toMatch(/^gantry-reader-/);
    expect(first.other).toMatch(/^gantry-other-/);
    expect(new Set(Object.values(first)).size).toBe(3);
    expect(statSync(tokensFile(dir)).mode & 0o777).toBe(0o600);
    expect(resolveEmbeddedTokens(dir, {})).toEqual(first);
  });

  it('lets configured tokens win without writing them to disk', async () => {
    const dir = await tempDataDir();
    const tokens = resolveEmbeddedTokens(dir, { admin: 'configured-admin', reader: '' });
    expect(tokens.admin).toBe('configured-admin');
    expect(tokens.reader).toMatch(/^gantry-reader-/);
    const stored = JSON.parse(readFileSync(tokensFile(dir), 'utf8'));
    expect(stored).not.toHaveProperty('admin');
    expect(stored.reader).toBe(tokens.reader);
    expect(resolveEmbeddedTokens(dir, {}).reader).toBe(tokens.reader);
  });
});

describe('embedded principals', () => {
  const tokens = { admin: 'a-tok', reader: 'r-tok', other: 'o-tok' };

  it('maps each token to its principal and anything else to undefined', () => {
    expect(principalForToken(tokens, 'a-tok')).toEqual({
      name: 'admin',
      userId: PRINCIPALS.admin.userId,
      projectId: PROJECT_MAIN,
      csUserId: CS_USER_MAIN,
      djinnUserId: DJINN_USER_MAIN,
      quasarchUserId: QUASARCH_USER_MAIN,
      isAdmin: true,
      canWrite: true,
    });
    expect(principalForToken(tokens, 'r-tok')).toMatchObject({
      name: 'reader',
      projectId: PROJECT_MAIN,
      csUserId: CS_USER_MAIN,
      djinnUserId: DJINN_USER_MAIN,
      isAdmin: false,
      canWrite: false,
    });
    expect(principalForToken(tokens, 'o-tok')).toMatchObject({
      name: 'other',
      projectId: PROJECT_OTHER,
      csUserId: CS_USER_OTHER,
      djinnUserId: DJINN_USER_OTHER,
      isAdmin: false,
      canWrite: true,
    });
    for (const token of [undefined, '', 'a-to', 'a-tok ', 'A-TOK']) expect(principalForToken(tokens, token)).toBeUndefined();
  });

  it('gives reader admin’s user and project, and other a different user and project (32 hex)', () => {
    expect(PRINCIPALS.reader.userId).toBe(PRINCIPALS.admin.userId);
    expect(PRINCIPALS.other.userId).not.toBe(PRINCIPALS.admin.userId);
    expect(PROJECT_OTHER).not.toBe(PROJECT_MAIN);
    for (const id of [PROJECT_MAIN, PROJECT_OTHER, PRINCIPALS.admin.userId, PRINCIPALS.other.userId]) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives each principal its Keystone user id again in UUID form for Quasarch', () => {
    expect(QUASARCH_USER_MAIN).toBe('c3e8a1f5-d7b2-4c9e-8f0a-6b2d4e1c7f3a');
    expect(PRINCIPALS.reader.quasarchUserId).toBe(PRINCIPALS.admin.quasarchUserId);
    expect(PRINCIPALS.other.quasarchUserId).toBe(QUASARCH_USER_OTHER);
    for (const principal of Object.values(PRINCIPALS)) expect(principal.quasarchUserId.replace(/-/g, '')).toBe(principal.userId);
  });
});

describe('openDatabase', () => {
  it('opens gantry.sqlite in WAL mode with full sync and foreign keys', async () => {
    const db = openDatabase(await tempDataDir());
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.name).toMatch(/gantry\.sqlite$/);
    } finally {
      db.close();
    }
  });
});
