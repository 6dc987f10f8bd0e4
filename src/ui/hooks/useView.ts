import { useCallback, useEffect, useState } from 'react';
import { readView, writeView, type Theme, type ViewState } from '../../engine/url';
import { replaceSearch } from '../replaceSearch';

/**
 * How the page looks (URL `present`, `theme`), kept in the URL: the theme as `data-theme` on
 * <html> (styles/page.css), presentation mode for App to put on its root (styles/more.css).
 */
export function useView(): {
  readonly view: ViewState;
  readonly togglePresentation: () => void;
  readonly setTheme: (theme: Theme | undefined) => void;
} {
  const [view, setView] = useState<ViewState>(() => readView(window.location.search));
  const togglePresentation = useCallback(() => setView((v) => ({ ...v, present: !v.present })), []);
  const setTheme = useCallback((theme: Theme | undefined) => setView((v) => ({ ...v, theme })), []);
  useEffect(() => {
    const root = document.documentElement;
    if (view.theme === undefined) delete root.dataset.theme;
    else root.dataset.theme = view.theme;
    replaceSearch(writeView(window.location.search, view));
  }, [view]);
  return { view, togglePresentation, setTheme };
}
