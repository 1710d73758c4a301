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
  await state.set('handled.NotifyOrder', `${input.orderId}.${randomUUID()}`, { orderId: input.orderId, pid: process.pid })
}
