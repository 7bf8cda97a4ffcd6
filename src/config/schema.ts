import { z } from 'zod';
import { backendSettings } from './backend-settings.js';
import { gatewaySettings, serverSettings } from './gateway-settings.js';
import { type SettingMeta, settingsRegistry } from './setting.js';

/**
 * Every setting, as one zod schema: the Config type is what it parses to. Each leaf is declared
 * once (setting.ts) with its environment variable, description and group; its path in the
 * object is its key in a config file (`backends.vmImages.url`).
 */
export const configSchema = z
  .object({ ...serverSettings, ...backendSettings, ...gatewaySettings })
  .transform((config) => ({ ...config, developerKeys: config.developerKeys ?? [] }));

/** The gateway's settings, parsed and frozen by loadConfig (src/config.ts). */
export type Config = z.output<typeof configSchema>;

export interface Setting extends SettingMeta {
  /** Dotted path in a config file: `backends.vmImages.url`. */
  file: string;
  /** The leaf's schema, with its default. */
  schema: z.ZodType;
}

function leaves(shape: Record<string, z.ZodType>, prefix: string): Setting[] {
  return Object.entries(shape).flatMap(([key, schema]) => {
    const file = prefix ? `${prefix}.${key}` : key;
    if (schema instanceof z.ZodObject) return leaves(schema.shape as Record<string, z.ZodType>, file);
    const meta = settingsRegistry.get(schema);
    if (!meta) throw new Error(`setting ${file} is not declared with setting()`);
    return [{ ...meta, file, schema }];
  });
}

/** Every setting, in declaration order: `--help`, the README table and the config checks come from this list. */
export const SETTINGS: readonly Setting[] = leaves(configSchema.in.shape as Record<string, z.ZodType>, '');
