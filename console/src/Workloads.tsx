import { useEffect, useState } from 'react';
import { ContainerStateDocument, WorkloadsDocument, type WorkloadsQuery } from '../../client/index.js';
import type { Gantry } from './api.js';
import { Errors } from './Errors.js';
import { PageButtons, usePaging } from './Paging.js';
import { href } from './route.js';
import { useQuery } from './useQuery.js';

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
  const paging = usePaging();
  const [search, setSearch] = useState('');
  const { after } = paging;
  const { data, errors } = useQuery(gantry, WorkloadsDocument, { first: 25, ...(after ? { after } : {}) });
  const page = data?.workloads;

  const shown = (page?.nodes ?? []).filter((node) => node.name.toLowerCase().includes(search.trim().toLowerCase()));
  return (
    <section aria-labelledby="workloads">
      <h2 id="workloads">Workloads</h2>
      <p>
        <a href={href('serverless', 'new')}>New serverless container</a>
      </p>
      <Errors errors={errors} />
      <label htmlFor="workload-search">Search by name</label>
      <input id="workload-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      <table>
        <caption>Containers and serverless containers, page {paging.number}</caption>
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
                <a href={href(workload.__typename === 'Container' ? 'containers' : 'serverless', workload.id)}>{workload.name}</a>
              </th>
              <td>{workload.__typename === 'Container' ? 'Container' : 'Serverless'}</td>
              <td>
                <State gantry={gantry} workload={workload} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PageButtons paging={paging} hasNextPage={page?.pageInfo.hasNextPage ?? false} endCursor={page?.pageInfo.endCursor} />
    </section>
  );
}
