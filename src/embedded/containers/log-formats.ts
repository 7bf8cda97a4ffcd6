import { between, pick, type Random } from '../simulation.js';

/** How the simulated programs print: time stamps, client addresses, access-log lines and the paths they ask for. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
export const iso = (t: number): string => new Date(t).toISOString();
/** `2021-03-11 21:55:51.123`: the date and time as many servers print them. */
export const spaced = (t: number, millis = true): string =>
  iso(t)
    .replace('T', ' ')
    .slice(0, millis ? 23 : 19);
/** Common Log Format: `11/Mar/2021:21:55:51 +0000`. */
export function clf(t: number): string {
  const d = new Date(t);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${iso(t).slice(11, 19)} +0000`;
}
/** Apache's error log: `Thu Mar 11 21:55:51.123000 2021`. */
export function apacheTime(t: number): string {
  const d = new Date(t);
  return `${d.toUTCString().slice(0, 3)} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${iso(t).slice(11, 23)}000 ${d.getUTCFullYear()}`;
}
/** Redis: `11 Mar 2021 21:55:51.123`. */
export function redisTime(t: number): string {
  const d = new Date(t);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${iso(t).slice(11, 23)}`;
}

/** Addresses from the documentation ranges (RFC 5737) and the project network. */
export const clientIp = (random: Random): string =>
  random() < 0.3
    ? `10.10.${between(random, 0, 3)}.${between(random, 2, 250)}`
    : `${pick(random, ['203.0.113', '198.51.100', '192.0.2'])}.${between(random, 1, 254)}`;
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'curl/8.8.0',
  'Uptime-Kuma/1.23.13',
  'Googlebot/2.1 (+http://www.google.com/bot.html)',
];
export const status = (random: Random): number => pick(random, [200, 200, 200, 200, 200, 200, 200, 304, 301, 404]);

export function accessLine(random: Random, t: number, paths: readonly string[]): string {
  const path = pick(random, paths);
  const code = path === '/health' ? 200 : status(random);
  const method = path.startsWith('/api/') && random() < 0.3 ? 'POST' : 'GET';
  const bytes = code === 304 ? 0 : between(random, 180, 48_000);
  return `${clientIp(random)} - - [${clf(t)}] "${method} ${path} HTTP/1.1" ${code} ${bytes} "-" "${pick(random, AGENTS)}"`;
}

/** pino (Node) JSON lines. */
export function pinoLine(t: number, level: number, msg: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ level, time: t, pid: 1, hostname: 'app', ...extra, msg });
}

export const API_PATHS = ['/api/orders', '/api/orders/1842', '/api/customers', '/api/products?page=2', '/api/session', '/api/cart', '/health'];
export const WEB_PATHS = ['/', '/index.html', '/about', '/assets/app.3f9a1c.js', '/assets/app.8d2e4b.css', '/favicon.ico', '/images/hero.webp', '/health'];
export const WP_PATHS = [
  '/',
  '/wp-login.php',
  '/wp-admin/admin-ajax.php',
  '/feed/',
  '/2024/11/hello-world/',
  '/wp-content/uploads/2024/10/cover.jpg',
  '/wp-json/wp/v2/posts',
];
