// The monthly statement of a care budget, as a PGB payer sends it: balance at the start and end of
// the month, care paid, refunds and returns, and every declaration for that month.
import { useState } from 'react';
import type { CareBudgetView } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { DataList } from '../../ui/data-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading } from '../../ui/text.tsx';
import { earlierMonth, monthLabel, monthOf, monthsBetween } from '../shared/care-units.ts';
import { StateBadge } from '../shared/states.tsx';

export function CareStatement({ view, version }: { view: CareBudgetView; version: number }) {
  const { t, lang, fmt } = useI18n();
  const dir = useDirectory();
  const { voucher: v, fund } = view;
  const now = monthOf(new Date().toISOString());
  const last = earlierMonth(monthOf(fund.endDate), now);
  const months = monthsBetween(monthOf(v.issuedAt), last);
  const [period, setPeriod] = useState(months[0] ?? now);
  const statement = useLoad(() => client.budgets.careStatement(v.id, period), [v.id, period, version]);
  const line = statement.data?.budgets[0];
  return (
    <section aria-labelledby={`statement-${v.id}`} data-testid="care-statement">
      <Heading level={4} id={`statement-${v.id}`}>
        {t('care.statement')}
      </Heading>
      <SelectField
        label={t('care.month')}
        value={period}
        onChange={setPeriod}
        name="statementMonth"
        options={months.map((m) => ({ value: m, label: monthLabel(lang, m) }))}
      />
      <ErrorAlert error={statement.error} />
      {line && (
        <>
          <DataList
            testId="care-statement-totals"
            items={[
              [t('care.st.opening'), fmt.money(line.openingCents)],
              line.allocatedCents !== '0' && [t('care.st.allocated'), fmt.money(line.allocatedCents)],
              [
                t('care.st.paid'),
                <span key="p" data-testid="care-statement-paid">
                  {fmt.money(line.carePaidCents)}
                </span>,
              ],
              line.refundedCents !== '0' && [t('care.st.refunded'), fmt.money(line.refundedCents)],
              line.returnedCents !== '0' && [t('care.st.returned'), fmt.money(line.returnedCents)],
              [
                t('care.st.closing'),
                <span key="c" data-testid="care-statement-closing">
                  {fmt.money(line.closingCents)}
                </span>,
              ],
            ]}
          />
          <DataTable
            caption={t('care.st.declarations', { month: monthLabel(lang, period) })}
            rows={line.declarations}
            rowKey={(d) => d.id}
            empty={t('care.decl.none')}
            columns={[
              { header: t('common.provider'), cell: (d) => dir.byOin.get(d.provider)?.name ?? d.provider },
              { header: t('care.units'), numeric: true, cell: (d) => d.units },
              { header: t('common.amount'), numeric: true, cell: (d) => fmt.money(d.amountCents) },
              { header: t('common.status'), cell: (d) => <StateBadge kind="declState" state={d.state} /> },
            ]}
          />
        </>
      )}
    </section>
  );
}
