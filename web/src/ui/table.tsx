import type { ReactNode } from 'react';

export interface Column<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  numeric?: boolean;
}

/** A captioned data table; a wide table scrolls sideways inside its container. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  testId,
  hideCaption,
}: {
  caption: ReactNode;
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  empty?: ReactNode;
  testId?: string;
  /** The caption stays for screen readers but is not shown (a heading above already says it). */
  hideCaption?: boolean;
}) {
  return (
    <div className="utrecht-table__container kb-table-scroll">
      <table
        className="utrecht-table utrecht-table--html-table utrecht-table--distanced"
        data-testid={testId}
      >
        <caption className={`utrecht-table__caption${hideCaption ? ' kb-visually-hidden' : ''}`}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((c, i) => (
              <th
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are static per table
                key={i}
                scope="col"
                className={`utrecht-table__header-cell${c.numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.length === 0 && (
            <tr className="utrecht-table__row">
              <td className="utrecht-table__cell" colSpan={columns.length}>
                {empty ?? '—'}
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={rowKey(r)} className="utrecht-table__row">
              {columns.map((c, i) => (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are static per table
                  key={i}
                  className={`utrecht-table__cell${c.numeric ? ' utrecht-table__cell--numeric-data' : ''}`}
                >
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
