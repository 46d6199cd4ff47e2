import { describe, expect, it } from 'vitest'
import type { TodayItem } from '@shared/api/ladder'
import { pickNext } from './nextTask'

const item = (caseId: number) => ({ caseId }) as TodayItem

describe('the next task after saving an attempt opened from Vandaag', () => {
  it('is the next one down the list as Vandaag showed it, still due', () => {
    expect(pickNext([1, 2, 3, 4], 2, [item(1), item(3), item(4)])?.caseId).toBe(3)
    // 3 was done meanwhile (no longer due): the one after it.
    expect(pickNext([1, 2, 3, 4], 2, [item(1), item(4)])?.caseId).toBe(4)
  })
  it('after the last one, the first task left; none left: null', () => {
    expect(pickNext([1, 2, 3], 3, [item(1), item(2)])?.caseId).toBe(1)
    expect(pickNext([1, 2], 2, [item(2)])).toBeNull()
    expect(pickNext([], 5, [item(7)])?.caseId).toBe(7)
  })
})
