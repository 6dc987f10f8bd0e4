import { LabLayout } from '../LabLayout';

/** Lab `memory` (issue 13): not built yet; says so instead of pretending. */
export default function MemoryLab() {
  return (
    <LabLayout
      lab="memory"
      controls={null}
      picture={<p className="hint">This lab is not built yet.</p>}
      results={null}
      whatHappened={null}
      python=""
    />
  );
}
