import type { ReactNode } from 'react';

/** Key-value facts about one thing (a tx, a fund, a record). */
export function DataList({
  items,
  testId,
}: {
  items: Array<[ReactNode, ReactNode] | false | null | undefined>;
  testId?: string;
}) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows" data-testid={testId}>
      {items
        .filter((i): i is [ReactNode, ReactNode] => !!i)
        .map(([k, v], i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt as a whole
          <div className="utrecht-data-list__item" key={i}>
            <dt className="utrecht-data-list__item-key">{k}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{v}</dd>
          </div>
        ))}
    </dl>
  );
}
