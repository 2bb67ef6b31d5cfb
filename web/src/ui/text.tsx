// Headings, paragraphs and small text pieces in NL Design System (Utrecht) classes.
import type { ReactNode } from 'react';

type Level = 1 | 2 | 3 | 4;

export function Heading({ level, children, id }: { level: Level; children: ReactNode; id?: string }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={`utrecht-heading-${level}`}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead }: { children: ReactNode; lead?: boolean }) {
  return <p className={`utrecht-paragraph${lead ? ' utrecht-paragraph--lead' : ''}`}>{children}</p>;
}

/** A long hex value (hash, key): shortened on screen, complete for screen readers, copy and tooltips. */
export function Hex({ value, chars = 10 }: { value: string | null | undefined; chars?: number }) {
  if (!value) return <span>—</span>;
  const short = value.length > chars * 2 + 1 ? `${value.slice(0, chars)}…${value.slice(-4)}` : value;
  return (
    <code className="kb-hex" title={value}>
      <span aria-hidden="true">{short}</span>
      <span className="kb-visually-hidden">{value}</span>
    </code>
  );
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="kb-visually-hidden">{children}</span>;
}
