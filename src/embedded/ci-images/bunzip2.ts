import { Transform, type Duplex } from 'node:stream';
import unbzip2Stream from 'unbzip2-stream';

/**
 * unbzip2-stream is an old-style `through` stream; the upload pipeline wants a modern Duplex
 * (async-iterable, errors that propagate). This adapter feeds it and re-emits what it decodes.
 * bzip2 decodes block by block (900 KiB at most), so what it holds at once stays bounded.
 */
export function bunzip2(): Duplex {
  const decoder = unbzip2Stream();
  const adapter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      decoder.write(chunk);
      done();
    },
    flush(done) {
      decoder.once('end', () => done());
      decoder.end();
    },
  });
  decoder.on('data', (data: Buffer) => adapter.push(data));
  decoder.on('error', (error: Error) => adapter.destroy(error));
  return adapter;
}
