import type { Config } from './config/schema.js';
import type { EmbeddedTokens } from './embedded/tokens.js';
import { tokensFile } from './embedded/tokens.js';

interface BannerFacts {
  config: Config;
  url: string;
  /** Undefined when /metrics is off. */
  metricsUrl: string | undefined;
  embedded?: { urls: Record<string, string>; tokens: EmbeddedTokens } | undefined;
  /** False when HOST is not loopback: the tokens are not printed (src/embedded/tokens.ts, tokensMayShow). */
  tokensShown: boolean;
}

/** What GraphiQL is, for whom: the profile decides. */
function graphiqlLine(config: Config, url: string): string {
  if (config.profile !== 'production') return `Gantry is up: ${url}/graphql (open it in a browser for GraphiQL)`;
  const who = config.developerKeys?.length ? 'GraphiQL and introspection only with a developer key' : 'no GraphiQL, no introspection';
  return `Gantry is up: ${url}/graphql (production profile: ${who})`;
}

function metricsLine({ config, metricsUrl }: BannerFacts): string {
  if (metricsUrl === undefined) return 'Metrics: off (GANTRY_METRICS_PORT=off)';
  if (config.metricsKey !== undefined) return `Metrics: ${metricsUrl} (with the metrics key)`;
  return config.profile === 'production' ? 'Metrics: not served (the production profile needs GANTRY_METRICS_KEY)' : `Metrics: ${metricsUrl}`;
}

/**
 * The lines printed once the gateway listens: only what is true of this start, so a reader
 * never opens a page the profile refuses or looks for a token that was withheld.
 */
export function startBanner(facts: BannerFacts): string {
  const { config, embedded } = facts;
  const lines = [graphiqlLine(config, facts.url), metricsLine(facts)];
  if (config.trustedDocuments !== undefined) lines.push(`Trusted documents only: ${config.trustedDocuments}`);
  if (embedded) {
    lines.push(`Embedded services (data in ${config.dataDir}): ${JSON.stringify(embedded.urls)}`);
    if (facts.tokensShown) {
      lines.push('Dev tokens (send as "Authorization: Bearer <token>"):');
      for (const [name, token] of Object.entries(embedded.tokens)) lines.push(`  ${name.padEnd(7)} ${token}`);
    } else {
      lines.push(
        `Dev tokens are not shown, nor put into GraphiQL: HOST=${config.host} is not a loopback address. They are in ${tokensFile(config.dataDir)} (or GANTRY_TOKEN_ADMIN|READER|OTHER).`,
      );
    }
  }
  return lines.join('\n');
}
