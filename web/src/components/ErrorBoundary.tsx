import { Component, type ReactNode } from 'react';

/** A screen that fails to draw says so, with the reason, instead of leaving the page blank. */
export class ErrorBoundary extends Component<
  { children: ReactNode; message: (reason: string) => string; resetKey: string },
  { error: Error | undefined; resetKey: string }
> {
  override state = { error: undefined as Error | undefined, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  // Moving to another screen clears the failure.
  static getDerivedStateFromProps(props: { resetKey: string }, state: { resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { error: undefined, resetKey: props.resetKey };
  }

  override render() {
    if (this.state.error)
      return (
        <p className="error" role="alert">
          {this.props.message(this.state.error.message)}
        </p>
      );
    return this.props.children;
  }
}
