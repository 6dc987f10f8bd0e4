import type { ReactNode } from 'react';
import { CopyButton } from '../ui/CodePane';
import { LABS, type LabName } from './registry';

interface Props {
  readonly lab: LabName;
  /** The lab's inputs and its Run / Stop buttons. */
  readonly controls: ReactNode;
  /** The live picture (canvas, bars). */
  readonly picture: ReactNode;
  /** The results table. */
  readonly results: ReactNode;
  /** One paragraph generated from the measurements; null before a run. */
  readonly whatHappened: string | null;
  /** The Python the lab mirrors. */
  readonly python: string;
  /** Anything the lab must say first (e.g. why it cannot run here). */
  readonly notice?: ReactNode;
}

/** The frame every lab shares: question, controls, picture, results, what happened, the Python. */
export function LabLayout({ lab, controls, picture, results, whatHappened, python, notice }: Props) {
  const info = LABS[lab];
  return (
    <section className="lab" aria-labelledby="lab-title">
      <header className="lab-head">
        <h2 id="lab-title">{info.title}</h2>
        <p className="lab-question">{info.question}</p>
      </header>
      {notice}
      <div className="lab-grid">
        <div className="lab-controls">{controls}</div>
        <div className="lab-output">
          <div className="lab-picture">{picture}</div>
          <div className="lab-results">{results}</div>
          <section className="what-happened" aria-labelledby="lab-what-title">
            <h3 id="lab-what-title">What happened</h3>
            <p>{whatHappened ?? 'Run the lab to see what happens, measured on this machine.'}</p>
          </section>
          <section className="lab-python" aria-labelledby="lab-python-title">
            <h3 id="lab-python-title">
              The Python it mirrors <CopyButton text={python} what="Python" />
            </h3>
            <pre tabIndex={0} aria-label="Python code">
              <code>{python}</code>
            </pre>
          </section>
        </div>
      </div>
    </section>
  );
}
