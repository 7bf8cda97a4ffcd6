import { z } from 'zod';

/**
 * How a setting is declared: its schema (with its default) carries its environment variable,
 * its description and its group in a registry, so the Config type, `--help`, the README table
 * and the checks on them all come from one declaration.
 */
export interface SettingMeta {
  env: string;
  description: string;
  /**
   * `operator`: what a deployment has to decide (where to listen, what to talk to, secrets,
   * profile, limits that depend on the network in front). `tuning`: knobs with defaults that
   * hold, changed only for a measured reason.
   */
  group: 'operator' | 'tuning';
}

export const settingsRegistry = z.registry<SettingMeta>();

/** Declares one setting: `schema` (with its default, if any) registered with its meta. */
export function setting<T extends z.ZodType>(schema: T, env: string, group: SettingMeta['group'], description: string): T {
  settingsRegistry.add(schema, { env, description, group });
  return schema;
}

/** An integer read from the environment (a string) or a file (a number), within bounds. */
export const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Milliseconds, 1 ms to an hour. */
export const ms = () => int(1, 3_600_000);

/** true or false, from a file or from the environment (`true`, `1`, `yes`, `on` and their opposites). */
export const flag = () => z.union([z.boolean(), z.stringbool()]);

/** An http(s) URL, its trailing slashes dropped; unset when absent. */
export const optionalUrl = () =>
  z
    .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional();

/** A secret; unset when absent. */
export const optionalSecret = () => z.string().min(1).optional();

/** A comma-separated list (`a, b,c`): trimmed items, empty ones dropped; pipe it into the items' schema. */
export const commaList = () =>
  z.string().transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
