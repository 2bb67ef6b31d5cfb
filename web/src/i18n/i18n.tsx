// Dutch by default, English on request. Texts live in per-area tables (messages/*.ts) that carry
// both languages side by side, so a missing translation is a type error, not a blank label.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { MESSAGES, type MessageKey } from './messages.ts';
import type { Lang } from './types.ts';

export type { Lang, MessageKey };
export type Vars = Record<string, string | number>;

const STORAGE_KEY = 'ketenboek.lang';

export function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const m = MESSAGES[key] as { nl: string; en: string } | undefined;
  return m ? interpolate(m[lang], vars) : key;
}

/** For keys built at run time (a tx type, a status): the text if there is one, else the fallback. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

export interface Formatters {
  /** Euro cents (decimal string or number) as "€ 12,34". */
  money(cents: string | number | bigint | null | undefined): string;
  /** RFC 3339 as date and time in Dutch time (Europe/Amsterdam), as government letters show it. */
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  time(iso: string | null | undefined): string;
  number(n: number): string;
}

function formatters(lang: Lang): Formatters {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  const zone = 'Europe/Amsterdam';
  const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const dt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: zone });
  const d = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone });
  const tm = new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone: zone });
  const num = new Intl.NumberFormat(locale);
  const valid = (iso: string | null | undefined): iso is string => !!iso && !Number.isNaN(Date.parse(iso));
  return {
    money: (cents) =>
      cents === null || cents === undefined || cents === '' ? '—' : euro.format(Number(cents) / 100),
    dateTime: (iso) => (valid(iso) ? dt.format(new Date(iso)) : '—'),
    // Plain dates (YYYY-MM-DD) are calendar days, not instants: show them as such.
    date: (iso) => (valid(iso) ? d.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)) : '—'),
    time: (iso) => (valid(iso) ? tm.format(new Date(iso)) : '—'),
    number: (n) => num.format(n),
  };
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Vars): string;
  /** A run-time key (e.g. "txType.budgets.pay"), or the fallback when there is no text for it. */
  tOr(key: string, fallback: string, vars?: Vars): string;
  fmt: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'nl';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      tOr: (key, fallback, vars) => (hasMessage(key) ? translate(lang, key, vars) : fallback),
      fmt: formatters(lang),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
