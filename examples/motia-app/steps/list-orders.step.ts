// GET /orders: every order's stream item, from whichever instance answers.
export const config = {
  type: 'api' as const,
  name: 'ListOrders',
  path: '/orders',
  method: 'GET' as const,
  emits: [],
  flows: ['orders'],
}

export const handler = async (_req: any, { streams }: any) => {
  return { status: 200, body: await streams.orders.getGroup('all') }
}
