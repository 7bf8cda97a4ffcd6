import { parseArgs } from 'node:util';
import { BACKEND_KEYS, isBackendKey, type BackendKey } from './backend-keys.js';
import { demoBackendsRefusal, loadConfig, readConfigFile } from './config.js';
import { resolveEmbeddedTokens } from './embedded/tokens.js';
import { exitOnStartupError, runGateway, USAGE } from './main.js';
import { onStopRequest } from './stop-signals.js';

/**
 * `gantry` command: with no subcommand it runs the gateway; `gantry embedded` serves only the
 * embedded REST APIs and prints one JSON line mapping each backend key to its URL, so a
 * frontend, test or proxy can sit between them and a gateway started with those URLs.
 */
/** `--port-vm-images 9292` and so on: one fixed-port option per backend key, kebab-cased. */
const portOption = (key: BackendKey) => `port-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

async function runEmbedded(argv: string[]): Promise<void> {
  const portOptions = Object.fromEntries(BACKEND_KEYS.map((key) => [portOption(key), { type: 'string' as const }]));
  const { values } = parseArgs({ args: argv, options: { only: { type: 'string' }, config: { type: 'string' }, ...portOptions }, strict: true });
  const ports: Partial<Record<BackendKey, number>> = {};
  for (const key of BACKEND_KEYS) {
    const raw = (values as Record<string, string | undefined>)[portOption(key)];
    if (raw === undefined) continue;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`--${portOption(key)}: expected a port number (0-65535), got ${JSON.stringify(raw)}`);
      process.exit(2);
    }
    ports[key] = port;
  }
  const only = (values.only ?? BACKEND_KEYS.join(','))
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = only.filter((k) => !isBackendKey(k));
  if (unknown.length > 0) {
    console.error(`--only: unknown backend ${unknown.map((k) => `"${k}"`).join(', ')}; known: ${BACKEND_KEYS.join(', ')}`);
    process.exit(2);
  }
  const config = loadConfig(process.env, values.config ? readConfigFile(values.config) : {});
  const tokens = resolveEmbeddedTokens(config.dataDir, config.embedded.tokens);
  // Loaded here, not at the top: a gateway with every backend configured never needs the embedded services' code.
  const { startEmbedded } = await import('./embedded/index.js');
  const embedded = await startEmbedded({ dataDir: config.dataDir, tokens, only: only as BackendKey[], ports });
  // Handlers first: whoever reads the URL line may stop us the moment it appears.
  onStopRequest(() => void embedded.close().then(() => process.exit(0)));
  console.log(JSON.stringify(embedded.urls));
  console.error(`Dev tokens: ${JSON.stringify(embedded.tokens)}`);
}

/**
 * `gantry check-config [--config file]`: reads the settings as the gateway would (environment
 * over file over defaults) and says whether they are valid, without starting anything.
 */
function checkConfig(argv: string[]): void {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' } }, strict: true });
  const config = loadConfig(process.env, values.config ? readConfigFile(values.config) : {});
  const refusal = demoBackendsRefusal(config);
  if (refusal) throw refusal;
  const embedded = BACKEND_KEYS.filter((key) => config.backends[key].url === undefined);
  console.log(`Configuration is valid${values.config ? ` (${values.config} and the environment)` : ' (environment and defaults)'}.`);
  console.log(`Profile: ${config.profile}; listens on ${config.host}:${config.port}; embedded backends: ${embedded.length ? embedded.join(', ') : 'none'}.`);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'check-config') {
  try {
    checkConfig(rest);
  } catch (error) {
    exitOnStartupError(error);
  }
} else if (command === 'embedded') {
  runEmbedded(rest).catch(exitOnStartupError);
} else if (command === 'help' || command === '--help' || command === '-h') {
  console.log(USAGE);
} else {
  runGateway(process.argv.slice(2)).catch(exitOnStartupError);
}
