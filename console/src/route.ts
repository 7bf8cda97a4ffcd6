import { useEffect, useState } from 'react';

/**
 * The console's pages live in the URL's hash (`#/vm-images/<id>`), so a reload or a shared link
 * opens the same page and the gateway serves one HTML file for all of them.
 */
export type Section = 'workloads' | 'containers' | 'images' | 'vm-images' | 'ci-images' | 'catalogue' | 'serverless';

export interface Route {
  section: Section;
  /** The object the page shows; absent for a section's list. `new` opens a create form. */
  id?: string;
}

const SECTIONS: readonly Section[] = ['workloads', 'containers', 'images', 'vm-images', 'ci-images', 'catalogue', 'serverless'];

function readRoute(): Route {
  const [, section, id] = /^#\/([a-z-]+)(?:\/(.+))?$/.exec(location.hash) ?? [];
  if (!section || !SECTIONS.includes(section as Section)) return { section: 'workloads' };
  return id ? { section: section as Section, id: decodeURIComponent(id) } : { section: section as Section };
}

/** The link to a page: `href(section, id)` is what an `<a>` and `readRoute` agree on. */
export function href(section: Section, id?: string): string {
  return id ? `#/${section}/${encodeURIComponent(id)}` : `#/${section}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const onChange = () => setRoute(readRoute());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
