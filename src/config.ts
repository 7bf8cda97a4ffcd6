import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { BACKEND_KEYS, type BackendKey } from './backend-keys.js';
import { type Config, configSchema, SETTINGS, type Setting } from './config/schema.js';

/**
 * The only reader of process.env. Every setting is declared once (src/config/): its env var,
 * its key in a config file, its zod schema (with default), its description and its group.
 * The Config type, `--help`, the README table and the tests come from those declarations.
 *
 * Precedence: defaults < config file (`--config path.json|.yaml`) < environment.
 */

/** Thrown when a setting is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function getPath(source: unknown, path: string): unknown {
  let value = source;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

const SETTING_BY_FILE = new Map(SETTINGS.map((s) => [s.file, s]));

function unknownFileKeys(source: unknown, prefix = ''): string[] {
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return [];
  return Object.entries(source as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (SETTING_BY_FILE.has(path)) return [];
    const nested = value !== null && typeof value === 'object' && SETTINGS.some((s) => s.file.startsWith(`${path}.`));
    return nested ? unknownFileKeys(value, path) : [path];
  });
}

/** Reads a JSON or YAML config file (by extension; YAML is a superset of JSON anyway). */
export function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new ConfigError([`--config ${path}: cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  try {
    // yaml is loaded only here, for a --config file: ~0.6 MB of heap a gateway configured by
    // its environment never needs. (JSON is YAML, so one parser reads both.)
    const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    return parse(text) ?? {};
  } catch (error) {
    throw new ConfigError([`--config ${path}: not valid JSON or YAML (${(error as Error).message.split('\n')[0]})`]);
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Builds the frozen Config from environment variables and an optional parsed config file.
 * @throws ConfigError naming each wrong variable (or file key).
 */
export function loadConfig(env: NodeJS.ProcessEnv, file: unknown = {}): Config {
  const problems: string[] = unknownFileKeys(file).map((key) => `config file key "${key}" is not a setting`);
  const raw: Record<string, unknown> = {};
  const fromEnv = new Set<string>();
  for (const setting of SETTINGS) {
    const value = env[setting.env];
    if (value !== undefined && value !== '') {
      fromEnv.add(setting.file);
      setPath(raw, setting.file, value);
    } else {
      setPath(raw, setting.file, getPath(file, setting.file));
    }
  }
  // The profile follows NODE_ENV when neither the environment nor the file sets it.
  if (raw.profile === undefined && env.NODE_ENV === 'production') raw.profile = 'production';
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const named = new Set<string>();
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      const setting = SETTINGS.find((s) => path === s.file || path.startsWith(`${s.file}.`));
      if (!setting || named.has(setting.file)) continue;
      named.add(setting.file);
      const source = fromEnv.has(setting.file) ? setting.env : `config file key "${setting.file}"`;
      problems.push(`${source}: ${issue.message} (got ${JSON.stringify(getPath(raw, setting.file))})`);
    }
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return deepFreeze(parsed.data);
}

/** The backends with no URL configured: the ones main.ts embeds. */
export function embeddedBackendKeys(config: Config): BackendKey[] {
  return BACKEND_KEYS.filter((key) => config.backends[key].url === undefined);
}

/**
 * The production profile with a backend that has no URL would serve the embedded demo copy,
 * its demo data and its dev tokens: refused, naming the missing URLs, unless
 * GANTRY_ALLOW_DEMO_BACKENDS=true says it is meant. Undefined when the start may go ahead.
 */
export function demoBackendsRefusal(config: Config): ConfigError | undefined {
  const missing = embeddedBackendKeys(config);
  if (config.profile !== 'production' || missing.length === 0 || config.allowDemoBackends) return undefined;
  const names = missing.map((key) => SETTINGS.find((s) => s.file === `backends.${key}.url`)?.env ?? key);
  return new ConfigError([
    `the production profile needs a URL for every backend; not set: ${names.join(', ')}. Without them the embedded demo services would answer, with demo data and dev tokens. Set them, or GANTRY_ALLOW_DEMO_BACKENDS=true to run the demo in production anyway.`,
  ]);
}

const GROUPS: ReadonlyArray<[Setting['group'], string]> = [
  ['operator', 'What a deployment sets'],
  ['tuning', 'Tuning knobs (their defaults hold; change one for a measured reason)'],
];

/** `--help` text: every setting with its env var, file key and default, operator settings first. */
export function settingsHelp(): string {
  const line = (s: Setting) => {
    const parsed = s.schema.safeParse(undefined);
    const fallback = parsed.success && parsed.data !== undefined ? ` (default: ${String(parsed.data)})` : '';
    return `  ${s.env.padEnd(38)} ${s.description}${fallback}\n  ${''.padEnd(38)} config file key: ${s.file}`;
  };
  return GROUPS.map(
    ([group, title]) =>
      `${title}:\n${SETTINGS.filter((s) => s.group === group)
        .map(line)
        .join('\n')}`,
  ).join('\n\n');
}
