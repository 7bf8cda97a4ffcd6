import { useEffect, useRef, useState } from 'react';
import {
  type ContainerLogsSubscription,
  ContainerDocument,
  ContainerLogsDocument,
  ContainerStateDocument,
  type PowerAction,
  PowerContainerDocument,
} from '../../client/index.js';
import type { Gantry, GraphQLErrorShape } from './api.js';
import { Errors } from './Errors.js';
import { Metrics } from './Metrics.js';
import { useQuery } from './useQuery.js';

type Line = NonNullable<ContainerLogsSubscription['containerLogs']['line']>;

/** The last log cursor shown, per container and tab: a reload resumes after it (`after`), no line lost or repeated. */
const cursorKey = (id: string) => `gantry-console-log-cursor:${id}`;
/** The tail kept on screen. */
const MAX_LINES = 500;

/** The log tail: grows live (`containerLogs` with `after`), follow or pause, and a text filter. */
function LogTail({ gantry, id }: { gantry: Gantry; id: string }) {
  const [lines, setLines] = useState<Array<Line & { key: string }>>([]);
  const [follow, setFollow] = useState(true);
  const [filter, setFilter] = useState('');
  const [errors, setErrors] = useState<GraphQLErrorShape[]>([]);
  const box = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const after = sessionStorage.getItem(cursorKey(id)) ?? undefined;
    return gantry.subscribe(ContainerLogsDocument, { id, ...(after ? { after } : {}) }, (result) => {
      if (result.errors) setErrors(result.errors);
      const event = result.data?.containerLogs;
      if (!event?.line) return;
      const line = { ...event.line, key: event.cursor };
      sessionStorage.setItem(cursorKey(id), event.cursor);
      setLines((shown) => [...shown, line].slice(-MAX_LINES));
    });
  }, [gantry, id]);

  useEffect(() => {
    if (follow && box.current) box.current.scrollTop = box.current.scrollHeight;
  });

  const needle = filter.trim().toLowerCase();
  const shown = needle ? lines.filter((line) => line.message.toLowerCase().includes(needle)) : lines;
  return (
    <section aria-labelledby="logs">
      <h3 id="logs">Logs</h3>
      <Errors errors={errors} />
      <div className="toolbar">
        <button type="button" aria-pressed={follow} onClick={() => setFollow(!follow)}>
          {follow ? 'Pause' : 'Follow'}
        </button>
        <label htmlFor="log-filter">Filter lines</label>
        <input id="log-filter" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take keyboard focus to be scrolled by keyboard (axe: scrollable-region-focusable). */}
      <ol ref={box} className="logs" aria-label="Log lines" aria-live={follow ? 'polite' : 'off'} tabIndex={0}>
        {shown.map((line) => (
          <li key={line.key} data-log-line data-cursor={line.key}>
            <time dateTime={line.timestamp}>{line.timestamp}</time> {line.message}
          </li>
        ))}
      </ol>
    </section>
  );
}

const ACTIONS: PowerAction[] = ['START', 'STOP', 'RESTART'];

/** Power buttons: a confirmation, a pending state, and the typed error when the action is refused. */
function Power({ gantry, id, onDone }: { gantry: Gantry; id: string; onDone: () => void }) {
  const [asking, setAsking] = useState<PowerAction>();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<GraphQLErrorShape[]>([]);
  const run = async (action: PowerAction) => {
    setAsking(undefined);
    setPending(true);
    const result = await gantry.request(PowerContainerDocument, { input: { id, action } });
    setPending(false);
    const payload = result.data?.powerContainer;
    if (result.errors) setRefusal(result.errors);
    else if (payload && payload.__typename !== 'PowerContainerSuccess') setRefusal([{ message: payload.message, extensions: { code: payload.code } }]);
    else {
      setRefusal([]);
      onDone();
    }
  };
  return (
    <section aria-labelledby="power">
      <h3 id="power">Power</h3>
      <div className="toolbar">
        {ACTIONS.map((action) => (
          <button key={action} type="button" disabled={pending} onClick={() => setAsking(action)}>
            {action.toLowerCase()}
          </button>
        ))}
        {pending && <span role="status">Sending…</span>}
      </div>
      {asking && (
        <div role="alertdialog" aria-labelledby="confirm-power" className="confirm">
          <p id="confirm-power">{asking} this container?</p>
          <button type="button" onClick={() => void run(asking)}>
            Yes, {asking.toLowerCase()}
          </button>
          <button type="button" onClick={() => setAsking(undefined)}>
            Cancel
          </button>
        </div>
      )}
      <Errors errors={refusal} />
    </section>
  );
}

/** One container: its facts, its state live, power, the log tail and the process table. */
export function ContainerPage({ gantry, id }: { gantry: Gantry; id: string }) {
  const { data, errors, reload } = useQuery(gantry, ContainerDocument, { id, logLimit: 1 });
  const container = data === undefined ? undefined : (data?.container ?? null);
  const [state, setState] = useState<string>();
  useEffect(
    () =>
      gantry.subscribe(ContainerStateDocument, { id }, (result) => {
        if (result.data?.containerState) setState(result.data.containerState.state);
      }),
    [gantry, id],
  );

  if (container === undefined) return <p role="status">Loading…</p>;
  return (
    <section aria-labelledby="container-name">
      <p>
        <a href="#/workloads">← Workloads</a>
      </p>
      <Errors errors={errors} />
      {container === null ? (
        <h2 id="container-name">No such container</h2>
      ) : (
        <>
          <h2 id="container-name">{container.name}</h2>
          <dl className="facts">
            <dt>State</dt>
            <dd data-state={state ?? container.state}>{state ?? container.state}</dd>
            <dt>Image</dt>
            <dd>{container.image?.label ?? '—'}</dd>
            <dt>Local IP</dt>
            <dd>{container.localIp ?? '—'}</dd>
          </dl>
          <Power gantry={gantry} id={id} onDone={reload} />
          <LogTail gantry={gantry} id={id} />
          <Metrics gantry={gantry} id={id} />
          <section aria-labelledby="processes">
            <h3 id="processes">Processes</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">PID</th>
                  <th scope="col">Command</th>
                  <th scope="col">CPU time</th>
                </tr>
              </thead>
              <tbody>
                {container.processes.map((process) => (
                  <tr key={process.pid}>
                    <td>{process.pid}</td>
                    <td>{process.command}</td>
                    <td>{process.cpuTime}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}
