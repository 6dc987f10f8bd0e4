import type { RunState } from '../engine/reducer';
import { CopyLinkButton } from './CopyLinkButton';
import { ExportMenu } from './ExportMenu';

/** What the share bar's actions work on: the run on screen (null before the first Run). */
export interface ShareInput {
  readonly state: RunState | null;
  readonly running: boolean;
}

/** Keep and share: Export, Copy link, Import run (CONTRACT "Keep and share"). */
export function ShareBar({ input }: { readonly input: ShareInput }) {
  return (
    <div className="share-bar" role="toolbar" aria-label="Keep and share">
      <ExportMenu input={input} />
      <CopyLinkButton />
    </div>
  );
}
