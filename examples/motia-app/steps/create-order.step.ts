// POST /orders {orderId}: emits order.created.
export const config = {
  type: 'api' as const,
  name: 'CreateOrder',
  path: '/orders',
  method: 'POST' as const,
  emits: ['order.created'],
  flows: ['orders'],
}

export const handler = async (req: any, { emit, traceId }: any) => {
  const orderId = String(req.body?.orderId ?? '')
  if (!orderId) return { status: 400, body: { error: 'orderId is required' } }
  await emit({ topic: 'order.created', data: { orderId } })
  return { status: 200, body: { orderId, traceId } }
}
