import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WeeklySeries } from '../../utils/tracker/aggregate';

/** Chart height in CSS pixels: tall enough for a readable y axis, short enough for the page. */
const HEIGHT = 200;

/** The page's theme colours (components/popup/reader-ui.css), resolved: a canvas cannot use
 * CSS variables, so the chart is drawn again when the colour scheme changes. */
function themeColors(element: HTMLElement) {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    fg: read('--fg', '#1f2328'),
    muted: read('--muted', '#57606a'),
    border: read('--border', '#d0d7de'),
    accent: read('--accent', '#b3261e'),
    focus: read('--focus', '#0b57d0'),
  };
}

function chartOptions(width: number, colors: ReturnType<typeof themeColors>): uPlot.Options {
  const axis = (): uPlot.Axis => ({
    stroke: colors.muted,
    grid: { stroke: colors.border, width: 1 },
    ticks: { stroke: colors.border, width: 1 },
  });
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    series: [
      { label: 'Week of' },
      {
        label: 'Mentions',
        stroke: colors.accent,
        // A translucent fill of the bar colour where it is a plain hex colour.
        fill: /^#[0-9a-f]{6}$/i.test(colors.accent) ? `${colors.accent}40` : undefined,
        width: 1,
        paths: uPlot.paths.bars?.({ size: [0.8, 40] }),
        points: { show: false },
      },
      { label: 'Pages', stroke: colors.focus, width: 2, points: { show: false } },
    ],
    axes: [
      { ...axis(), space: 60 },
      { ...axis(), size: 44 },
    ],
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
  };
}

/**
 * A term's sightings per week (mentions as bars, pages as a line) with uPlot: small (≈50 kB),
 * offline, canvas. Drawn in the page's theme colours, again when the theme or width changes.
 */
export function TermTimeline({ series, label }: { series: WeeklySeries; label: string }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const data: uPlot.AlignedData = [series.weeks, series.mentions, series.pages];
    let plot: uPlot | null = null;
    const draw = () => {
      plot?.destroy();
      plot = new uPlot(
        chartOptions(Math.max(240, element.clientWidth), themeColors(element)),
        data,
        element,
      );
    };
    draw();
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', draw);
    let lastWidth = element.clientWidth;
    const resize = new ResizeObserver(() => {
      if (element.clientWidth === lastWidth) return;
      lastWidth = element.clientWidth;
      plot?.setSize({ width: Math.max(240, lastWidth), height: HEIGHT });
    });
    resize.observe(element);
    return () => {
      scheme.removeEventListener('change', draw);
      resize.disconnect();
      plot?.destroy();
    };
  }, [series]);

  const peak = series.mentions.reduce(
    (best, m, i) => (m > (series.mentions[best] ?? 0) ? i : best),
    0,
  );
  const weekName = (seconds: number | undefined) =>
    seconds === undefined
      ? ''
      : new Date(seconds * 1000).toLocaleDateString(undefined, {
          dateStyle: 'medium',
          timeZone: 'UTC',
        });
  const description =
    series.weeks.length === 0
      ? `No sightings of ${label}.`
      : `Weekly sightings of ${label} from the week of ${weekName(series.weeks[0])} to the week of ` +
        `${weekName(series.weeks.at(-1))}; most mentions (${series.mentions[peak] ?? 0}) in the week of ` +
        `${weekName(series.weeks[peak])}.`;
  return <div className="term-timeline" ref={container} role="img" aria-label={description} />;
}
