// The screens shown instead of the form: the link is unknown, not open yet or closed, the server is
// busy or unreachable (with a retry), or the answers were received (and what happens to them next).
import { useEffect, useRef } from 'react';

import { frameAttributes, intlKnows } from './languages';
import type { MessageKey, Translate } from './messages';

export type ScreenKind = 'not_found' | 'not_yet_open' | 'closed' | 'too_many' | 'network' | 'server' | 'thanks';

const texts: Record<Exclude<ScreenKind, 'too_many'>, [MessageKey, MessageKey]> = {
  not_found: ['state.notFound.title', 'state.notFound.body'],
  not_yet_open: ['state.notYetOpen.title', 'state.notYetOpen.body'],
  closed: ['state.closed.title', 'state.closed.body'],
  network: ['state.network.title', 'state.network.body'],
  server: ['state.server.title', 'state.server.body'],
  thanks: ['thanks.title', 'thanks.body'],
};

/** "in 2 minutes" in the page's language, from a wait in seconds. */
export function waitPhrase(lang: string, seconds: number): string {
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (seconds < 90) return format.format(Math.max(1, Math.round(seconds)), 'second');
  if (seconds < 90 * 60) return format.format(Math.round(seconds / 60), 'minute');
  return format.format(Math.round(seconds / 3600), 'hour');
}

/**
 * The sentence for a 429, in the words' language: when to try again, if the server said and the browser
 * can say "in 2 minutes" in that language (else "later", rather than an English phrase in the sentence).
 */
export function tooManyMessage(t: Translate, retryAfterSeconds: number | undefined): string {
  return retryAfterSeconds === undefined || !intlKnows(t.lang, Intl.RelativeTimeFormat)
    ? t('submit.tooManyLater')
    : t('submit.tooMany', { when: waitPhrase(t.lang, retryAfterSeconds) });
}

type StatusScreenProps = {
  kind: ScreenKind;
  t: Translate;
  lang: string;
  /** The consultation's title, when the form was loaded. */
  title?: string;
  retryAfterSeconds?: number;
  onRetry?: () => void;
};

export function StatusScreen({ kind, t, lang, title, retryAfterSeconds, onRetry }: StatusScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const frame = frameAttributes(t.lang === lang ? undefined : t.lang);
  const [titleKey, bodyKey] =
    kind === 'too_many' ? (['state.server.title', 'state.server.body'] as const) : texts[kind];
  const headingText = kind === 'too_many' ? t('state.server.title') : t(titleKey);
  const body = kind === 'too_many' ? tooManyMessage(t, retryAfterSeconds) : t(bodyKey);

  useEffect(() => {
    document.title = title ? `${headingText} · ${title}` : headingText;
    // A screen that replaces the form after an action takes focus, so it is announced.
    heading.current?.focus();
  }, [headingText, title]);

  return (
    <section className={`status status-${kind}`} aria-labelledby="status-heading">
      {title ? <p className="status-context">{title}</p> : null}
      <h1 id="status-heading" ref={heading} tabIndex={-1} {...frame}>
        {headingText}
      </h1>
      <p {...frame}>{body}</p>
      {kind === 'thanks' ? <p {...frame}>{t('thanks.next')}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry} {...frame}>
          {t('retry')}
        </button>
      ) : null}
    </section>
  );
}
