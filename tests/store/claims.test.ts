/** Claims on DynamoDB Local: one holder at a time, renewal, lapse, release, and the batch read the queue uses. */
import { describe, expect, it } from 'vitest';
import { CLAIM_MINUTES, createClaimStore } from '../../functions/store/claims.js';
import { createStore } from '../../functions/store/index.js';
import { freshStore } from './table.js';

const AD = 'ad_claimsclaimsclaims0';
const OTHER_AD = 'ad_claimsclaimsclaims1';

async function claimsAt(clock: { now: Date }) {
  const base = await freshStore('claims');
  return createClaimStore(createStore({ client: base.table.client, tableName: base.table.name, now: () => clock.now }).table);
}

describe('claims', () => {
  it('holds an ad for one moderator: a second one is told who holds it until when, the holder renews', async () => {
    const clock = { now: new Date('2026-06-01T08:00:00.000Z') };
    const claims = await claimsAt(clock);
    await expect(claims.claim(AD, { keyId: 'moderatorA', label: '审核员甲' })).resolves.toMatchObject({ keyId: 'moderatorA', label: '审核员甲', until: '2026-06-01T08:05:00.000Z' });
    // The other moderator does not take it over: the answer names the holder.
    await expect(claims.claim(AD, { keyId: 'moderatorB' })).resolves.toMatchObject({ keyId: 'moderatorA', label: '审核员甲' });
    clock.now = new Date('2026-06-01T08:03:00.000Z');
    await expect(claims.claim(AD, { keyId: 'moderatorA', label: '审核员甲' })).resolves.toMatchObject({ keyId: 'moderatorA', until: '2026-06-01T08:08:00.000Z' });
  });

  it(`lapses after ${CLAIM_MINUTES} minutes: the queue no longer shows it and another moderator may take the ad`, async () => {
    const clock = { now: new Date('2026-06-01T08:00:00.000Z') };
    const claims = await claimsAt(clock);
    await claims.claim(AD, { keyId: 'moderatorA' });
    await claims.claim(OTHER_AD, { keyId: 'moderatorB' });
    expect([...(await claims.current([AD, OTHER_AD, 'ad_neverclaimedneverc0'])).keys()].sort()).toEqual([AD, OTHER_AD]);
    clock.now = new Date(Date.parse('2026-06-01T08:00:00.000Z') + CLAIM_MINUTES * 60_000);
    await expect(claims.current([AD])).resolves.toEqual(new Map());
    await expect(claims.claim(AD, { keyId: 'moderatorB' })).resolves.toMatchObject({ keyId: 'moderatorB' });
  });

  it('is released only by its holder', async () => {
    const clock = { now: new Date('2026-06-01T08:00:00.000Z') };
    const claims = await claimsAt(clock);
    await claims.claim(AD, { keyId: 'moderatorA' });
    await claims.release(AD, 'moderatorB');
    expect((await claims.current([AD])).get(AD)?.keyId).toBe('moderatorA');
    await claims.release(AD, 'moderatorA');
    await expect(claims.current([AD])).resolves.toEqual(new Map());
    await expect(claims.claim(AD, { keyId: 'moderatorB' })).resolves.toMatchObject({ keyId: 'moderatorB' });
  });

  it('of two moderators claiming at once, exactly one holds the ad and both are told the same holder', async () => {
    const claims = await claimsAt({ now: new Date('2026-06-01T08:00:00.000Z') });
    const answers = await Promise.all(['moderatorA', 'moderatorB', 'moderatorC'].map((keyId) => claims.claim(AD, { keyId })));
    expect(new Set(answers.map((a) => a.keyId)).size).toBe(1);
  });
});
