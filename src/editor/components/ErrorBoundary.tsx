// A rendering error in one part of the page (a viewer meeting a value it cannot draw) shows a
// message there instead of blanking the whole editor; the graph is autosaved either way.
import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the failed part; gets the message and a way to try again. */
  fallback: (message: string, reset: () => void) => ReactNode;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { message?: string }> {
  override state: { message?: string } = {};

  static getDerivedStateFromError(error: unknown): { message: string } {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    if (this.state.message !== undefined) return this.props.fallback(this.state.message, () => this.setState({ message: undefined }));
    return this.props.children;
  }
}
