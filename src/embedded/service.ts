import type { EmbeddedDatabase } from './db.js';
import type { Clock } from './simulation.js';
import type { EmbeddedTokens } from './tokens.js';

/** What `startEmbedded` hands every embedded service. */
export interface ServiceContext {
  db: EmbeddedDatabase;
  dataDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  tokens: EmbeddedTokens;
  /** Largest image upload accepted, in bytes. */
  maxImageBytes: number;
  /** Now in epoch milliseconds: what simulated time (container lifecycles, logs, metrics) follows. */
  clock: Clock;
}

/** A listening embedded service. */
export interface RunningService {
  /** The service root, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/** Starts one embedded service; `startEmbedded` keeps a registry of these by backend key. */
export type StartService = (context: ServiceContext) => Promise<RunningService>;
