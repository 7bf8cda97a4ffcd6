import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ContainerMetricsDocument, ContainerMetricsWindowDocument } from '../../client/index.js';
import type { Gantry, GraphQLErrorShape } from './api.js';
import { Errors } from './Errors.js';

/** Points kept per chart: a window of three hours at one sample each 30 s. */
const MAX_POINTS = 360;

interface Series {
  times: number[];
  values: number[];
}

/** One uPlot line chart, redrawn as its series grows; the latest value is also text, for screen readers. */
function Chart({ title, unit, series }: { title: string; unit: string; series: Series }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  useEffect(() => {
    if (!box.current) return;
    plot.current = new uPlot(
      { width: 520, height: 180, series: [{}, { label: `${title} (${unit})`, stroke: '#1d4ed8', width: 2 }], axes: [{}, { label: unit }] },
      [[], []],
      box.current,
    );
    return () => plot.current?.destroy();
  }, [title, unit]);
  useEffect(() => {
    plot.current?.setData([series.times, series.values]);
  }, [series]);
  const latest = series.values.at(-1);
  return (
    <figure data-chart={title} data-points={series.times.length} data-last={series.times.at(-1) ?? ''}>
      <div ref={box} role="img" aria-label={`${title} over time, ${series.times.length} samples`} />
      <figcaption>
        {title}: {latest === undefined ? 'no samples yet' : `${latest.toFixed(1)} ${unit} now`}
      </figcaption>
    </figure>
  );
}

const append = (series: Series, time: number, value: number): Series => ({
  times: [...series.times, time].slice(-MAX_POINTS),
  values: [...series.values, value].slice(-MAX_POINTS),
});

/** CPU and memory: the recent window (`ContainerMetricsWindow`), then each new sample (`containerMetrics`). */
export function Metrics({ gantry, id }: { gantry: Gantry; id: string }) {
  const [cpu, setCpu] = useState<Series>({ times: [], values: [] });
  const [memory, setMemory] = useState<Series>({ times: [], values: [] });
  const [errors, setErrors] = useState<GraphQLErrorShape[]>([]);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void gantry.request(ContainerMetricsWindowDocument, { id }).then((result) => {
      if (gone) return;
      setErrors(result.errors ?? []);
      const container = result.data?.container;
      const seconds = (timestamp: string) => Date.parse(timestamp) / 1000;
      setCpu({ times: (container?.cpuUsage ?? []).map((s) => seconds(s.timestamp)), values: (container?.cpuUsage ?? []).map((s) => s.percent) });
      setMemory({ times: (container?.memoryUsage ?? []).map((s) => seconds(s.timestamp)), values: (container?.memoryUsage ?? []).map((s) => s.megabytes) });
      stop = gantry.subscribe(ContainerMetricsDocument, { id }, (event) => {
        const sample = event.data?.containerMetrics;
        if (!sample) return;
        const time = Date.parse(sample.timestamp) / 1000;
        // A sample with no reading (null) is not drawn.
        const { cpuPercent, memoryMegabytes } = sample;
        if (cpuPercent !== null) setCpu((series) => (series.times.at(-1) === time ? series : append(series, time, cpuPercent)));
        if (memoryMegabytes !== null) setMemory((series) => (series.times.at(-1) === time ? series : append(series, time, memoryMegabytes)));
      });
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [gantry, id]);
  return (
    <section aria-labelledby="metrics">
      <h3 id="metrics">CPU and memory</h3>
      <Errors errors={errors} />
      <div className="charts">
        <Chart title="CPU" unit="%" series={cpu} />
        <Chart title="Memory" unit="MB" series={memory} />
      </div>
    </section>
  );
}
