import type { ComparedRun } from '../engine/compared';
import type { RunState } from '../engine/reducer';
import type { RunSource } from '../engine/runFile';
import { CopyLinkButton } from './CopyLinkButton';
import { ExportMenu } from './ExportMenu';
import { ImportRun } from './ImportRun';

/** What the share bar's actions work on: the run on screen (null before the first Run). */
export interface ShareInput {
  readonly state: RunState | null;
  readonly running: boolean;
  /** Where and when the current run was measured (for its Run JSON); null before a run. */
  readonly source: RunSource | null;
  /** Runs drawn beside the current one (imported, or picked in History), in the order shown. */
  readonly compared: readonly ComparedRun[];
}

/** Keep and share: Export, Copy link, Import run (CONTRACT "Keep and share"). */
export function ShareBar({
  input,
  onImport,
}: {
  readonly input: ShareInput;
  readonly onImport: (files: readonly File[]) => void;
}) {
  return (
    <div className="share-bar" role="toolbar" aria-label="Keep and share">
      <ExportMenu input={input} />
      <CopyLinkButton />
      <ImportRun onFiles={onImport} />
    </div>
  );
}
