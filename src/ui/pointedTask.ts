import { createContext } from 'react';

/**
 * Tells the page which task's bar is under the pointer or keyboard focus (null: none), so the code
 * pane can highlight that task's lines. The timelines call it; App provides it.
 */
export const PointTaskContext = createContext<(task: number | null) => void>(() => undefined);
