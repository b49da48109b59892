// The public page: reads the link token from the path and the language from `?lang=` (or the browser),
// loads the form and the page's own words in that language (both at once), and shows the form, a state
// the link is in (unknown, not yet open, closed — with the owners' "you said, we did" note once there is one —
// busy, unreachable) or the thank-you screen. Answers
// survive a language switch.
import { useCallback, useEffect, useState } from 'react';

import { emptyProfile, type Drafts, type ProfileDraft } from './answers';
import { fetchForm, type FormResult } from './api';
import type { PublicForm } from './api-types';
import { FeedbackScreen } from './feedback-screen';
import { applyDocumentLanguage, languageName, requestedLanguage } from './languages';
import { english, loadDictionary, translator, uiLanguage, type Dictionary } from './messages';
import { ResponseForm } from './response-form';
import { StatusScreen, type ScreenKind } from './status-screen';

/** The token of `/respond/{token}`; empty when the path has none. */
export function tokenFromPath(path: string): string {
  const match = /^\/respond\/([^/]+)\/?$/.exec(path);
  if (!match?.[1]) return '';
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return '';
  }
}

type Screen =
  | { kind: 'loading' }
  | { kind: 'form' }
  | { kind: 'feedback' }
  | { kind: ScreenKind; retryAfterSeconds?: number };

function screenFor(result: Exclude<FormResult, { kind: 'ok' }>): Screen {
  switch (result.kind) {
    case 'not_found':
      return { kind: 'not_found' };
    case 'closed':
      return { kind: 'closed' };
    case 'too_many':
      return { kind: 'too_many', retryAfterSeconds: result.retryAfterSeconds };
    case 'network':
      return { kind: 'network' };
    default:
      return { kind: 'server' };
  }
}

function screenForForm(form: PublicForm): Screen {
  if (form.state === 'not_yet_open') return { kind: 'not_yet_open' };
  if (form.state === 'closed' && form.feedback) return { kind: 'feedback' };
  if (!form.accepting_responses || form.state === 'closed') return { kind: 'closed' };
  return { kind: 'form' };
}

export function RespondApp({ path, search }: { path: string; search: string }) {
  const token = tokenFromPath(path);
  const [lang, setLang] = useState(() => requestedLanguage(search, globalThis.navigator?.language));
  const [form, setForm] = useState<PublicForm | null>(null);
  const [screen, setScreen] = useState<Screen>(token ? { kind: 'loading' } : { kind: 'not_found' });
  const [attempt, setAttempt] = useState(0);
  const [switching, setSwitching] = useState(false);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [profile, setProfile] = useState<ProfileDraft>(emptyProfile);
  // The page's words by the language they were asked for (see uiLanguage); English is bundled.
  const [dictionaries, setDictionaries] = useState<Partial<Record<string, Dictionary>>>({ en: english });

  const shownLang = form?.lang ?? lang;
  const dictionary = dictionaries[uiLanguage(shownLang)];
  const t = translator(dictionary ?? english, shownLang);

  const remember = useCallback((asked: string, loaded: Dictionary) => {
    setDictionaries((current) => (current[asked] === loaded ? current : { ...current, [asked]: loaded }));
  }, []);

  // The words of the language asked for, fetched while the form is (not after it), so the loading and
  // error screens speak that language too.
  useEffect(() => {
    let live = true;
    const asked = uiLanguage(lang);
    void loadDictionary(asked).then((loaded) => {
      if (live) remember(asked, loaded);
    });
    return () => {
      live = false;
    };
  }, [lang, remember]);

  useEffect(() => {
    applyDocumentLanguage(form ? form.lang : uiLanguage(lang));
  }, [form, lang]);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    void fetchForm(token, lang, controller.signal).then(async (result) => {
      // The form shows with its words, never before them. They are usually loaded already (the effect
      // above); when the server answers in English for want of the language asked for, they are English.
      const shown = uiLanguage(result.kind === 'ok' ? result.form.lang : lang);
      const loaded = await loadDictionary(shown);
      if (controller.signal.aborted) return;
      remember(shown, loaded);
      setSwitching(false);
      if (result.kind === 'ok') {
        setForm(result.form);
        setScreen((current) => (current.kind === 'thanks' ? current : screenForForm(result.form)));
      } else {
        setScreen(screenFor(result));
      }
    });
    return () => controller.abort();
  }, [token, lang, attempt, remember]);

  const changeLanguage = useCallback((next: string) => {
    setLang(next);
    setSwitching(true);
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(null, '', url);
  }, []);

  const retry = useCallback(() => {
    setScreen({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const languages = form?.languages ?? [];
  const switcher =
    languages.length > 1 ? (
      <div className="lang-switch">
        <label htmlFor="lang-select">{t('language')}</label>
        <select id="lang-select" value={shownLang} onChange={(event) => changeLanguage(event.currentTarget.value)}>
          {languages.map((code) => (
            <option key={code} value={code} lang={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
      </div>
    ) : null;

  return (
    <>
      <header className="top-bar">
        <span className="brand">Geneva–MSME Connection</span>
        {switcher}
      </header>
      <main className="page" id="main" aria-busy={switching}>
        {screen.kind === 'loading' || !dictionary ? (
          // Empty until the words arrive, rather than English for a moment.
          <p className="loading" role="status">
            {dictionary ? t('loading') : null}
          </p>
        ) : screen.kind === 'form' && form ? (
          <ResponseForm
            token={token}
            form={form}
            t={t}
            drafts={drafts}
            onDraftsChange={setDrafts}
            profile={profile}
            onProfileChange={setProfile}
            onSubmitted={() => setScreen({ kind: 'thanks' })}
            onClosed={() => setScreen({ kind: 'closed' })}
            onNotFound={() => setScreen({ kind: 'not_found' })}
          />
        ) : screen.kind === 'feedback' && form?.feedback ? (
          <FeedbackScreen form={form} feedback={form.feedback} t={t} />
        ) : screen.kind !== 'form' && screen.kind !== 'feedback' ? (
          <StatusScreen
            kind={screen.kind}
            t={t}
            lang={shownLang}
            title={form?.title}
            retryAfterSeconds={'retryAfterSeconds' in screen ? screen.retryAfterSeconds : undefined}
            onRetry={
              screen.kind === 'network' || screen.kind === 'server' || screen.kind === 'too_many' ? retry : undefined
            }
          />
        ) : null}
      </main>
    </>
  );
}
