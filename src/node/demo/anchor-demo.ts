import { sha256Hex } from '../../core/hash-node.ts';
import type { DemoLoader } from './demo-context.ts';

export const anchorDemo: DemoLoader = {
  name: 'anchors and governance',
  async load(ctx) {
    const docs = ['Raadsbesluit demo 2026-01', 'Verordening voorbeeld minima 2026', 'Jaarverslag demo 2025'];
    for (const [i, label] of docs.entries()) {
      await ctx.send(i % 2 === 0 ? 'gemeente-voorbeeldstad' : 'gemeente-proefdorp', 'anchor.create', {
        hash: sha256Hex(`demo document: ${label}`),
        label,
      });
    }
    const deadline = new Date(Date.parse(ctx.now()) + 7 * 24 * 3600 * 1000).toISOString();
    await ctx.send('gemeente-voorbeeldstad', 'identity.submit_proposal', {
      title: 'Museum Nepstad wordt lid van het consortium',
      action: { kind: 'set_member', oin: ctx.key('museum-nepstad').oin, member: true },
      deadline,
    });
  },
};
