import { LabLayout } from '../LabLayout';

/** Lab `chunks` (issue 13): not built yet; says so instead of pretending. */
export default function ChunksLab() {
  return (
    <LabLayout
      lab="chunks"
      controls={null}
      picture={<p className="hint">This lab is not built yet.</p>}
      results={null}
      whatHappened={null}
      python=""
    />
  );
}
