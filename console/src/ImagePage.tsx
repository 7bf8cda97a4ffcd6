import { type ReactNode, useRef, useState } from 'react';
import { CiImageDocument, VmImageDocument } from '../../client/index.js';
import type { Gantry, GraphQLErrorShape } from './api.js';
import { Errors } from './Errors.js';
import { href } from './route.js';
import { download, formatBytes, type Progress, type Transfer, TransferError } from './transfer.js';
import { TransferProgress } from './TransferProgress.js';
import { useQuery } from './useQuery.js';

/** Saves the image's file under the name the gateway gives it, with progress and Cancel. */
function Download({ gantry, url, fallbackName }: { gantry: Gantry; url: string; fallbackName: string }) {
  const [progress, setProgress] = useState<Progress>();
  const [saved, setSaved] = useState<string>();
  const [errors, setErrors] = useState<GraphQLErrorShape[]>([]);
  const transfer = useRef<Transfer<string>>(undefined);
  const start = async () => {
    setErrors([]);
    setSaved(undefined);
    setProgress({ loaded: 0, total: 0, speed: 0 });
    transfer.current = download(url, gantry.token, fallbackName, setProgress);
    try {
      setSaved(await transfer.current.done);
    } catch (error) {
      const failure = error instanceof TransferError ? error : new TransferError('The download failed.');
      setErrors(failure.errors.length ? failure.errors : [{ message: failure.message }]);
    } finally {
      transfer.current = undefined;
      setProgress(undefined);
    }
  };
  return (
    <section aria-labelledby="download">
      <h3 id="download">Data</h3>
      <button type="button" disabled={progress !== undefined} onClick={() => void start()}>
        Download
      </button>
      {progress && <TransferProgress label="Downloading" progress={progress} onCancel={() => transfer.current?.cancel()} />}
      {saved && <p role="status">Saved as {saved}.</p>}
      <Errors errors={errors} />
    </section>
  );
}

/** An image's page: a link back, its name, its errors as the API gave them, and its facts. */
function ImageArticle({
  kind,
  name,
  loaded,
  errors,
  facts,
  children,
}: {
  kind: string;
  name: string | null | undefined;
  loaded: boolean;
  errors: GraphQLErrorShape[];
  facts?: Array<[string, ReactNode]>;
  children?: ReactNode;
}) {
  return (
    <article aria-labelledby="image-name">
      <p>
        <a href={href('images')}>All images</a>
      </p>
      <h2 id="image-name">{name ?? (loaded ? kind : 'Loading…')}</h2>
      <Errors errors={errors} />
      {facts && (
        <dl className="facts">
          {[['Kind', kind] as [string, ReactNode], ...facts].map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value ?? '—'}</dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </article>
  );
}

export function VmImagePage({ gantry, id }: { gantry: Gantry; id: string }) {
  const { data, errors } = useQuery(gantry, VmImageDocument, { id });
  const image = data?.vmImage;
  const facts: Array<[string, ReactNode]> | undefined = image
    ? [
        ['Status', image.status],
        ['Visibility', image.visibility],
        ['Disk format', image.diskFormat],
        ['Size', image.size == null ? null : formatBytes(image.size)],
        ['Checksum (MD5)', image.checksum],
        ['Tags', image.tags.join(', ') || null],
        ['Created', image.createdAt],
      ]
    : undefined;
  return (
    <ImageArticle kind="VM image" name={image?.name} loaded={data !== undefined} errors={errors} {...(facts ? { facts } : {})}>
      {image && (image.downloadUrl ? <Download gantry={gantry} url={image.downloadUrl} fallbackName={image.name ?? image.id} /> : <p>No data uploaded yet.</p>)}
    </ImageArticle>
  );
}

export function CiImagePage({ gantry, id }: { gantry: Gantry; id: string }) {
  const { data, errors } = useQuery(gantry, CiImageDocument, { id });
  const image = data?.ciImage;
  const facts: Array<[string, ReactNode]> | undefined = image
    ? [
        ['Driver', image.driver],
        ['Namespace', image.namespace?.path],
        ['Author', image.author?.username],
        ['Created', image.createdAt],
      ]
    : undefined;
  return (
    <ImageArticle kind="CI image" name={image?.name} loaded={data !== undefined} errors={errors} {...(facts ? { facts } : {})}>
      {image && <Download gantry={gantry} url={image.downloadUrl} fallbackName={image.name} />}
    </ImageArticle>
  );
}
