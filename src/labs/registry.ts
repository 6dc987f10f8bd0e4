// The labs (issue 13): page sections opened by URL `lab=<name>`, each with its own controls,
// live picture, results table, "What happened" and the Python it mirrors.

export const LAB_NAMES = ['memory', 'transfer', 'mandelbrot', 'chunks'] as const;
export type LabName = (typeof LAB_NAMES)[number];

export interface LabInfo {
  /** Link text and heading. */
  readonly title: string;
  /** The question the lab answers, one line. */
  readonly question: string;
}

export const LABS: Record<LabName, LabInfo> = {
  memory: {
    title: 'Separate vs shared memory',
    question: 'Why don’t processes share variables, and what does sharing cost?',
  },
  transfer: {
    title: 'What sending data costs',
    question: 'What does passing data to a Worker cost: copy, move or share?',
  },
  mandelbrot: { title: 'A picture that doesn’t split evenly', question: 'Why do static chunks leave workers idle?' },
  chunks: { title: 'When parallel loses', question: 'Why can a pool be slower than a loop for many tiny tasks?' },
};

export type LabChoice =
  | { readonly kind: 'none' }
  | { readonly kind: 'lab'; readonly lab: LabName }
  /** `lab=` names no lab: the alert says what is allowed. */
  | { readonly kind: 'unknown'; readonly message: string };

/** Reads URL `lab`; absent or empty means the main page. */
export function readLab(search: string): LabChoice {
  const raw = new URLSearchParams(search).get('lab');
  if (raw === null || raw.trim() === '') return { kind: 'none' };
  const name = raw.trim().toLowerCase();
  const lab = LAB_NAMES.find((n) => n === name);
  if (lab) return { kind: 'lab', lab };
  return {
    kind: 'unknown',
    message: `Lab: "${raw}" is not a lab; use ${LAB_NAMES.slice(0, -1).join(', ')} or ${LAB_NAMES.at(-1) ?? ''}`,
  };
}
