import { useCallback, useEffect, useState } from 'react';
import { ContainerStateDocument, WorkloadsDocument, type WorkloadsQuery } from '../../client/index.js';
import type { Gantry, GraphQLErrorShape } from './api.js';
import { Errors } from './Errors.js';

type Page = NonNullable<WorkloadsQuery['workloads']>;
type Workload = Page['nodes'][number];

/** A container's state, followed live (containerState); a serverless container's status as listed. */
function State({ gantry, workload }: { gantry: Gantry; workload: Workload }) {
  const listed = workload.__typename === 'Container' ? workload.state : workload.__typename === 'ServerlessContainer' ? workload.status : '';
  const [state, setState] = useState<string>(listed);
  useEffect(() => {
    setState(listed);
    if (workload.__typename !== 'Container') return;
    return gantry.subscribe(ContainerStateDocument, { id: workload.id }, (result) => {
      if (result.data?.containerState) setState(result.data.containerState.state);
    });
  }, [gantry, workload, listed]);
  return <span data-state={state}>{state}</span>;
}

/** Containers and serverless containers in one table: a page at a time, filtered by name, states live. */
export function Workloads({ gantry }: { gantry: Gantry }) {
  const [pages, setPages] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<Page>();
  const [errors, setErrors] = useState<GraphQLErrorShape[]>([]);
  const [search, setSearch] = useState('');
  const after = pages.at(-1);

  const load = useCallback(async () => {
    const result = await gantry.request(WorkloadsDocument, { first: 25, ...(after ? { after } : {}) });
    setErrors(result.errors ?? []);
    if (result.data?.workloads) setPage(result.data.workloads);
  }, [gantry, after]);
  useEffect(() => {
    void load();
  }, [load]);

  const shown = (page?.nodes ?? []).filter((node) => node.name.toLowerCase().includes(search.trim().toLowerCase()));
  return (
    <section aria-labelledby="workloads">
      <h2 id="workloads">Workloads</h2>
      <Errors errors={errors} />
      <label htmlFor="workload-search">Search by name</label>
      <input id="workload-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      <table>
        <caption>Containers and serverless containers, page {pages.length}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((workload) => (
            <tr key={workload.id} data-workload={workload.name}>
              <th scope="row">
                {workload.__typename === 'Container' ? <a href={`#/containers/${encodeURIComponent(workload.id)}`}>{workload.name}</a> : workload.name}
              </th>
              <td>{workload.__typename === 'Container' ? 'Container' : 'Serverless'}</td>
              <td>
                <State gantry={gantry} workload={workload} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages">
        <button type="button" disabled={pages.length === 1} onClick={() => setPages(pages.slice(0, -1))}>
          Previous page
        </button>
        <button type="button" disabled={!page?.pageInfo.hasNextPage} onClick={() => setPages([...pages, page?.pageInfo.endCursor ?? undefined])}>
          Next page
        </button>
      </nav>
    </section>
  );
}
