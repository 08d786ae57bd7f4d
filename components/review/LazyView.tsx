import { useEffect, useState, type ComponentType } from 'react';

/**
 * A view whose code loads when it is first shown, without React.lazy: React 19 holds back the
 * content of a Suspense boundary that showed its fallback for up to 300 ms (its "throttled
 * reveal"), which alone would cost the Terms dashboard a third of its one-second budget.
 * https://github.com/facebook/react/issues/31819 (introduced by facebook/react#26611).
 */
export function LazyView({ load }: { load: () => Promise<ComponentType> }) {
  const [view, setView] = useState<{ Component: ComponentType } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    load().then(
      (Component) => live && setView({ Component }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (failed) return <p className="status-line status-error">This view could not be loaded.</p>;
  if (!view) return <p className="loading">Loading…</p>;
  return <view.Component />;
}
