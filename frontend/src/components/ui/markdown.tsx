// Markdown as people wrote it (minutes, document bodies), rendered with react-markdown: safe by
// default — raw HTML in the text is shown as text, never parsed (no `rehype-raw`), and link targets
// with a script scheme are dropped by its URL filter — so a text written by one delegation cannot run
// anything in another's browser. Links open outside the app, without passing the page as referrer.
import { TypographyStylesProvider } from '@mantine/core';
import ReactMarkdown, { type Components } from 'react-markdown';

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
};

export function Markdown({ children, testId }: { children: string; testId?: string }) {
  return (
    <TypographyStylesProvider data-testid={testId}>
      <ReactMarkdown skipHtml components={components}>
        {children}
      </ReactMarkdown>
    </TypographyStylesProvider>
  );
}
