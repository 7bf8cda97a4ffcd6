import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, embeddedBackendKeys, loadConfig, readConfigFile, settingsHelp } from '../src/config.js';
import { SETTINGS } from '../src/config/schema.js';
import { tempDataDir } from './helpers/leftovers.js';

describe('loadConfig', () => {
  it('gives documented defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', dataDir: './data', logLevel: 'info', maxPageSize: 100 });
    expect(config.backends.vmImages.url).toBeUndefined();
    expect(embeddedBackendKeys(config)).toEqual(['vmImages', 'ciImages', 'containerImages', 'containers', 'serverless']);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('points a backend at a real service with its URL, dropping trailing slashes', () => {
    const config = loadConfig({ GANTRY_VM_IMAGES_URL: 'http://glance.internal:9292/' });
    expect(config.backends.vmImages.url).toBe('http://glance.internal:9292');
    expect(embeddedBackendKeys(config)).not.toContain('vmImages');
  });

  it('reads the memory and revalidation settings, refusing values out of range', () => {
    expect(loadConfig({}).heapGrowthPercent).toBe(30);
    expect(loadConfig({}).upstream.revalidationBytes).toBe(4 * 1024 * 1024);
    expect(loadConfig({ GANTRY_HEAP_GROWTH_PERCENT: '0', GANTRY_UPSTREAM_REVALIDATION_BYTES: '0' })).toMatchObject({
      heapGrowthPercent: 0,
      upstream: { revalidationBytes: 0 },
    });
    expect(() => loadConfig({ GANTRY_HEAP_GROWTH_PERCENT: '-5' })).toThrow(/GANTRY_HEAP_GROWTH_PERCENT/);
    expect(() => loadConfig({ GANTRY_UPSTREAM_REVALIDATION_BYTES: 'lots' })).toThrow(/GANTRY_UPSTREAM_REVALIDATION_BYTES/);
  });

  it('names every wrong variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', GANTRY_VM_IMAGES_URL: 'ftp://nope', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/GANTRY_VM_IMAGES_URL/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it('reads a YAML config file, with the environment taking precedence', async () => {
    const dir = await tempDataDir();
    const file = join(dir, 'gantry.yaml');
    writeFileSync(file, 'port: 5000\nlogLevel: debug\nbackends:\n  vmImages:\n    url: http://from-file:9292\n');
    const config = loadConfig({ PORT: '6000' }, readConfigFile(file));
    expect(config.port).toBe(6000);
    expect(config.logLevel).toBe('debug');
    expect(config.backends.vmImages.url).toBe('http://from-file:9292');
  });

  it('refuses unknown keys and bad values in a config file, naming the key', async () => {
    const dir = await tempDataDir();
    const file = join(dir, 'gantry.json');
    writeFileSync(file, JSON.stringify({ prot: 1, port: -1 }));
    expect(() => loadConfig({}, readConfigFile(file))).toThrow(/"prot" is not a setting[\s\S]*"port"/);
    expect(() => readConfigFile(join(dir, 'missing.yaml'))).toThrow(ConfigError);
  });

  it('lists every setting in --help', () => {
    const help = settingsHelp();
    for (const setting of SETTINGS) expect(help).toContain(setting.env);
  });

  it('groups --help: what a deployment sets first, then the tuning knobs', () => {
    const help = settingsHelp();
    const tuning = help.indexOf('Tuning knobs');
    expect(help.indexOf('What a deployment sets')).toBe(0);
    expect(tuning).toBeGreaterThan(0);
    for (const setting of SETTINGS) {
      const at = help.indexOf(`  ${setting.env} `);
      expect(at < tuning, setting.env).toBe(setting.group === 'operator');
    }
    expect(SETTINGS.find((s) => s.env === 'GANTRY_VM_IMAGES_URL')?.group).toBe('operator');
    expect(SETTINGS.find((s) => s.env === 'GANTRY_UPSTREAM_RETRIES')?.group).toBe('tuning');
  });

  it('reads booleans and the profile as documented', () => {
    expect(loadConfig({}).fastExecution).toBe(true);
    expect(loadConfig({ GANTRY_FAST_EXECUTION: 'false' }).fastExecution).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).profile).toBe('production');
    expect(loadConfig({ NODE_ENV: 'production', GANTRY_PROFILE: 'development' }).profile).toBe('development');
    expect(loadConfig({}).developerKeys).toEqual([]);
    expect(() => loadConfig({ GANTRY_FAST_EXECUTION: 'sometimes' })).toThrow(/GANTRY_FAST_EXECUTION/);
  });
});
