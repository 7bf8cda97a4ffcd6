import type { GraphQLErrorShape } from './api.js';

/** Errors as the API gives them: each with its code, and the backend that failed when it names one. */
export function Errors({ errors }: { errors: GraphQLErrorShape[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="errors">
      <ul>
        {errors.map((error) => (
          <li key={`${error.extensions?.code}:${error.path?.join('.')}:${error.message}`}>
            <strong>{error.extensions?.code ?? 'ERROR'}</strong>
            {error.extensions?.backend ? ` (${error.extensions.backend})` : ''}: {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
