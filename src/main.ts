import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createBackends } from './backends/index.js';
import { startBanner } from './banner.js';
import { ConfigError, demoBackendsRefusal, embeddedBackendKeys, loadConfig, readConfigFile, settingsHelp } from './config.js';
import type { EmbeddedServices } from './embedded/index.js';
import { resolveEmbeddedTokens, tokensMayShow } from './embedded/tokens.js';
import { boundHeapGrowth } from './overrides/v8-heap-growth.js';
import { createGateway } from './server.js';
import { onStopRequest } from './stop-signals.js';

export const USAGE = `Usage: gantry [--config <file.json|file.yaml>]    start the gateway
       gantry embedded [--only vmImages,...] [--port-vm-images 9292 --port-ci-images … --port-container-images … --port-containers … --port-serverless …]
                                                   serve only the embedded REST APIs (fixed ports for other tools)
       gantry check-config [--config <file>]       validate the settings without starting
       gantry --help

Settings (environment variables override the config file):
${settingsHelp()}`;

/**
 * Process entry: config, embedded services for every backend without a URL, the gateway, and
 * a clean stop on SIGTERM/SIGINT. Returns the stop function (tests and the CLI use it).
 */
export async function runGateway(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<() => Promise<void>> {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, help: { type: 'boolean' } }, strict: true });
  if (values.help) {
    console.log(USAGE);
    return async () => {};
  }
  const config = loadConfig(env, values.config ? readConfigFile(values.config) : {});
  const refusal = demoBackendsRefusal(config);
  if (refusal) throw refusal;
  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization', '*.token', '*.tokens'] });
  boundHeapGrowth(config.heapGrowthPercent);

  const embeddedKeys = embeddedBackendKeys(config);
  let embedded: EmbeddedServices | undefined;
  if (embeddedKeys.length > 0) {
    const tokens = resolveEmbeddedTokens(config.dataDir, config.embedded.tokens);
    // Loaded only when a backend is embedded: fastify, SQLite and the seed data cost a gateway
    // in front of real services ~15 MB of memory for nothing.
    const { startEmbedded } = await import('./embedded/index.js');
    embedded = await startEmbedded({ dataDir: config.dataDir, tokens, only: embeddedKeys });
  }
  const backends = createBackends(config, embedded?.urls ?? {}, logger);
  const tokensShown = tokensMayShow(config.host);
  // Dev tokens reach GraphiQL's page and the console's sign-in only where the banner prints them.
  const devTokens = embedded && tokensShown ? embedded.tokens : undefined;
  const gateway = createGateway({ config, backends, logger, ...(devTokens ? { graphiqlToken: devTokens.admin, devTokens } : {}) });
  await gateway.start();
  console.log(startBanner({ config, url: gateway.url, metricsUrl: gateway.metricsUrl, embedded, tokensShown }));

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await gateway.stop();
      await embedded?.close();
      logger.flush();
    })());
  onStopRequest((why) => {
    logger.info({ why }, 'draining');
    void stop().then(() => process.exit(0));
  });
  return stop;
}

/** Prints a config problem without a stack trace and exits 2; anything else is a crash. */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error((error as Error).message);
    process.exit(2);
  }
  const { code, address, port } = error as { code?: string; address?: string; port?: number };
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    console.error(`Cannot listen on ${address}:${port} (${code}): set PORT (or HOST) to a free address.`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runGateway(process.argv.slice(2)).catch(exitOnStartupError);
}
