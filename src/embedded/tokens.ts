import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The tokens of the three embedded principals (DESIGN.md, "Credentials"). */
export interface EmbeddedTokens {
  admin: string;
  reader: string;
  other: string;
}

const NAMES = ['admin', 'reader', 'other'] as const;

/** `<dataDir>/tokens.json`: generated tokens, reused on the next start. */
export function tokensFile(dataDir: string): string {
  return join(dataDir, 'tokens.json');
}

function readStored(file: string): Partial<EmbeddedTokens> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${file} is not valid JSON; fix or delete it (new tokens are then generated)`);
  }
  const stored: Partial<EmbeddedTokens> = {};
  if (parsed !== null && typeof parsed === 'object') {
    for (const name of NAMES) {
      const value = (parsed as Record<string, unknown>)[name];
      if (typeof value === 'string' && value !== '') stored[name] = value;
    }
  }
  return stored;
}

/**
 * The tokens to use: configured values win; the rest come from `<dataDir>/tokens.json`, and
 * any still missing are generated and written there (mode 0600) so a restart keeps them.
 * Configured tokens are never written to disk.
 */
export function resolveEmbeddedTokens(dataDir: string, configured: Partial<EmbeddedTokens>): EmbeddedTokens {
  const file = tokensFile(dataDir);
  const stored = readStored(file);
  let generated = false;
  const result = {} as EmbeddedTokens;
  for (const name of NAMES) {
    const fromConfig = configured[name];
    if (fromConfig !== undefined && fromConfig !== '') {
      result[name] = fromConfig;
      continue;
    }
    let value = stored[name];
    if (value === undefined) {
      value = `gantry-${name}-${randomBytes(24).toString('base64url')}`;
      stored[name] = value;
      generated = true;
    }
    result[name] = value;
  }
  if (generated) {
    mkdirSync(dataDir, { recursive: true });
    // Write then rename, so a crash never leaves a half-written file that loses tokens.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  }
  return result;
}

/**
 * Whether dev tokens may be shown in what the gateway serves and prints (GraphiQL's headers,
 * the start banner): only when it listens on loopback, where nobody but this machine's users
 * can load a page. On any other address a page with a token would hand it to the network.
 */
export function tokensMayShow(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(bare);
}
