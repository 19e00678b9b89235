import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface ThroughputSeries {
  /** Start of each bucket, seconds since the epoch. */
  times: number[];
  finished: number[];
  failed: number[];
}

const HEIGHT = 160;

/** Finished and failed jobs per bucket of one queue, drawn by uPlot; resizes with its container. */
export function ThroughputChart({ title, series }: { title: string; series: ThroughputSeries }) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    plot.current = new uPlot(
      {
        title,
        width: Math.max(200, element.clientWidth),
        height: HEIGHT,
        series: [
          {},
          { label: 'finished', stroke: '#2f855a', fill: 'rgba(47,133,90,0.12)', width: 1.5 },
          { label: 'failed', stroke: '#c53030', fill: 'rgba(197,48,48,0.12)', width: 1.5 },
        ],
        axes: [{}, { size: 40 }],
        scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      },
      [[], [], []],
      element,
    );
    const observer = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, element.clientWidth), height: HEIGHT }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = undefined;
    };
  }, [title]);

  useEffect(() => {
    plot.current?.setData([series.times, series.finished, series.failed]);
  }, [series]);

  return <div class="chart" ref={container} role="img" aria-label={`${title}: jobs finished and failed over time`} />;
}
