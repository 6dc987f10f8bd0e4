import { THEMES, type Theme, type ViewState } from '../engine/url';

const THEME_LABELS: Record<Theme, string> = {
  light: 'Light',
  dark: 'Dark',
  projector: 'Projector (high contrast)',
};

interface Props {
  readonly view: ViewState;
  readonly onTheme: (theme: Theme | undefined) => void;
  readonly onTogglePresentation: () => void;
}

/** How the page looks: the theme (URL `theme`) and presentation mode (URL `present=1`). */
export function ViewControls({ view, onTheme, onTogglePresentation }: Props) {
  return (
    <div className="view-controls">
      <label className="theme-field" htmlFor="theme">
        Theme
      </label>
      <select
        id="theme"
        value={view.theme ?? 'system'}
        onChange={(e) => {
          const value = e.target.value;
          onTheme(THEMES.find((t) => t === value));
        }}
      >
        <option value="system">System</option>
        {THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {THEME_LABELS[theme]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="present-toggle"
        aria-pressed={view.present}
        onClick={onTogglePresentation}
        title="Bigger timelines, only the essential controls (key p)"
      >
        Presentation mode
      </button>
    </div>
  );
}
