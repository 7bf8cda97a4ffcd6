/**
 * The five upstream APIs, by the key used everywhere: config, env, logs, metrics, the
 * `embedded` CLI's JSON line and `X-Gantry-Backend-Tokens`.
 */
export const BACKEND_KEYS = ['vmImages', 'ciImages', 'containerImages', 'containers', 'serverless'] as const;

export type BackendKey = (typeof BACKEND_KEYS)[number];

export function isBackendKey(value: string): value is BackendKey {
  return (BACKEND_KEYS as readonly string[]).includes(value);
}
