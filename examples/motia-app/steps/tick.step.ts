// Every 2 seconds: records which tick ran, so the checker can see that each
// tick ran at most once across all instances.
import { randomUUID } from 'node:crypto'

export const config = {
  type: 'cron' as const,
  name: 'Tick',
  cron: '*/2 * * * * *',
  emits: [],
  flows: ['orders'],
}

export const handler = async ({ state }: any) => {
  const tick = Math.floor(Date.now() / 2000) * 2
  await state.set('handled.Tick', `${tick}.${randomUUID()}`, { tick, pid: process.pid })
}
