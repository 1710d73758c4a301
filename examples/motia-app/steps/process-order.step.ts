// order.created: logs, writes state under the trace, a stream item, a record
// of this handling (the example's checker counts them), and emits again.
import { randomUUID } from 'node:crypto'

export const config = {
  type: 'event' as const,
  name: 'ProcessOrder',
  subscribes: ['order.created'],
  emits: ['order.processed'],
  flows: ['orders'],
  infrastructure: { queue: { type: 'standard' as const, visibilityTimeout: 10, maxRetries: 3 } },
}

export const handler = async (input: any, { state, streams, emit, traceId, logger }: any) => {
  const startedAt = Date.now()  // `at`: when this handling began (the checker's in-flight window)
  const { orderId } = input
  logger.info('processing order', { orderId })
  await state.set(traceId, 'order', { orderId, status: 'processed' })
  // `by`: the instance whose step wrote the item (the checker's live-stream latency)
  await streams.orders.set('all', orderId, { orderId, status: 'processed', by: process.env.EXAMPLE_INSTANCE })
  await state.set('handled.ProcessOrder', `${orderId}.${randomUUID()}`, { orderId, pid: process.pid, at: startedAt })
  await emit({ topic: 'order.processed', data: { orderId } })
}
