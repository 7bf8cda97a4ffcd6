import { parseArgs } from 'node:util';
import { BACKEND_KEYS, isBackendKey, type BackendKey } from './backend-keys.js';
import { loadConfig, readConfigFile } from './config.js';
import { startEmbedded } from './embedded/index.js';
import { resolveEmbeddedTokens } from './embedded/tokens.js';
import { exitOnStartupError, runGateway, USAGE } from './main.js';

/**
 * `gantry` command: with no subcommand it runs the gateway; `gantry embedded` serves only the
 * embedded REST APIs and prints one JSON line mapping each backend key to its URL, so a
 * frontend, test or proxy can sit between them and a gateway started with those URLs.
 */
async function runEmbedded(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { only: { type: 'string' }, config: { type: 'string' } }, strict: true });
  const only = (values.only ?? BACKEND_KEYS.join(',')).split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = only.filter((k) => !isBackendKey(k));
  if (unknown.length > 0) {
    console.error(`--only: unknown backend ${unknown.map((k) => `"${k}"`).join(', ')}; known: ${BACKEND_KEYS.join(', ')}`);
    process.exit(2);
  }
  const config = loadConfig(process.env, values.config ? readConfigFile(values.config) : {});
  const tokens = resolveEmbeddedTokens(config.dataDir, config.embedded.tokens);
  const embedded = await startEmbedded({ dataDir: config.dataDir, tokens, only: only as BackendKey[] });
  console.log(JSON.stringify(embedded.urls));
  console.error(`Dev tokens: ${JSON.stringify(embedded.tokens)}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void embedded.close().then(() => process.exit(0)));
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'embedded') {
  runEmbedded(rest).catch(exitOnStartupError);
} else if (command === 'help' || command === '--help' || command === '-h') {
  console.log(USAGE);
} else {
  runGateway(process.argv.slice(2)).catch(exitOnStartupError);
}
