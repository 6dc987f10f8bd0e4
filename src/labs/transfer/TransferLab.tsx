import { LabLayout } from '../LabLayout';

/** Lab `transfer` (issue 13): not built yet; says so instead of pretending. */
export default function TransferLab() {
  return (
    <LabLayout
      lab="transfer"
      controls={null}
      picture={<p className="hint">This lab is not built yet.</p>}
      results={null}
      whatHappened={null}
      python=""
    />
  );
}
