/// <reference lib="webworker" />
// Lab `mandelbrot`: a pool worker. It computes the tiles of each chunk it is handed, in order, and
// sends each tile's iteration counts back as soon as they are done, transferred (not copied).
import { renderTile, type View } from './mandel';
import type { FromWorker, ToWorker } from './protocol';
import type { Tile } from './tiles';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The clock the page uses too: each side's timeOrigin differs, timeOrigin + now() agrees. */
const now = (): number => performance.timeOrigin + performance.now();

function reply(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === 'warm') {
    // A small tile over the same view, so the loop is compiled before the timed block starts.
    const { view } = message;
    renderTile({ x: 0, y: 0, w: 24, h: 16 }, { ...view, step: view.step * 50 }, message.maxIter);
    reply({ kind: 'ready' });
    return;
  }
  if (message.kind === 'queue') {
    const { tiles, next, chunkSize } = message;
    for (let first = Atomics.add(next, 0, chunkSize); first < tiles.length; first = Atomics.add(next, 0, chunkSize))
      compute(tiles.slice(first, first + chunkSize), message.view, message.maxIter);
    return;
  }
  compute(message.tiles, message.view, message.maxIter);
});

/** Computes the tiles in order, each sent back (transferred) the moment it is done. */
function compute(tiles: readonly Tile[], view: View, maxIter: number): void {
  tiles.forEach((tile, i) => {
    const startMs = now();
    const { counts, iterations } = renderTile(tile, view, maxIter);
    const endMs = now();
    const last = i === tiles.length - 1;
    reply({ kind: 'tile', index: tile.index, startMs, endMs, iterations, counts, last }, [counts.buffer]);
  });
}
