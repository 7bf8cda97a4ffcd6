import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useState } from 'react';
import type { Gantry, GraphQLErrorShape } from './api.js';

export interface QueryState<R> {
  /** undefined while the first answer is awaited; null when the API answered without data. */
  data: R | null | undefined;
  /** The errors as the API gave them, shown beside whatever data came with them. */
  errors: GraphQLErrorShape[];
  /** Asks again, as after a mutation changed what the page shows. */
  reload: () => void;
}

/**
 * One query, run when the page opens and again when its variables change. An answer that
 * arrives after the variables moved on is dropped, so a slow page never overwrites a newer one.
 */
export function useQuery<R, V>(gantry: Gantry, document: TypedDocumentNode<R, V>, variables: V): QueryState<R> {
  const key = JSON.stringify(variables);
  const [answer, setAnswer] = useState<{ data: R | null | undefined; errors: GraphQLErrorShape[] }>({ data: undefined, errors: [] });
  const [asked, setAsked] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `asked` is what reload() bumps to ask again.
  useEffect(() => {
    let current = true;
    void gantry.request(document, JSON.parse(key) as V).then((result) => {
      if (current) setAnswer({ data: result.data ?? null, errors: result.errors ?? [] });
    });
    return () => {
      current = false;
    };
  }, [gantry, document, key, asked]);
  return { ...answer, reload: () => setAsked((count) => count + 1) };
}
