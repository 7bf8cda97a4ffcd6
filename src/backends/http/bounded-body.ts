import type { Dispatcher } from 'undici';

/**
 * Bytes of answers being read from one backend, all calls together: each call's cap bounds one
 * answer, this bounds how many of them a backend can make the gateway hold at once (a hostile
 * one answers every call with a body at the cap).
 */
export class ReadBudget {
  constructor(private available: number) {}

  take(bytes: number): boolean {
    if (bytes > this.available) return false;
    this.available -= bytes;
    return true;
  }

  give(bytes: number): void {
    this.available += bytes;
  }
}

/**
 * A response body as text, read only up to `maxBytes`, counted as it streams (and drawn from
 * `budget` while it is held): a huge or never-ending answer costs at most that much memory.
 * Past either bound the body is destroyed, which drops its connection (the rest is never
 * read), and `truncated` says so; `keepPartial` keeps the text read until then (an error
 * body's first bytes), else it is let go at once.
 */
export async function readUpTo(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
  options: { keepPartial?: boolean; budget?: ReadBudget; declaredLength?: number } = {},
): Promise<{ text: string; truncated: boolean }> {
  const { keepPartial = false, budget, declaredLength } = options;
  if (declaredLength !== undefined && declaredLength <= maxBytes && !keepPartial) return readDeclared(body, declaredLength, budget);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of body) {
      const piece = chunk as Buffer;
      if (length + piece.length > maxBytes || (budget && !budget.take(piece.length))) {
        body.destroy();
        if (!keepPartial) return { text: '', truncated: true };
        chunks.push(piece.subarray(0, Math.max(0, maxBytes - length)));
        return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
      }
      chunks.push(piece);
      length += piece.length;
    }
    return { text: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, length).toString('utf8'), truncated: false };
  } finally {
    budget?.give(length);
  }
}

/**
 * A body whose length the head declared, within the cap: HTTP framing ends it there, so it is
 * read whole by undici (cheaper than counting chunk by chunk), its bytes drawn from the
 * budget up front.
 */
async function readDeclared(
  body: Dispatcher.ResponseData['body'],
  length: number,
  budget: ReadBudget | undefined,
): Promise<{ text: string; truncated: boolean }> {
  if (budget && !budget.take(length)) {
    body.destroy();
    return { text: '', truncated: true };
  }
  try {
    return { text: await body.text(), truncated: false };
  } finally {
    budget?.give(length);
  }
}
