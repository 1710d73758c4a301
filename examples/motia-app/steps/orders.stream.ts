import { z } from 'zod'

export const config = {
  name: 'orders',
  schema: z.object({ orderId: z.string(), status: z.string() }),
  baseConfig: { storageType: 'default' as const },
}
