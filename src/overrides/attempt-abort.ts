import { EventEmitter } from 'node:events';

/**
 * How an upstream attempt in flight is aborted: an EventEmitter that undici takes as a
 * request's `signal` as readily as an AbortSignal (it reads `aborted` and `reason`, and listens
 * for 'abort'; undici's `lib/api/abort-signal.js` accepts both). Every upstream call makes one
 * and almost none is ever aborted; an AbortController is an EventTarget with internal maps of
 * its own, measurably dearer per call than an emitter (the ledger, README.md here, has figures).
 * An operation's end is one too (`Context.signal`): every operation makes one, and aborting an
 * AbortController builds a DOMException with its stack each time.
 */
export class AttemptAbort extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  constructor() {
    super();
    // An operation's end has a listener per upstream call waiting on it.
    this.setMaxListeners(0);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}
