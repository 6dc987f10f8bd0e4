import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useView } from '../ui/hooks/useView';
import { ViewControls } from '../ui/ViewControls';
import { LAB_NAMES, LABS, type LabChoice, type LabName } from './registry';

/** Each lab's code loads only when its link is opened. */
const LAB_VIEWS: Record<LabName, LazyExoticComponent<ComponentType>> = {
  memory: lazy(() => import('./memory/MemoryLab')),
  transfer: lazy(() => import('./transfer/TransferLab')),
  mandelbrot: lazy(() => import('./mandelbrot/MandelbrotLab')),
  chunks: lazy(() => import('./chunks/ChunksLab')),
};

/** Links to the main page and every lab, the open one marked as current. */
function LabNav({ current }: { readonly current: LabName | null }) {
  return (
    <nav className="lab-nav" aria-label="Labs">
      <a href="./">Main page: the chapter</a>
      {LAB_NAMES.map((name) => (
        <a key={name} href={`?lab=${name}`} aria-current={name === current ? 'page' : undefined}>
          {LABS[name].title}
        </a>
      ))}
    </nav>
  );
}

/** The page when the URL names a lab (`lab=memory`…): the header, the labs' links, the lab. */
export function LabApp({ choice }: { readonly choice: Exclude<LabChoice, { kind: 'none' }> }) {
  const { view, togglePresentation, setTheme } = useView();
  const Lab = choice.kind === 'lab' ? LAB_VIEWS[choice.lab] : null;
  return (
    <div className={view.present ? 'app presenting lab-app' : 'app lab-app'}>
      <header className="top">
        <div>
          <h1>Parallel Playground · Labs</h1>
          <p className="tagline">Beyond sleep(): real work in real Workers, measured.</p>
        </div>
        <ViewControls view={view} onTheme={setTheme} onTogglePresentation={togglePresentation} />
      </header>
      <LabNav current={choice.kind === 'lab' ? choice.lab : null} />
      <main className="lab-main">
        {choice.kind === 'unknown' && (
          <p role="alert" className="alert">
            {choice.message}.
          </p>
        )}
        {Lab && (
          <Suspense fallback={<p className="hint">Loading the lab…</p>}>
            <Lab />
          </Suspense>
        )}
      </main>
    </div>
  );
}
