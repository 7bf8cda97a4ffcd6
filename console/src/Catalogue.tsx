import { useState } from 'react';
import { ContainerImageDocument, type ContainerImageScope, ContainerImagesDocument } from '../../client/index.js';
import type { Gantry } from './api.js';
import { DependencyGraph } from './DependencyGraph.js';
import { Errors } from './Errors.js';
import { PageButtons, usePaging } from './Paging.js';
import { href } from './route.js';
import { useQuery } from './useQuery.js';

const SCOPES: Array<{ scope: ContainerImageScope; label: string }> = [
  { scope: 'ALL', label: 'All images' },
  { scope: 'OWNED', label: 'Owned by you' },
  { scope: 'LOAD_BALANCERS', label: 'Load balancers' },
];

/** The container image catalogue, a page at a time, narrowed by the API's own scope. */
export function Catalogue({ gantry }: { gantry: Gantry }) {
  const paging = usePaging();
  const [scope, setScope] = useState<ContainerImageScope>('ALL');
  const { after } = paging;
  const { data, errors } = useQuery(gantry, ContainerImagesDocument, { first: 25, scope, ...(after ? { after } : {}) });
  const page = data?.containerImages;
  return (
    <section aria-labelledby="catalogue">
      <h2 id="catalogue">Catalogue</h2>
      <label htmlFor="catalogue-scope">Show</label>
      <select
        id="catalogue-scope"
        value={scope}
        onChange={(event) => {
          paging.reset();
          setScope(event.target.value as ContainerImageScope);
        }}
      >
        {SCOPES.map((option) => (
          <option key={option.scope} value={option.scope}>
            {option.label}
          </option>
        ))}
      </select>
      <Errors errors={errors} />
      <table>
        <caption>Container images, page {paging.number}</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Image</th>
            <th scope="col">Role</th>
            <th scope="col">Active</th>
          </tr>
        </thead>
        <tbody>
          {(page?.nodes ?? []).map((image) => (
            <tr key={image.id}>
              <th scope="row">
                <a href={href('catalogue', image.id)}>{image.label}</a>
              </th>
              <td>{image.imageReference}</td>
              <td>{image.roleClass}</td>
              <td>{image.active ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PageButtons paging={paging} hasNextPage={page?.pageInfo.hasNextPage ?? false} endCursor={page?.pageInfo.endCursor} />
    </section>
  );
}

/** One catalogue image: its settings, its dependency graph, and the serverless containers running it. */
export function CatalogueImage({ gantry, id }: { gantry: Gantry; id: string }) {
  const { data, errors } = useQuery(gantry, ContainerImageDocument, { id });
  const image = data?.containerImage;
  return (
    <article aria-labelledby="catalogue-image">
      <p>
        <a href={href('catalogue')}>← Catalogue</a>
      </p>
      <h2 id="catalogue-image">{image?.label ?? (data === undefined ? 'Loading…' : 'Container image')}</h2>
      <Errors errors={errors} />
      {image && (
        <>
          <p>
            <code>{image.imageReference}</code> · {image.roleClass} · {image.minCpu} CPU, {image.minMemory} MB minimum
          </p>
          {image.description && <p>{image.description}</p>}
          <h3>Dependencies</h3>
          <DependencyGraph image={image} requires={image.requiredContainers} requiredBy={image.requiredBy} />
          <h3>Settings</h3>
          <table>
            <caption>Environment parameters</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {image.envParams.map((param) => (
                <tr key={param.name}>
                  <th scope="row">{param.name}</th>
                  <td>{param.paramType}</td>
                  <td>{param.staticValue ?? param.envValue ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Serverless containers running it</h3>
          {image.serverlessContainers.length === 0 ? (
            <p>None of yours.</p>
          ) : (
            <ul>
              {image.serverlessContainers.map((container) => (
                <li key={container.id}>
                  <a href={href('serverless', container.id)}>{container.name}</a> ({container.status})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
