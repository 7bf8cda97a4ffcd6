import { type FormEvent, useEffect, useState } from 'react';
import { SearchDocument, type SearchQuery } from '../../client/index.js';
import type { Gantry, GraphQLErrorShape } from './api.js';
import { Errors } from './Errors.js';
import { href, type Section } from './route.js';

type Hit = SearchQuery['search'][number];

/** Where each kind of hit leads: its own page. */
const PAGES: Record<string, Section> = {
  Container: 'containers',
  ServerlessContainer: 'serverless',
  VmImage: 'vm-images',
  CiImage: 'ci-images',
  ContainerImage: 'catalogue',
};

/** A hit's name and the page it opens. */
function describe(hit: Hit): { name: string; href?: string } {
  const node = hit.node;
  const section = PAGES[node.__typename];
  const link = section && 'id' in node ? { href: href(section, node.id) } : {};
  if ('imageName' in node) return { name: node.imageName ?? node.id, ...link };
  if ('label' in node) return { name: node.label, ...link };
  if ('name' in node) return { name: node.name, ...link };
  return { name: 'unnamed' };
}

/** The global search box (`search`): names across every service, best first. */
export function Search({ gantry }: { gantry: Gantry }) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<Hit[]>();
  const [errors, setErrors] = useState<GraphQLErrorShape[]>([]);
  // Following a hit closes the results.
  useEffect(() => {
    const close = () => setHits(undefined);
    addEventListener('hashchange', close);
    return () => removeEventListener('hashchange', close);
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    const result = await gantry.request(SearchDocument, { text: text.trim(), first: 10 });
    setErrors(result.errors ?? []);
    setHits(result.data?.search ?? []);
  };
  return (
    <search className="global-search">
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="global-search">Search everything</label>
        <input id="global-search" type="search" value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit">Search</button>
      </form>
      <Errors errors={errors} />
      {hits && (
        <ul aria-label="Search results" className="hits">
          {hits.length === 0 && <li>Nothing found.</li>}
          {hits.map((hit) => {
            const { name, href } = describe(hit);
            return (
              <li key={`${hit.node.__typename}:${'id' in hit.node ? hit.node.id : name}`}>
                {href ? <a href={href}>{name}</a> : name} <span className="kind">{hit.node.__typename}</span>
              </li>
            );
          })}
        </ul>
      )}
    </search>
  );
}
