import { between, pick, type Random } from '../simulation.js';
import type { WorkloadKind } from './container.js';
import { API_PATHS, WEB_PATHS, WP_PATHS, accessLine, apacheTime, clf, clientIp, iso, pad, pinoLine, redisTime, spaced, status } from './log-formats.js';

/** A log line written at epoch ms `t` (the line carries its own time stamp where the program prints one). */
type TimedLine = (t: number) => string;

/** One program of a process table: who runs it (user name or uid, as `ps` prints it) and its command line. */
export interface ProcessSpec {
  uid: string;
  cmd: string;
}

/** A container's processes: the main one (PID 1 inside) and the children it forks. */
interface ProcessTree extends ProcessSpec {
  children?: readonly ProcessSpec[];
}

const copies = (count: number, spec: ProcessSpec): ProcessSpec[] => Array.from({ length: count }, () => spec);

/** How one kind of workload behaves: what it logs, which processes it runs, what it uses. */
export interface WorkloadProfile {
  /** Typical CPU use, in percent of the container's allowance. */
  cpu: number;
  /** Share of the memory limit in use once warmed up (0–1). */
  memory: number;
  /** Lines written while booting, 400 ms apart from the start of `working`. */
  boot: readonly TimedLine[];
  /** One line of the steady stream while serving. */
  line(random: Random, t: number): string;
  /** A line showing trouble, mixed in while the container is in `alert`. */
  failing(random: Random, t: number): string;
  /** Lines written when asked to stop, 300 ms apart from the start of `stopping`. */
  shutdown: readonly TimedLine[];
  /** The process tree while up. */
  process: ProcessTree;
}

const nginx: WorkloadProfile = {
  cpu: 4,
  memory: 0.18,
  boot: [
    () => '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    () => '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    () => '/docker-entrypoint.sh: Configuration complete; ready for start up',
    (t) => `${spaced(t, false).replace(/-/g, '/')} [notice] 1#1: using the "epoll" event method`,
    (t) => `${spaced(t, false).replace(/-/g, '/')} [notice] 1#1: start worker processes`,
  ],
  line: (random, t) => accessLine(random, t, WEB_PATHS),
  failing: (random, t) =>
    `${spaced(t, false).replace(/-/g, '/')} [error] 29#29: *${between(random, 1000, 99_999)} upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${clientIp(random)}, server: _, request: "GET / HTTP/1.1"`,
  shutdown: [
    (t) => `${spaced(t, false).replace(/-/g, '/')} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`,
    (t) => `${spaced(t, false).replace(/-/g, '/')} [notice] 1#1: exit`,
  ],
  process: { uid: 'root', cmd: 'nginx: master process nginx -g daemon off;', children: copies(2, { uid: '101', cmd: 'nginx: worker process' }) },
};

const wordpress: WorkloadProfile = {
  cpu: 9,
  memory: 0.42,
  boot: [
    () => 'WordPress not found in /var/www/html - copying now...',
    () => 'Complete! WordPress has been successfully copied to /var/www/html',
    () =>
      "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 10.10.0.5. Set the 'ServerName' directive globally to suppress this message",
    (t) => `[${apacheTime(t)}] [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.62 (Debian) PHP/8.3.12 configured -- resuming normal operations`,
  ],
  line: (random, t) => accessLine(random, t, WP_PATHS),
  failing: (random, t) =>
    `[${apacheTime(t)}] [php:error] [pid ${between(random, 20, 80)}] [client ${clientIp(random)}] PHP Fatal error:  Uncaught mysqli_sql_exception: Too many connections in /var/www/html/wp-includes/class-wpdb.php:1987`,
  shutdown: [(t) => `[${apacheTime(t)}] [mpm_prefork:notice] [pid 1] AH00169: caught SIGTERM, shutting down`],
  process: { uid: 'root', cmd: 'apache2 -DFOREGROUND', children: copies(4, { uid: 'www-data', cmd: 'apache2 -DFOREGROUND' }) },
};

const pg = (t: number, pid: number, text: string): string => `${spaced(t)} UTC [${pid}] ${text}`;
const postgres: WorkloadProfile = {
  cpu: 6,
  memory: 0.35,
  boot: [
    (t) => pg(t, 1, 'LOG:  starting PostgreSQL 16.3 on x86_64-pc-linux-musl, compiled by gcc (Alpine 13.2.1_git20240309) 13.2.1 20240309, 64-bit'),
    (t) => pg(t, 1, 'LOG:  listening on IPv4 address "0.0.0.0", port 5432'),
    (t) => pg(t, 24, `LOG:  database system was shut down at ${spaced(t - 60_000, false)} UTC`),
    (t) => pg(t, 1, 'LOG:  database system is ready to accept connections'),
  ],
  line(random, t) {
    const pid = between(random, 100, 9999);
    const roll = random();
    if (roll < 0.08)
      return pg(
        t,
        27,
        `LOG:  checkpoint complete: wrote ${between(random, 3, 900)} buffers (${(random() * 5).toFixed(1)}%); 0 WAL file(s) added, 0 removed, ${between(random, 0, 2)} recycled; write=${(random() * 90).toFixed(3)} s, sync=0.004 s, total=${(random() * 90 + 0.1).toFixed(3)} s`,
      );
    if (roll < 0.16) return pg(t, 27, 'LOG:  checkpoint starting: time');
    if (roll < 0.5)
      return pg(t, pid, `LOG:  connection received: host=10.10.${between(random, 0, 3)}.${between(random, 2, 250)} port=${between(random, 32768, 60999)}`);
    if (roll < 0.8) return pg(t, pid, 'LOG:  connection authorized: user=app database=app application_name=app');
    return pg(
      t,
      pid,
      `LOG:  disconnection: session time: 0:00:${pad(between(random, 0, 59))}.${pad(between(random, 0, 999), 3)} user=app database=app host=10.10.0.${between(random, 2, 250)} port=${between(random, 32768, 60999)}`,
    );
  },
  failing: (random, t) => pg(t, between(random, 100, 9999), 'FATAL:  sorry, too many clients already'),
  shutdown: [
    (t) => pg(t, 1, 'LOG:  received fast shutdown request'),
    (t) => pg(t, 1, 'LOG:  aborting any active transactions'),
    (t) => pg(t, 1, 'LOG:  database system is shut down'),
  ],
  process: {
    uid: '70',
    cmd: 'postgres',
    children: ['checkpointer', 'background writer', 'walwriter', 'autovacuum launcher', 'logical replication launcher'].map((name) => ({
      uid: '70',
      cmd: `postgres: ${name}`,
    })),
  },
};

const maria = (t: number, text: string): string => `${spaced(t, false)} 0 ${text}`;
const mariadb: WorkloadProfile = {
  cpu: 5,
  memory: 0.5,
  boot: [
    (t) => maria(t, '[Note] Starting MariaDB 11.4.2-MariaDB-ubu2404 source revision as process 1'),
    (t) => maria(t, '[Note] InnoDB: Completed initialization of buffer pool'),
    (t) => maria(t, "[Note] Server socket created on IP: '0.0.0.0'."),
    (t) =>
      maria(
        t,
        "[Note] mariadbd: ready for connections. Version: '11.4.2-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution",
      ),
  ],
  line(random, t) {
    if (random() < 0.7)
      return `${spaced(t, false)} ${between(random, 10, 9999)} [Warning] Aborted connection ${between(random, 10, 9999)} to db: 'app' user: 'app' host: '10.10.0.${between(random, 2, 250)}' (Got an error reading communication packets)`;
    return maria(t, `[Note] InnoDB: Buffer pool(s) dump completed at ${spaced(t, false).slice(2).replace(/-/g, '')}`);
  },
  failing: (random, t) =>
    `${spaced(t, false)} ${between(random, 10, 9999)} [ERROR] Error writing file './app/orders.ibd' (errno: 28 "No space left on device")`,
  shutdown: [(t) => maria(t, '[Note] mariadbd (initiated by: unknown): Normal shutdown'), (t) => maria(t, '[Note] mariadbd: Shutdown complete')],
  process: { uid: '999', cmd: 'mariadbd' },
};

const redisLine = (t: number, text: string): string => `1:M ${redisTime(t)} ${text}`;
const redis: WorkloadProfile = {
  cpu: 2,
  memory: 0.22,
  boot: [
    (t) => `1:C ${redisTime(t)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
    (t) => redisLine(t, '* Running mode=standalone, port=6379.'),
    (t) => redisLine(t, '* DB loaded from append only file: 0.012 seconds'),
    (t) => redisLine(t, '* Ready to accept connections tcp'),
  ],
  line(random, t) {
    const roll = random();
    if (roll < 0.25) return redisLine(t, '* 100 changes in 300 seconds. Saving...');
    if (roll < 0.5) return redisLine(t, `* Background saving started by pid ${between(random, 20, 9999)}`);
    if (roll < 0.75) return `${between(random, 20, 9999)}:C ${redisTime(t)} * DB saved on disk`;
    return redisLine(t, '* Background saving terminated with success');
  },
  failing: (_random, t) => redisLine(t, '# WARNING: maxmemory reached, evicting keys (policy allkeys-lru)'),
  shutdown: [
    (t) => redisLine(t, '# User requested shutdown...'),
    (t) => redisLine(t, '* Saving the final RDB snapshot before exiting.'),
    (t) => redisLine(t, '# Redis is now ready to exit, bye bye...'),
  ],
  process: { uid: '999', cmd: 'redis-server *:6379' },
};

const node: WorkloadProfile = {
  cpu: 12,
  memory: 0.4,
  boot: [
    (t) => pinoLine(t, 30, 'loading configuration', { env: 'production' }),
    (t) => pinoLine(t, 30, 'connected to database'),
    (t) => pinoLine(t, 30, 'Server listening at http://0.0.0.0:3000'),
  ],
  line(random, t) {
    const path = pick(random, API_PATHS);
    const code = path === '/health' ? 200 : pick(random, [200, 200, 200, 201, 204, 400, 404]);
    return pinoLine(t, 30, 'request completed', {
      reqId: `req-${between(random, 1, 99_999).toString(36)}`,
      req: { method: path.includes('cart') ? 'POST' : 'GET', url: path },
      res: { statusCode: code },
      responseTime: Math.round(random() * 120 * 100) / 100,
    });
  },
  failing: (random, t) =>
    pinoLine(t, 50, 'request errored', { err: { type: 'Error', message: 'connect ETIMEDOUT 10.10.0.12:5432' }, responseTime: between(random, 5000, 30_000) }),
  shutdown: [(t) => pinoLine(t, 30, 'received SIGTERM, closing server'), (t) => pinoLine(t, 30, 'server closed')],
  process: { uid: 'node', cmd: 'node server.js' },
};

const python: WorkloadProfile = {
  cpu: 10,
  memory: 0.38,
  boot: [
    (t) => `[${spaced(t, false)} +0000] [1] [INFO] Starting gunicorn 22.0.0`,
    (t) => `[${spaced(t, false)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
    (t) => `[${spaced(t, false)} +0000] [1] [INFO] Using worker: sync`,
    (t) => `[${spaced(t, false)} +0000] [8] [INFO] Booting worker with pid: 8`,
  ],
  line: (random, t) => accessLine(random, t, API_PATHS),
  failing: (random, t) => `[${spaced(t, false)} +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:${between(random, 8, 12)})`,
  shutdown: [(t) => `[${spaced(t, false)} +0000] [1] [INFO] Handling signal: term`, (t) => `[${spaced(t, false)} +0000] [1] [INFO] Shutting down: Master`],
  process: { uid: 'root', cmd: 'gunicorn -b 0.0.0.0:8000 app:app', children: copies(3, { uid: 'app', cmd: 'gunicorn -b 0.0.0.0:8000 app:app' }) },
};

const go: WorkloadProfile = {
  cpu: 3,
  memory: 0.15,
  boot: [(t) => `time=${iso(t)} level=INFO msg="starting server" version=1.9.3`, (t) => `time=${iso(t)} level=INFO msg="listening" addr=:8080`],
  line(random, t) {
    const path = pick(random, ['/v1/token', '/v1/users/me', '/v1/sessions', '/v1/keys', '/healthz']);
    return `time=${iso(t)} level=INFO msg=request method=${path === '/v1/token' ? 'POST' : 'GET'} path=${path} status=${pick(random, [200, 200, 200, 401])} duration=${(random() * 20).toFixed(3)}ms`;
  },
  failing: (random, t) =>
    `time=${iso(t)} level=ERROR msg="upstream unavailable" err="dial tcp 10.10.0.12:5432: connect: connection refused" retry_in=${between(random, 1, 30)}s`,
  shutdown: [(t) => `time=${iso(t)} level=INFO msg="shutting down" signal=terminated`, (t) => `time=${iso(t)} level=INFO msg="server stopped"`],
  process: { uid: 'root', cmd: '/app/server' },
};

const JOBS = ['SendInvoiceEmail', 'SyncInventory', 'GenerateReport', 'ResizeImage', 'ChargeSubscription', 'IndexDocument'];
const worker: WorkloadProfile = {
  cpu: 15,
  memory: 0.45,
  boot: [
    (t) => JSON.stringify({ ts: iso(t), level: 'info', msg: 'worker starting', concurrency: 4 }),
    (t) => JSON.stringify({ ts: iso(t), level: 'info', msg: 'connected to queue', queue: 'default' }),
  ],
  line(random, t) {
    const job = pick(random, JOBS);
    const id = between(random, 100_000, 999_999);
    return random() < 0.5
      ? JSON.stringify({ ts: iso(t), level: 'info', msg: 'job started', job, id })
      : JSON.stringify({ ts: iso(t), level: 'info', msg: 'job completed', job, id, duration_ms: between(random, 12, 4800) });
  },
  failing: (random, t) =>
    JSON.stringify({
      ts: iso(t),
      level: 'error',
      msg: 'job failed',
      job: pick(random, JOBS),
      error: 'Redis::TimeoutError: Connection timed out',
      attempt: between(random, 1, 25),
    }),
  shutdown: [
    (t) => JSON.stringify({ ts: iso(t), level: 'info', msg: 'received SIGTERM, finishing in-flight jobs' }),
    (t) => JSON.stringify({ ts: iso(t), level: 'info', msg: 'worker stopped' }),
  ],
  process: { uid: 'app', cmd: 'tini -- bin/worker', children: [{ uid: 'app', cmd: 'bin/worker --concurrency 4' }] },
};

const haproxy: WorkloadProfile = {
  cpu: 3,
  memory: 0.12,
  boot: [() => '[NOTICE]   (1) : New worker (8) forked', () => '[NOTICE]   (1) : Loading success.'],
  line(random, t) {
    const code = status(random);
    return `${clientIp(random)}:${between(random, 1024, 65535)} [${clf(t).slice(0, 20)}.${pad(between(random, 0, 999), 3)}] https-in~ web/web${between(random, 1, 2)} 0/0/1/${between(random, 2, 80)}/${between(random, 3, 90)} ${code} ${between(random, 200, 40_000)} - - ---- ${between(random, 1, 30)}/${between(random, 1, 30)}/0/0/0 0/0 "GET ${pick(random, WEB_PATHS)} HTTP/2.0"`;
  },
  failing: (_random, t) =>
    `[WARNING]  (8) : Server web/web1 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 1 active and 0 backup servers left. (${clf(t)})`,
  shutdown: [() => '[WARNING]  (1) : Exiting Master process...', () => '[NOTICE]   (1) : haproxy version is 3.0.3'],
  process: {
    uid: 'haproxy',
    cmd: 'haproxy -W -db -f /usr/local/etc/haproxy/haproxy.cfg',
    children: [{ uid: 'haproxy', cmd: 'haproxy -W -db -f /usr/local/etc/haproxy/haproxy.cfg' }],
  },
};

/** Every workload kind's behaviour. */
export const PROFILES: Readonly<Record<WorkloadKind, WorkloadProfile>> = {
  nginx,
  wordpress,
  postgres,
  mariadb,
  redis,
  node,
  python,
  go,
  worker,
  haproxy,
};
