// Catches a render error below it and shows it instead of a blank page; React has no hook for this.
import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { fallback: (error: unknown, reset: () => void) => ReactNode; children: ReactNode };
type State = { error: unknown; failed: boolean };

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Render error', error, info.componentStack);
  }

  reset = () => this.setState({ error: null, failed: false });

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}
