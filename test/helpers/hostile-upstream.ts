import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenTracked } from './leftovers.js';

/**
 * A hostile backend on 127.0.0.1:0: what it answers is chosen per request by the test
 * (`answer`), from answers a broken or malicious service gives: a JSON body of any size
 * streamed as fast as the gateway reads it, a body that never ends, one that drips, an error
 * whose text is a stack trace naming a database, and records that lie about their shape.
 */
type HostileAnswer =
  /** 200 JSON of about `bytes` bytes: `{"images":[{...},{...},...]}`, generated as it is sent. */
  | { kind: 'huge'; bytes: number }
  /** 200 JSON that never ends. */
  | { kind: 'endless' }
  /** `status` with this body and content type. */
  | { kind: 'body'; status: number; body: string; contentType: string };

export interface HostileUpstream {
  url: string;
  /** Decides every request's answer; the test swaps it at will. */
  answer: (req: IncomingMessage) => HostileAnswer;
  /** Requests received, with the body bytes sent and whether the client hung up first. */
  served: Array<{ path: string; sent: number; cutByClient: boolean }>;
}

/** Secrets a backend leaks in its error text: none may reach a client. */
export const DATABASE_URL = 'postgresql://glance:s3cret@db-internal.corp.example:5432/glance';
export const STACK_TRACE = `Traceback (most recent call last):\n  File "/usr/lib/python3/dist-packages/glance/db/sqlalchemy/api.py", line 112, in _image_get\n    raise exception.NotFound()\nsqlalchemy.exc.OperationalError: could not connect to ${DATABASE_URL}`;

const record = (n: number) => Buffer.from(`{"id":"0b7c0a34-8b8c-4d9b-9d3e-${String(n).padStart(12, '0')}","name":"${'x'.repeat(180)}","status":"active"},`);
/** ~64 KiB of records per write, each with its own id (a chunk repeats when a body needs more). */
const CHUNK = Buffer.concat(Array.from({ length: Math.floor(65_536 / record(0).length) }, (_, n) => record(n)));

function stream(res: ServerResponse, bytes: number, record: { sent: number }): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"images":[');
  const pump = () => {
    while (record.sent < bytes) {
      record.sent += CHUNK.length;
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end('{"id":"last"}]}');
  };
  pump();
}

export async function startHostileUpstream(): Promise<HostileUpstream> {
  const served: HostileUpstream['served'] = [];
  const upstream: HostileUpstream = { url: '', answer: () => ({ kind: 'body', status: 200, body: '{"images":[]}', contentType: 'application/json' }), served };
  const server = createServer((req, res) => {
    req.resume();
    const record = { path: req.url ?? '/', sent: 0, cutByClient: false };
    served.push(record);
    res.once('close', () => {
      record.cutByClient = !res.writableFinished;
    });
    const answer = upstream.answer(req);
    if (answer.kind === 'body') {
      record.sent = Buffer.byteLength(answer.body);
      res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
    } else {
      stream(res, answer.kind === 'huge' ? answer.bytes : Number.POSITIVE_INFINITY, record);
    }
  });
  upstream.url = await listenTracked(server);
  return upstream;
}
