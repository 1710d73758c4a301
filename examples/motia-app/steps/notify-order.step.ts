// order.processed: records its handling.
import { randomUUID } from 'node:crypto'

export const config = {
  type: 'event' as const,
  name: 'NotifyOrder',
  subscribes: ['order.processed'],
  emits: [],
  flows: ['orders'],
  infrastructure: { queue: { type: 'standard' as const, visibilityTimeout: 10, maxRetries: 3 } },
}

export const handler = async (input: any, { state }: any) => {
  const startedAt = Date.now()  // `at`: when this handling began (the checker's in-flight window)
  await state.set('handled.NotifyOrder', `${input.orderId}.${randomUUID()}`, { orderId: input.orderId, pid: process.pid, at: startedAt })
}
