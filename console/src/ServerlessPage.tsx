import { useEffect, useState } from 'react';
import { CreateServerlessContainerDocument, ServerlessContainerDocument, UpdateServerlessContainerDocument } from '../../client/index.js';
import type { Gantry, GraphQLErrorShape } from './api.js';
import { Errors } from './Errors.js';
import { fieldErrors } from './Field.js';
import { href } from './route.js';
import { type FormValues, inputOf, numberProblems, ServerlessForm, valuesOf } from './ServerlessForm.js';
import { useQuery } from './useQuery.js';

/** While a revision deploys, the page asks again this often to show it become READY or FAILED. */
const DEPLOY_POLL_MS = 1_500;

interface Submission {
  errors: GraphQLErrorShape[];
  fields: Record<string, string>;
  busy: boolean;
}

const IDLE: Submission = { errors: [], fields: {}, busy: false };

/** A mutation payload that is not a success: its message as an error, its fields beside their inputs. */
function refusal(
  payload: { __typename: string; code?: string; message?: string; fields?: Array<{ path: string[]; message: string }> } | undefined,
  errors?: GraphQLErrorShape[],
): Submission {
  // Each field's message is shown beside it; the alert only counts them, so nothing is said twice.
  const fields = payload?.fields?.length ?? 0;
  const message = fields > 0 ? `${fields} ${fields === 1 ? 'field needs' : 'fields need'} fixing: see the messages beside them.` : payload?.message;
  return {
    errors: errors ?? (message ? [{ message, extensions: { code: payload?.code ?? payload?.__typename } }] : []),
    fields: fieldErrors(payload?.fields),
    busy: false,
  };
}

export function ServerlessCreate({ gantry }: { gantry: Gantry }) {
  const [submission, setSubmission] = useState<Submission>(IDLE);
  const submit = async (values: FormValues) => {
    const problems = numberProblems(values);
    if (Object.keys(problems).length > 0) return setSubmission({ ...IDLE, fields: problems });
    setSubmission({ ...IDLE, busy: true });
    const result = await gantry.request(CreateServerlessContainerDocument, { input: { name: values.name.trim(), ...inputOf(values) } });
    const payload = result.data?.createServerlessContainer;
    if (payload?.__typename === 'CreateServerlessContainerSuccess') location.hash = href('serverless', payload.serverlessContainer.id);
    else setSubmission(refusal(payload, result.errors));
  };
  return (
    <section aria-labelledby="new-serverless">
      <p>
        <a href={href('workloads')}>← Workloads</a>
      </p>
      <h2 id="new-serverless">New serverless container</h2>
      <Errors errors={submission.errors} />
      <ServerlessForm
        gantry={gantry}
        initial={valuesOf()}
        creating
        errors={submission.fields}
        busy={submission.busy}
        onSubmit={(values) => void submit(values)}
      />
    </section>
  );
}

/** A serverless container: what it runs, its revisions as a timeline, and the form that deploys a new one. */
export function ServerlessPage({ gantry, id }: { gantry: Gantry; id: string }) {
  const { data, errors, reload } = useQuery(gantry, ServerlessContainerDocument, { id, revisions: 20 });
  const [submission, setSubmission] = useState<Submission>(IDLE);
  const container = data?.serverlessContainer;
  const deploying = container?.revisions.nodes.some((revision) => revision.status === 'DEPLOYING') ?? false;
  useEffect(() => {
    if (!deploying) return;
    const timer = setInterval(reload, DEPLOY_POLL_MS);
    return () => clearInterval(timer);
  }, [deploying, reload]);

  const submit = async (values: FormValues) => {
    if (!container) return;
    const problems = numberProblems(values);
    if (Object.keys(problems).length > 0) return setSubmission({ ...IDLE, fields: problems });
    // Only what changed is sent: the API changes only the fields given.
    const before = inputOf(valuesOf(container)) as Record<string, unknown>;
    const changed = Object.fromEntries(Object.entries(inputOf(values)).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field])));
    setSubmission({ ...IDLE, busy: true });
    const result = await gantry.request(UpdateServerlessContainerDocument, { input: { id, ...changed } });
    const payload = result.data?.updateServerlessContainer;
    if (payload?.__typename === 'UpdateServerlessContainerSuccess') {
      setSubmission(IDLE);
      reload();
    } else setSubmission(refusal(payload, result.errors));
  };

  if (data === undefined) return <p role="status">Loading…</p>;
  return (
    <article aria-labelledby="serverless-name">
      <p>
        <a href={href('workloads')}>← Workloads</a>
      </p>
      <h2 id="serverless-name">{container?.name ?? 'No such serverless container'}</h2>
      <Errors errors={errors} />
      {container && (
        <>
          <dl className="facts">
            <div>
              <dt>Status</dt>
              <dd data-status={container.status}>{container.status}</dd>
            </div>
            <div>
              <dt>Image</dt>
              <dd>{container.containerImage ? <a href={href('catalogue', container.containerImage.id)}>{container.image}</a> : container.image}</dd>
            </div>
            <div>
              <dt>URLs</dt>
              <dd>{container.urls.join(', ') || '—'}</dd>
            </div>
          </dl>
          <section aria-labelledby="revisions">
            <h3 id="revisions">Revisions</h3>
            <ol className="timeline" aria-label="Revisions, newest first">
              {container.revisions.nodes.map((revision) => (
                <li key={revision.id} data-revision={revision.number} data-status={revision.status}>
                  <strong>Revision {revision.number}</strong> <span className="status">{revision.status ?? 'UNKNOWN'}</span>
                  {revision.serving && <span className="serving"> serving</span>} · <code>{revision.image}</code> ·{' '}
                  {revision.createdAt && <time dateTime={revision.createdAt}>{new Date(revision.createdAt).toLocaleString()}</time>}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="change">
            <h3 id="change">Change</h3>
            <Errors errors={submission.errors} />
            {/* Not re-keyed per revision: after a save the form holds what was sent, which is what the new revision runs. */}
            <ServerlessForm
              gantry={gantry}
              initial={valuesOf(container)}
              creating={false}
              errors={submission.fields}
              busy={submission.busy}
              onSubmit={(values) => void submit(values)}
            />
          </section>
        </>
      )}
    </article>
  );
}
