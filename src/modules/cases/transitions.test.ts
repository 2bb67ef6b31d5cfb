import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTimeline, partnerOverview } from './queries.ts';
import { DEBT_ASSISTANCE, WMO_REQUEST } from './templates.ts';
import { CaseDriver, type CasesFixture, createCasesFixture } from './test-fixture.ts';

let f: CasesFixture;
beforeAll(async () => {
  f = await createCasesFixture();
  await f.publish(DEBT_ASSISTANCE);
  await f.publish(WMO_REQUEST);
});
afterAll(async () => f?.chain.stop());

describe.each([DEBT_ASSISTANCE, WMO_REQUEST])('every transition of $id', (template) => {
  const steps = new Map(template.steps.map((s) => [s.id, s]));
  it.each(template.transitions.map((t) => ({ ...t, label: `${t.from} → ${t.to}` })))(
    '$label: only the performer moves it, and only with the step complete when required',
    async (t) => {
      const d = await CaseDriver.open(f, template.id);
      await d.inviteAll();
      await d.driveTo(t.from);
      const from = steps.get(t.from)!;
      const requiresComplete = t.requiresComplete ?? true;
      const hasRequirements = (from.requires?.length ?? 0) + (from.requiredFields?.length ?? 0) > 0;

      if (requiresComplete && hasRequirements) {
        const early = await d.advance(t.to);
        expect(early.error).toBe('cases.requirements_missing');
        await d.completeStep();
      }
      const other = d.records.partners.find((p) => !p.roles.includes(from.performer))!;
      const wrongRole = await d.send(d.nameOf(other.oin), 'cases.advance', { caseId: d.id, to: t.to });
      expect(wrongRole.error).toBe('cases.wrong_role');
      expect(d.case.step).toBe(t.from);

      const moved = await d.advance(t.to);
      expect(moved.error, moved.log).toBe('');
      expect(d.case.step).toBe(t.to);
      const terminal = steps.get(t.to)!.terminal === true;
      expect(d.case.status).toBe(terminal ? 'closed' : 'open');
      const listed = partnerOverview(f.chain.app.committed, other.oin).cases.some((c) => c.id === d.id);
      expect(listed).toBe(!terminal);
      const timeline = caseTimeline(f.chain.app.committed, d.id)!;
      expect(timeline.at(-1)).toMatchObject({
        action: 'advanced',
        by: d.records.partners.find((p) => p.roles.includes(from.performer))!.oin,
        details: { from: t.from, to: t.to },
      });
    },
  );
});
