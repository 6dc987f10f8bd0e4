import { useCallback, useEffect, useRef, useState } from 'react';
import { uniqueLabel, type ComparedRun } from '../../engine/compared';
import { readRunFile } from '../../engine/runFile';

/** Larger than any real run file (10,000 tasks of events is a few MB): refuse before reading. */
const MAX_BYTES = 50 * 1024 * 1024;

export interface Compared {
  /** Imported runs, then the runs picked in History, in the order drawn. */
  readonly runs: readonly ComparedRun[];
  /** Reads Run JSON files (file picker or drop); a bad one sets `error` and changes nothing else. */
  readonly importFiles: (files: readonly File[]) => void;
  readonly remove: (id: string) => void;
  /** Replaces the runs picked in History. */
  readonly showHistory: (runs: readonly ComparedRun[]) => void;
  /** The last import's problem, naming the file and what is wrong; null when none. */
  readonly error: string | null;
  readonly dismissError: () => void;
}

/** The runs drawn beside the current one: imported files and History picks. */
export function useCompared(): Compared {
  const [imported, setImported] = useState<readonly ComparedRun[]>([]);
  const [picked, setPicked] = useState<readonly ComparedRun[]>([]);
  const [error, setError] = useState<string | null>(null);
  const count = useRef(0);
  const shown = useRef<readonly ComparedRun[]>([]);
  const runs = [...imported, ...picked];
  useEffect(() => {
    shown.current = runs;
  });

  const importAll = useCallback(async (files: readonly File[]) => {
    for (const file of files) {
      const problem = (detail: string): void =>
        setError(`Import run: ${file.name}: ${detail}. Nothing on the page changed.`);
      if (file.size > MAX_BYTES) {
        problem(`${(file.size / 1024 / 1024).toFixed(0)} MB is too large for a Run JSON file (at most 50 MB)`);
        continue;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (reason) {
        problem(`could not be read (${reason instanceof Error ? reason.message : String(reason)})`);
        continue;
      }
      const read = readRunFile(text);
      if (!read.ok) {
        problem(read.error);
        continue;
      }
      setError(null);
      count.current += 1;
      const taken = shown.current.map((r) => r.label);
      const run: ComparedRun = {
        id: `import-${count.current}`,
        label: uniqueLabel(read.file.source.label, taken),
        file: read.file,
        state: read.state,
      };
      shown.current = [...shown.current, run];
      setImported((before) => [...before, run]);
    }
  }, []);

  const importFiles = useCallback((files: readonly File[]) => void importAll(files), [importAll]);
  const remove = useCallback((id: string) => {
    setImported((before) => before.filter((r) => r.id !== id));
    setPicked((before) => before.filter((r) => r.id !== id));
  }, []);
  const showHistory = useCallback((next: readonly ComparedRun[]) => setPicked(next), []);
  const dismissError = useCallback(() => setError(null), []);
  return { runs, importFiles, remove, showHistory, error, dismissError };
}
