import { Component, type ReactNode } from 'react';

interface State {
  readonly failed: boolean;
}

/** Keeps a chart that cannot load (e.g. its file vanished after a redeploy) from taking the page down. */
export class ChartBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return (
        <p className="hint">
          The chart could not be loaded. Reload the page to see it; the table above has the same numbers.
        </p>
      );
    }
    return this.props.children;
  }
}
