import type { TodayItem, TodayView } from '@shared/api/ladder'

const ORDER_KEY = 'lange-adem:vandaag:volgorde'

/** The order in which Vandaag showed the signed-in consulent's tasks, for "Volgende taak". */
export function rememberTodayOrder(view: TodayView): void {
  try {
    const ids = view.groepen.flatMap((g) => g.items.map((i) => i.caseId))
    sessionStorage.setItem(ORDER_KEY, JSON.stringify(ids))
  } catch {
    // Without storage the next task is the first one left.
  }
}

function todayOrder(): number[] {
  try {
    const raw = sessionStorage.getItem(ORDER_KEY)
    const ids: unknown = raw ? JSON.parse(raw) : []
    return Array.isArray(ids) ? ids.filter((x): x is number => typeof x === 'number') : []
  } catch {
    return []
  }
}

/**
 * The task after `current`: the next one in the order Vandaag showed that is still due, so the
 * consulent works down the list she saw; else the first task left (new ones at the end).
 */
export function pickNext(
  order: readonly number[],
  current: number,
  due: readonly TodayItem[],
): TodayItem | null {
  const left = due.filter((i) => i.caseId !== current)
  const byId = new Map(left.map((i) => [i.caseId, i]))
  const at = order.indexOf(current)
  for (const id of at >= 0 ? order.slice(at + 1) : []) if (byId.has(id)) return byId.get(id)!
  return left[0] ?? null
}

export function nextTask(current: number, view: TodayView): TodayItem | null {
  return pickNext(
    todayOrder(),
    current,
    view.groepen.flatMap((g) => g.items),
  )
}
