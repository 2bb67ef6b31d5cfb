// Every text of the app, Dutch and English side by side, one table per area.
import { care } from './messages/care.ts';
import { caseActions } from './messages/case-actions.ts';
import { caseCodes } from './messages/case-codes.ts';
import { cases } from './messages/cases.ts';
import { common } from './messages/common.ts';
import { explorer } from './messages/explorer.ts';
import { home } from './messages/home.ts';
import { identity } from './messages/identity.ts';
import { provider } from './messages/provider.ts';
import { registers } from './messages/registers.ts';
import { sponsor } from './messages/sponsor.ts';
import { txTypes } from './messages/tx-types.ts';
import { votes } from './messages/votes.ts';
import { wallet } from './messages/wallet.ts';

export const MESSAGES = {
  ...common,
  ...home,
  ...identity,
  ...explorer,
  ...txTypes,
  ...sponsor,
  ...provider,
  ...wallet,
  ...care,
  ...registers,
  ...votes,
  ...cases,
  ...caseCodes,
  ...caseActions,
};

export type MessageKey = keyof typeof MESSAGES;
