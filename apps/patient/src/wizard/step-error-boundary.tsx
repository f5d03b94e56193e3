import { Component, type ReactNode } from 'react';
import { LoadError } from '../components/load-error.js';

interface State {
  failed: boolean;
}

/**
 * A step whose code could not be downloaded (connection lost between steps) says so and offers a
 * reload, instead of a blank page.
 */
export class StepErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <LoadError
        title="This step could not be loaded."
        onRetry={() => window.location.reload()}
        isRetrying={false}
      >
        Check your internet connection and try again; your choices so far are kept.
      </LoadError>
    );
  }
}
