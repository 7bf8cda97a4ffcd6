import { type FormEvent, useState } from 'react';
import { ImagesDocument, type ImageSource } from '../../client/index.js';
import type { Gantry } from './api.js';
import { Errors } from './Errors.js';
import { ImageUpload } from './ImageUpload.js';
import { PageButtons, usePaging } from './Paging.js';
import { href } from './route.js';
import { formatBytes } from './transfer.js';
import { useQuery } from './useQuery.js';

const SOURCES: Array<{ source: ImageSource; label: string }> = [
  { source: 'VM_IMAGES', label: 'VM images' },
  { source: 'CI_IMAGES', label: 'CI images' },
];

/** VM and CI images in one list (`images`): the name filter and the source filter are the API's own. */
export function Images({ gantry }: { gantry: Gantry }) {
  const paging = usePaging();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [sources, setSources] = useState<ImageSource[]>(['VM_IMAGES', 'CI_IMAGES']);
  const { after } = paging;
  const filter = { sources, ...(name ? { name } : {}) };
  const { data, errors, reload } = useQuery(gantry, ImagesDocument, { first: 25, filter, ...(after ? { after } : {}) });
  const page = data?.images;

  const search = (event: FormEvent) => {
    event.preventDefault();
    paging.reset();
    setName(text.trim());
  };
  const toggle = (source: ImageSource, on: boolean) => {
    paging.reset();
    setSources(on ? [...sources, source] : sources.filter((kept) => kept !== source));
  };

  return (
    <section aria-labelledby="images">
      <h2 id="images">Images</h2>
      <ImageUpload gantry={gantry} onUploaded={reload} />
      <form className="filters" onSubmit={search}>
        <div>
          <label htmlFor="image-search">Name contains</label>
          <input id="image-search" type="search" value={text} onChange={(event) => setText(event.target.value)} />
          <button type="submit">Filter</button>
        </div>
        <fieldset>
          <legend>Sources</legend>
          {SOURCES.map(({ source, label }) => (
            <label key={source} className="inline">
              <input type="checkbox" checked={sources.includes(source)} onChange={(event) => toggle(source, event.target.checked)} /> {label}
            </label>
          ))}
        </fieldset>
      </form>
      <Errors errors={errors} />
      <table>
        <caption>VM and CI images, newest first, page {paging.number}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Status or driver</th>
            <th scope="col">Size</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {(page?.nodes ?? []).map((image) => (
            <tr key={image.id} data-image={image.name ?? image.id}>
              <th scope="row">
                <a href={href(image.__typename === 'VmImage' ? 'vm-images' : 'ci-images', image.id)}>{image.name ?? image.id}</a>
              </th>
              <td>{image.__typename === 'VmImage' ? 'VM image' : 'CI image'}</td>
              <td>{image.__typename === 'VmImage' ? image.status : image.driver}</td>
              <td>{image.__typename === 'VmImage' && image.size != null ? formatBytes(image.size) : ''}</td>
              <td>{image.createdAt && <time dateTime={image.createdAt}>{new Date(image.createdAt).toLocaleString()}</time>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PageButtons paging={paging} hasNextPage={page?.pageInfo.hasNextPage ?? false} endCursor={page?.pageInfo.endCursor} />
    </section>
  );
}
