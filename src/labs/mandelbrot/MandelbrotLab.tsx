import { LabLayout } from '../LabLayout';

/** Lab `mandelbrot` (issue 13): not built yet; says so instead of pretending. */
export default function MandelbrotLab() {
  return (
    <LabLayout
      lab="mandelbrot"
      controls={null}
      picture={<p className="hint">This lab is not built yet.</p>}
      results={null}
      whatHappened={null}
      python=""
    />
  );
}
