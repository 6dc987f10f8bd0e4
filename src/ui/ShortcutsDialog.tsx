import { forwardRef, useImperativeHandle, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';

export interface ShortcutsDialogHandle {
  open(): void;
}

/**
 * The `Keyboard shortcuts` dialog, listing every key (from src/ui/shortcuts.ts), with the header
 * button that opens it. A native modal `<dialog>`: focus moves into it, Escape and `Close` shut it,
 * and focus returns to where it was.
 */
export const ShortcutsDialog = forwardRef<ShortcutsDialogHandle>(function ShortcutsDialog(_, ref) {
  const dialog = useRef<HTMLDialogElement>(null);
  const open = (): void => {
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  useImperativeHandle(ref, () => ({ open }));
  return (
    <>
      <button type="button" className="link-button shortcuts-button" onClick={open} aria-haspopup="dialog">
        Keyboard shortcuts <kbd>?</kbd>
      </button>
      <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.does}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">Keys typed into a field are the field’s: the shortcuts then wait.</p>
        <form method="dialog">
          <button type="submit" autoFocus>
            Close
          </button>
        </form>
      </dialog>
    </>
  );
});
