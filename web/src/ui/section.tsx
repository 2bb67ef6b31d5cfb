import type { ReactNode } from 'react';
import { Heading } from './text.tsx';

/** A titled block of a page; the heading names the region for screen-reader navigation. */
export function Section({
  title,
  level = 2,
  children,
  id,
}: {
  title: ReactNode;
  level?: 2 | 3;
  children: ReactNode;
  id?: string;
}) {
  const headingId =
    id ??
    `s-${String(title)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className="kb-section" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
