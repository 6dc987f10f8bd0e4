import { useRef } from 'react';

/** Button `Import run`: picks Run JSON files (this page's exports, History, python/trace_chapter.py). */
export function ImportRun({ onFiles }: { readonly onFiles: (files: readonly File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        title="Draw a Run JSON file beside this run: an export of this page, or python/trace_chapter.py's output from real CPython. You can also drop files on the page."
      >
        Import run
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        multiple
        hidden
        aria-label="Run JSON file to import"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = ''; // the same file can be picked again
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
